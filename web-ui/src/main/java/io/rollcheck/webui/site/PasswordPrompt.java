package io.rollcheck.webui.site;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.textfield.Autocomplete;
import io.rollcheck.platform.security.SignIn;

/**
 * Asks the signed-in student to prove it is still him: his password again (and his code when he has
 * a second factor). An account without a password of its own (single sign-on only) is told so instead.
 */
public final class PasswordPrompt extends Div {

    private final boolean withPassword;
    private final PasswordField password = new PasswordField();
    private final TextField code = new TextField();
    private final Paragraph problem = new Paragraph();

    public PasswordPrompt(String id, boolean withPassword) {
        this.withPassword = withPassword;
        setId(id);
        addClassName("rc-reauth");
        if (!withPassword) {
            Paragraph sso = new Paragraph(getTranslation("student.reauth.sso"));
            sso.setId(id + "-sso");
            sso.addClassName("rc-secondary");
            problem.setId(id + "-problem");
            problem.addClassName("rc-error");
            problem.setVisible(false);
            add(sso, problem);
            return;
        }
        password.setLabel(getTranslation("student.reauth.password"));
        password.setHelperText(getTranslation("student.reauth.help"));
        password.setId(id + "-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setMaxLength(200);
        password.setWidthFull();
        password.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        code.setLabel(getTranslation("student.reauth.code"));
        code.setId(id + "-code");
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.setMaxLength(8);
        code.setVisible(false);
        add(password, code);
    }

    /** False: single sign-on only, the method is "SSO". */
    public boolean withPassword() {
        return withPassword;
    }

    public String password() {
        return password.getValue();
    }

    public String code() {
        return code.isVisible() ? code.getValue().strip() : null;
    }

    /**
     * Shows why the platform refused ({@link SignIn#reauthenticate}'s refusals): a wrong password as
     * such, a lock with the seconds to wait; asks for the code if that is missing.
     */
    public void refused(SignIn.Refused refusal) {
        String reason = refusal.code();
        if (!withPassword) {
            error(Reauth.SSO_STALE.equals(reason) ? getTranslation("error." + reason)
                    : getTranslation(refusal.messageKey(), refusal.retryAfterSeconds()));
            return;
        }
        if (SignIn.TOTP_REQUIRED.equals(reason)) {
            code.setVisible(true);
            code.setErrorMessage(getTranslation("error.reauth.totp.required"));
            code.setInvalid(true);
            code.focus();
            return;
        }
        password.clear();
        password.setErrorMessage(SignIn.BAD_CREDENTIALS.equals(reason) ? getTranslation("error.reauth.password.wrong")
                : getTranslation(refusal.messageKey(), refusal.retryAfterSeconds()));
        password.setInvalid(true);
        password.focus();
    }

    /** The password is required: said under the field. */
    public void missing() {
        password.setErrorMessage(getTranslation("error.reauth.password.required"));
        password.setInvalid(true);
        password.focus();
    }

    /** Shows a message where the user looks: under the password, or under the single sign-on note. */
    public void error(String message) {
        if (!withPassword) {
            problem.setText(message);
            problem.setVisible(true);
            return;
        }
        password.setErrorMessage(message);
        password.setInvalid(true);
    }

    public void focusPassword() {
        if (withPassword) {
            password.focus();
        }
    }
}
