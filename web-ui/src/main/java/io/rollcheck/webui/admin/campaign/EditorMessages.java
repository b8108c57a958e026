package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The editor's answer line: "saved", "published as version 2", or every reason a save or a publish
 * was refused, each in the reader's language and saying where (e.g. "Office 2: wrong phone format").
 */
class EditorMessages extends Div {

    private static final Pattern INDEXED = Pattern.compile("^(checklist|offices)\\[(\\d+)]");

    EditorMessages() {
        setId("editor-messages");
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    void ok(String text) {
        removeAll();
        setClassName("rc-card");
        addClassName("rc-success");
        add(new Paragraph(text));
        setVisible(true);
    }

    void clear() {
        removeAll();
        setVisible(false);
    }

    void refused(String titleKey, ValidationFailed failed) {
        removeAll();
        setClassName("rc-card");
        addClassName("rc-alert");
        Paragraph title = new Paragraph(getTranslation(titleKey));
        title.addClassName("rc-alert-title");
        UnorderedList reasons = new UnorderedList();
        reasons.setId("editor-reasons");
        for (FieldError e : failed.errors()) {
            ListItem li = new ListItem(where(e) + getTranslation("error." + e.code()));
            li.getElement().setAttribute("data-code", e.code());
            reasons.add(li);
        }
        add(title, reasons);
        setVisible(true);
    }

    private String where(FieldError e) {
        Matcher m = INDEXED.matcher(e.field() == null ? "" : e.field());
        if (!m.find()) {
            return "";
        }
        return getTranslation("admin.editor.where." + m.group(1), Integer.parseInt(m.group(2)) + 1);
    }
}
