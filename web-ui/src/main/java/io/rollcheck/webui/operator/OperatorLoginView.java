package io.rollcheck.webui.operator;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.web.ApiTenantFilter;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.UiUser;

import java.util.List;

/** Operator sign-in on the platform site; the same check and audit as {@code POST /api/auth/login}. */
@Prototype
@Route(value = "operator/login", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.PLATFORM)
@AnonymousAllowed
class OperatorLoginView extends PageShell {

    private final SignIn signIn;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Paragraph error = new Paragraph();

    OperatorLoginView(SignIn signIn) {
        this.signIn = signIn;
        siteName(getTranslation("platform.name"), "site-name");
        H2 heading = new H2(getTranslation("operator.login.title"));
        username.setLabel(getTranslation("operator.login.username"));
        username.setId("operator-username");
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        password.setLabel(getTranslation("operator.login.password"));
        password.setId("operator-password");
        error.setId("operator-login-error");
        error.addClassName("rc-error");
        error.setVisible(false);
        Button login = new Button(getTranslation("operator.login.submit"), e -> signIn());
        login.setId("operator-login");
        login.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        login.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(username, password, error, login);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.addClassNames("rc-card", "rc-narrow");
        content(heading, form);
        username.focus();
    }

    private void signIn() {
        String name = username.getValue().strip();
        SignIn.Outcome outcome = signIn.operator(name, password.getValue(), Site.ip());
        if (!(outcome instanceof SignIn.Signed signed)) {
            password.clear();
            SignIn.Refused r = outcome instanceof SignIn.Refused refused ? refused : new SignIn.Refused(SignIn.BAD_CREDENTIALS);
            error.setText(getTranslation(r.messageKey(), r.retryAfterSeconds()));
            error.setVisible(true);
            return;
        }
        Site.signIn(new UiUser(signed.principal().username(), List.of(Roles.PLATFORM_OPERATOR),
                ApiTenantFilter.label(Site.resolution())));
        getUI().ifPresent(ui -> ui.navigate("operator"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.login.title");
    }
}
