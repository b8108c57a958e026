package io.rollcheck.webui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.SecondFactor;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ValidationFailed;

/**
 * Turning on the second factor: a new secret for the authenticator app (as text: the key to type
 * in, and the otpauth URI), then a code from the app proves it works ({@link SecondFactor}).
 */
class TotpSection extends Div {

    private final SecondFactor secondFactor;
    private final TenantContext tenant;
    private final Principal principal;
    private final Div setup = new Div();
    private final Button begin = new Button();

    TotpSection(SecondFactor secondFactor, TenantContext tenant, Principal principal) {
        this.secondFactor = secondFactor;
        this.tenant = tenant;
        this.principal = principal;
        setId("totp");
        addClassName("rc-card");
        setup.addClassName("rc-narrow");
        begin.setText(getTranslation("totp.begin"));
        begin.addClickListener(e -> begin());
        begin.setId("totp-begin");
        begin.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        add(new Paragraph(getTranslation("totp.intro")), begin, setup);
    }

    private void begin() {
        SecondFactor.Enrollment e = secondFactor.begin(tenant, principal);
        setup.removeAll();
        TextField secret = new TextField(getTranslation("totp.secret"));
        secret.setId("totp-secret");
        secret.setValue(e.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("rc-mono");
        TextArea uri = new TextArea(getTranslation("totp.uri"));
        uri.setId("totp-uri");
        uri.setValue(e.uri());
        uri.setReadOnly(true);
        uri.setWidthFull();
        uri.addClassNames("rc-link-field", "rc-mono");
        TextField code = new TextField(getTranslation("totp.code"));
        code.setId("totp-code");
        code.setMaxLength(8);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.getElement().setAttribute("inputmode", "numeric");
        code.setManualValidation(true);
        Button confirm = new Button(getTranslation("totp.confirm"));
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(c -> {
            try {
                secondFactor.confirm(tenant, principal, code.getValue().strip());
                setup.removeAll();
                begin.setVisible(false);
                Paragraph done = new Paragraph(getTranslation("totp.done"));
                done.setId("totp-done");
                done.addClassName("rc-success");
                setup.add(done);
            } catch (ValidationFailed failed) {
                code.setErrorMessage(getTranslation("error." + failed.errors().get(0).code()));
                code.setInvalid(true);
            }
        });
        FormLayout form = new FormLayout(secret, uri, code, confirm);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        setup.add(new Paragraph(getTranslation("totp.scan")), form);
    }
}
