package io.rollcheck.webui.site;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import io.rollcheck.platform.validation.ValidationFailed;

import java.util.function.Consumer;

/**
 * A new password typed twice and a submit button ({@code <id>-password}, {@code <id>-confirm},
 * {@code <id>-submit}): the two must match before {@code submit} runs; a refusal of the password
 * ({@link ValidationFailed}) is shown under it. Used by the first-password setup and the reset link.
 */
public final class NewPasswordForm extends FormLayout {

    private final PasswordField password = new PasswordField(getTranslation("setup.password"));
    private final PasswordField confirm = new PasswordField(getTranslation("setup.confirm"));

    public NewPasswordForm(String id, String submitLabel, Consumer<String> submit) {
        password.setId(id + "-password");
        password.setHelperText(getTranslation("setup.passwordHelp"));
        confirm.setId(id + "-confirm");
        for (PasswordField f : new PasswordField[]{password, confirm}) {
            f.setAutocomplete(Autocomplete.NEW_PASSWORD);
            f.setManualValidation(true);
        }
        Button save = new Button(submitLabel);
        save.setId(id + "-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> {
            password.setInvalid(false);
            confirm.setInvalid(false);
            if (!password.getValue().equals(confirm.getValue())) {
                error(confirm, "setup.mismatch");
                return;
            }
            try {
                submit.accept(password.getValue());
            } catch (ValidationFailed failed) {
                error(password, "error." + failed.errors().get(0).code());
            }
        });
        add(password, confirm, save);
        setResponsiveSteps(new ResponsiveStep("0", 1));
    }

    private void error(TextFieldBase<?, ?> field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }
}
