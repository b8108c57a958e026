package io.rollcheck.webui.admin.campaign;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Consumer;

/** Asks for the name under which the draft is kept as the university's own template. */
class TemplateDialog extends Dialog {

    TemplateDialog(Consumer<String> save) {
        setHeaderTitle(getTranslation("admin.editor.saveTemplate"));
        setId("template-dialog");
        setWidth("min(28rem, 95vw)");
        Paragraph help = new Paragraph(getTranslation("admin.editor.templateHelp"));
        help.addClassName("rc-secondary");
        TextField name = new TextField(getTranslation("admin.editor.templateName"));
        name.setId("template-name");
        name.setMaxLength(100);
        name.setWidthFull();
        Button ok = new Button(getTranslation("admin.editor.templateSave"), e -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("error.campaign.name"));
                name.setInvalid(true);
                return;
            }
            save.accept(name.getValue());
            close();
        });
        ok.setId("template-save");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("operator.cancel"), e -> close());
        add(help, name);
        getFooter().add(cancel, ok);
    }
}
