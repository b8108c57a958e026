package io.rollcheck.webui.signup;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.tenancy.SignupRequest;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.TenantResolver;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;

/** The platform's front page: what Rollcheck is, and the university sign-up form. */
@Prototype
@Route(value = "", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.PLATFORM)
@AnonymousAllowed
class SignupView extends PageShell {

    private final SignupService signups;
    private final SignupForm form;
    private final Div result = new Div();

    SignupView(SignupService signups, TenantResolver resolver) {
        this.signups = signups;
        siteName(getTranslation("platform.name"), "site-name");
        Anchor operator = new Anchor("/operator", getTranslation("operator.link"));
        operator.setId("operator-link");
        operator.addClassName("rc-header-link");
        headerActions(operator);
        H2 heading = new H2(getTranslation("signup.title"));
        heading.setId("signup-title");
        Paragraph intro = new Paragraph(getTranslation("signup.intro"));
        intro.addClassName("rc-lead");
        form = new SignupForm(resolver.baseDomain(), this::submit);
        content(heading, intro, result, form);
    }

    private void submit(SignupRequest request) {
        try {
            long id = signups.submit(request, Site.ip());
            Paragraph done = new Paragraph(getTranslation("signup.success", String.valueOf(id), request.email().strip()));
            done.setId("signup-success");
            result.removeAll();
            result.add(done);
            result.setClassName("rc-card rc-success");
            form.setVisible(false);
        } catch (ValidationFailed e) {
            form.showErrors(e.errors());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.pageTitle");
    }
}
