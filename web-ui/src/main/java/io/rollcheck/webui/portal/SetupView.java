package io.rollcheck.webui.portal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.webui.site.NewPasswordForm;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;

/** {@code /setup/<token>}: the registrar opens the one-time link and sets the first password. */
@Prototype
@Route(value = "setup", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class SetupView extends PageShell implements HasUrlParameter<String> {

    private final TenantAccounts accounts;
    private final Tenant tenant;
    private final Div body = new Div();

    SetupView(TenantAccounts accounts) {
        this.accounts = accounts;
        this.tenant = Site.tenant();
        siteName(tenant.name(getLocale()), "portal-name");
        accent(tenant.branding() == null ? null : tenant.branding().primaryColor());
        body.addClassNames("rc-card", "rc-narrow");
        content(new H2(getTranslation("setup.title")), body);
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        body.removeAll();
        if (token == null || token.length() > 100 || !accounts.setupTokenValid(tenant.context(), token)) {
            Paragraph invalid = new Paragraph(getTranslation("error.setup.invalid"));
            invalid.setId("setup-invalid");
            body.add(invalid);
            return;
        }
        NewPasswordForm form = new NewPasswordForm("setup", getTranslation("setup.submit"),
                password -> done(accounts.completeSetup(tenant.context(), token, password, Site.ip())));
        body.add(new Paragraph(getTranslation("setup.intro")), form);
    }

    private void done(String username) {
        body.removeAll();
        Paragraph ok = new Paragraph(getTranslation("setup.done", username));
        ok.setId("setup-done");
        body.add(ok, new Anchor("/", getTranslation("setup.toPortal")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title");
    }
}
