package io.rollcheck.webui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.PasswordReset;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;

/**
 * {@code /reset-request}: asks for a reset link by 学号/工号 or e-mail address. The answer is the
 * same whether or not the account exists or has an address; only a rate limit says something else.
 */
@Prototype
@Route(value = "reset-request", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class ResetRequestView extends PageShell {

    private final PasswordReset reset;
    private final Tenant tenant;
    private final TextField account = new TextField();
    private final Paragraph result = new Paragraph();

    ResetRequestView(PasswordReset reset) {
        this.reset = reset;
        this.tenant = Site.tenant();
        tenantFrame(tenant);
        H2 heading = new H2(getTranslation("resetRequest.title"));
        heading.setId("reset-request-title");
        account.setLabel(getTranslation("resetRequest.account"));
        account.setId("reset-request-account");
        account.setAutocomplete(Autocomplete.USERNAME);
        account.setMaxLength(200);
        result.setId("reset-request-result");
        result.getElement().setAttribute("role", "status");
        result.setVisible(false);
        Button send = new Button(getTranslation("resetRequest.submit"), e -> send());
        send.setId("reset-request-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        Anchor back = new Anchor("/login", getTranslation("resetRequest.back"));
        back.setId("reset-request-back");
        FormLayout form = new FormLayout(account, result, send, back);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Div card = new Div(new Paragraph(getTranslation("resetRequest.intro")), form);
        card.addClassName("rc-card");
        centred(heading, card);
        account.focus();
    }

    private void send() {
        if (account.getValue().isBlank()) {
            return;
        }
        boolean sent = reset.request(tenant, account.getValue().strip(), getLocale(), Site.ip());
        result.setText(getTranslation(sent ? "resetRequest.done" : "problem.rate_limited"));
        result.setClassName(sent ? "rc-success" : "rc-error");
        result.setVisible(true);
        account.clear();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("resetRequest.title");
    }
}
