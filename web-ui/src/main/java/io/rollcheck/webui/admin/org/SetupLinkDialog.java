package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.List;
import java.util.Map;

/** The one-time setup links of new staff accounts, shown this once (only their hashes are stored). */
class SetupLinkDialog extends Dialog {

    SetupLinkDialog(String title, List<Map<String, String>> links) {
        setHeaderTitle(title);
        setId("setup-link-dialog");
        setWidth("min(40rem, 95vw)");
        Paragraph help = new Paragraph(getTranslation("admin.org.staff.linkHelp"));
        help.addClassName("rc-secondary");
        add(help);
        int i = 0;
        for (Map<String, String> l : links) {
            String link = l.get("setupLink");
            TextArea field = new TextArea(getTranslation("admin.org.staff.linkFor", l.get("username")));
            field.setId("setup-link-" + i);
            field.setValue(link);
            field.setReadOnly(true);
            field.setWidthFull();
            field.addClassName("rc-link-field");
            Button copy = new Button(getTranslation("operator.copy"), VaadinIcon.COPY.create());
            copy.setId("setup-link-copy-" + i);
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
            copy.addClickListener(e -> {
                copy.getElement().executeJs("return navigator.clipboard.writeText($0)", link);
                copy.setText(getTranslation("operator.copied"));
            });
            add(field, copy);
            i++;
        }
        Button ok = new Button(getTranslation("operator.close"), e -> close());
        ok.setId("setup-link-close");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(ok);
    }
}
