package io.rollcheck.webui.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.PasswordReset;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.NewPasswordForm;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;

/** {@code /reset/<token>}: the link from the reset mail; sets a new password once. */
@Prototype
@Route(value = "reset", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class ResetView extends PageShell implements HasUrlParameter<String> {

    private final PasswordReset reset;
    private final Tenant tenant;
    private final Div body = new Div();

    ResetView(PasswordReset reset) {
        this.reset = reset;
        this.tenant = Site.tenant();
        tenantFrame(tenant);
        body.addClassName("rc-card");
        H2 heading = new H2(getTranslation("reset.title"));
        heading.setId("reset-title");
        centred(heading, body);
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        body.removeAll();
        if (token == null || token.isBlank() || token.length() > 200) {
            invalid();
            return;
        }
        NewPasswordForm form = new NewPasswordForm("reset", getTranslation("reset.submit"), password -> {
            try {
                reset.complete(tenant, token, password, Site.ip());
                done();
            } catch (ValidationFailed failed) {
                FieldError f = failed.errors().get(0);
                if (!"token".equals(f.field())) {
                    throw failed; // the form shows it under the password
                }
                invalid();
            }
        });
        body.add(new Paragraph(getTranslation("reset.intro")), form);
    }

    private void invalid() {
        body.removeAll();
        Paragraph p = new Paragraph(getTranslation("error.reset.invalid"));
        p.setId("reset-invalid");
        body.add(p, new Anchor("/reset-request", getTranslation("reset.again")));
    }

    private void done() {
        body.removeAll();
        Paragraph ok = new Paragraph(getTranslation("reset.done"));
        ok.setId("reset-done");
        Anchor login = new Anchor("/login", getTranslation("reset.toLogin"));
        login.setId("reset-to-login");
        body.add(ok, login);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title");
    }
}
