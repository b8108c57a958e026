package io.rollcheck.webui.operator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.Optional;

/** Shows a tenant's portal address and, when there is one, the registrar's one-time setup link. */
class LinkDialog extends Dialog {

    LinkDialog(String title, String portalUrl, Optional<String> setupLink) {
        setHeaderTitle(title);
        setWidth("min(40rem, 95vw)");
        setId("link-dialog");
        Anchor portal = new Anchor(portalUrl, portalUrl);
        portal.setId("approved-portal-url");
        portal.setTarget("_blank");
        add(new Paragraph(getTranslation("operator.links.portal")), portal);
        setupLink.ifPresentOrElse(link -> {
            TextArea field = new TextArea(getTranslation("operator.links.setup"));
            field.setId("approved-setup-link");
            field.setValue(link);
            field.setReadOnly(true);
            field.setWidthFull();
            field.addClassName("rc-link-field");
            field.setHelperText(getTranslation("operator.links.setupHelp"));
            Button copy = new Button(getTranslation("operator.copy"), VaadinIcon.COPY.create());
            copy.setId("copy-setup-link");
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL);
            copy.addClickListener(e -> {
                copy.getElement().executeJs("return navigator.clipboard.writeText($0)", link);
                copy.setText(getTranslation("operator.copied"));
            });
            add(field, copy);
        }, () -> add(new Paragraph(getTranslation("operator.links.noSetup"))));
        Button ok = new Button(getTranslation("operator.close"), e -> close());
        ok.setId("link-dialog-close");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(ok);
    }
}
