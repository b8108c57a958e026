package io.rollcheck.webui.operator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import io.rollcheck.platform.validation.ValidationFailed;

import java.util.function.Consumer;

/** Asks for a reason (reject, suspend) and hands it to the action; field errors stay in the dialog. */
class ReasonDialog extends Dialog {

    ReasonDialog(String title, String idPrefix, Consumer<String> action) {
        setHeaderTitle(title);
        setWidth("min(32rem, 95vw)");
        TextArea reason = new TextArea(getTranslation("operator.reason"));
        reason.setId(idPrefix + "-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        add(reason);
        Button confirm = new Button(getTranslation("operator.confirm"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("error.reason.required"));
                reason.setInvalid(true);
                return;
            }
            try {
                action.accept(reason.getValue());
                close();
            } catch (ValidationFailed failed) {
                reason.setErrorMessage(getTranslation("error." + failed.errors().get(0).code()));
                reason.setInvalid(true);
            }
        });
        confirm.setId(idPrefix + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button(getTranslation("operator.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }
}
