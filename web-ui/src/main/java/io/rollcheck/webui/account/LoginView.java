package io.rollcheck.webui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.security.Sso;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.site.Landing;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.UiUser;

import java.net.URI;

/**
 * Sign-in on a university's host: 学号/工号 and password (a student's first time: the initial
 * secret), a code field once the account turns out to need one, and the university's single sign-on
 * when it has one. Refusals are the platform's neutral texts: never whether the account exists.
 */
@Prototype
@Route(value = "login", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class LoginView extends PageShell implements BeforeEnterObserver {

    private final SignIn signIn;
    private final Sso sso;
    private final PublicUrls urls;
    private final Landing landing;
    private final Tenant tenant;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField code = new TextField();
    private final Paragraph message = new Paragraph();

    LoginView(SignIn signIn, Sso sso, PublicUrls urls, io.rollcheck.platform.security.InitialSecret initialSecret,
              Landing landing) {
        this.signIn = signIn;
        this.landing = landing;
        this.sso = sso;
        this.urls = urls;
        this.tenant = Site.tenant();
        tenantFrame(tenant);

        username.setLabel(getTranslation("login.username"));
        username.setId("login-username");
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setMaxLength(64);
        password.setLabel(getTranslation("login.password"));
        password.setId("login-password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setMaxLength(200);
        password.setHelperText(getTranslation(initialSecret.mode(tenant.context())
                == io.rollcheck.platform.security.InitialSecret.Mode.BIRTH_DATE ? "login.passwordHelpBirth" : "login.passwordHelp"));
        code.setLabel(getTranslation("login.code"));
        code.setId("login-code");
        code.setHelperText(getTranslation("login.codeHelp"));
        code.getElement().setAttribute("autocomplete", "one-time-code");
        code.setMaxLength(8);
        code.getElement().setAttribute("inputmode", "numeric");
        code.setVisible(false);
        message.setId("login-error");
        message.addClassName("rc-error");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);
        Button submit = new Button(getTranslation("login.submit"), e -> submit());
        submit.setId("login-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.setWidthFull();
        Anchor forgot = new Anchor("/reset-request", getTranslation("login.forgot"));
        forgot.setId("login-forgot");
        FormLayout form = new FormLayout(username, password, code, message, submit, forgot);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));

        Div card = new Div(form);
        card.addClassName("rc-card");
        if (sso.config(tenant.context()).filter(Sso.Config::enabled).isPresent()) {
            Span or = new Span(getTranslation("login.or"));
            or.addClassName("rc-divider");
            Button unified = new Button(getTranslation("login.sso"), e -> startSso());
            unified.setId("login-sso");
            unified.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            unified.setWidthFull();
            card.add(or, unified);
        }
        H2 heading = new H2(getTranslation("login.title"));
        heading.setId("login-title");
        centred(heading, card);
        username.focus();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (Site.user().isPresent()) {
            event.forwardTo(landing.after(tenant, Site.user().get()));
            return;
        }
        if (event.getLocation().getQueryParameters().getParameters().containsKey("sso")) {
            show("problem.sso_failed");
        }
    }

    private void submit() {
        String name = username.getValue().strip();
        if (name.isEmpty() || password.getValue().isEmpty()) {
            show("login.missing");
            return;
        }
        String totp = code.isVisible() ? code.getValue().strip() : null;
        SignIn.Outcome outcome = signIn.tenantUser(tenant.context(), name, password.getValue(), totp, Site.ip());
        if (outcome instanceof SignIn.Signed signed) {
            UiUser user = UiUser.of(signed.principal(), Site.label());
            Site.signIn(user);
            getUI().ifPresent(ui -> ui.navigate(Site.takeStoredRedirect().orElseGet(() -> landing.after(tenant, user))));
        } else if (outcome instanceof SignIn.MustChangePassword change) {
            Site.requirePasswordChange(change.username());
            getUI().ifPresent(ui -> ui.navigate(Site.CHANGE_PASSWORD_ROUTE));
        } else if (outcome instanceof SignIn.Refused r && SignIn.TOTP_REQUIRED.equals(r.code())) {
            code.setVisible(true);
            code.focus();
            show("problem." + r.code());
            message.setClassName("rc-info");
        } else {
            password.clear();
            code.clear();
            SignIn.Refused r = outcome instanceof SignIn.Refused refused ? refused : new SignIn.Refused(SignIn.BAD_CREDENTIALS);
            show(r.messageKey(), r.retryAfterSeconds());
        }
    }

    private void startSso() {
        try {
            URI provider = sso.start(tenant.context(), urls.portal(tenant.slug()) + SsoCallback.PATH);
            Site.rememberSsoState(query(provider, "state"));
            getUI().ifPresent(ui -> ui.getPage().setLocation(provider.toString()));
        } catch (RuntimeException e) {
            show("problem.sso_failed");
        }
    }

    private void show(String key, Object... args) {
        message.setClassName("rc-error");
        message.setText(getTranslation(key, args));
        message.setVisible(true);
    }

    static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        for (String kv : q == null ? new String[0] : q.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0 && kv.substring(0, i).equals(name)) {
                return java.net.URLDecoder.decode(kv.substring(i + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + tenant.name(getLocale());
    }
}
