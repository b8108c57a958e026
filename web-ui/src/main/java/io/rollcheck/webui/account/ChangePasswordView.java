package io.rollcheck.webui.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.ValidationFailed;
import io.rollcheck.webui.site.Landing;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.UiUser;

/**
 * {@code /change-password}: where a sign-in that must set a password first (a student's first
 * sign-in with the initial secret) is held. The session is not signed in until the new password is
 * set; every other route forwards here meanwhile ({@code SiteRoutes}).
 */
@Prototype
@Route(value = Site.CHANGE_PASSWORD_ROUTE, registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@AnonymousAllowed
class ChangePasswordView extends PageShell implements BeforeEnterObserver {

    private final SignIn signIn;
    private final Landing landing;
    private final Tenant tenant;
    private final String username;
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirm = new PasswordField();

    ChangePasswordView(SignIn signIn, Landing landing) {
        this.landing = landing;
        this.signIn = signIn;
        this.tenant = Site.tenant();
        this.username = Site.pendingPasswordChange().orElse(null);
        tenantFrame(tenant);
        H2 heading = new H2(getTranslation("changePassword.title"));
        heading.setId("change-password-title");
        Paragraph intro = new Paragraph(getTranslation("changePassword.intro", username == null ? "" : username));
        intro.setId("change-password-intro");
        current.setLabel(getTranslation("changePassword.current"));
        current.setId("cp-current");
        current.setHelperText(getTranslation("changePassword.currentHelp"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        fresh.setLabel(getTranslation("setup.password"));
        fresh.setId("cp-new");
        fresh.setHelperText(getTranslation("setup.passwordHelp"));
        fresh.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setLabel(getTranslation("setup.confirm"));
        confirm.setId("cp-confirm");
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Button save = new Button(getTranslation("changePassword.submit"), e -> save());
        save.setId("cp-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("changePassword.cancel"), e -> Site.signOut());
        cancel.setId("cp-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout buttons = new HorizontalLayout(save, cancel);
        buttons.addClassName("rc-row-actions");
        FormLayout form = new FormLayout(current, fresh, confirm, buttons);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        Div card = new Div(intro, form);
        card.addClassName("rc-card");
        centred(heading, card);
        for (PasswordField f : new PasswordField[]{current, fresh, confirm}) {
            f.setManualValidation(true);
        }
        current.focus();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (username == null) {
            event.forwardTo(Site.user().isPresent() ? "me" : "login");
        }
    }

    private void save() {
        current.setInvalid(false);
        fresh.setInvalid(false);
        confirm.setInvalid(false);
        if (current.getValue().isEmpty()) {
            invalid(current, "changePassword.currentRequired");
            return;
        }
        if (!fresh.getValue().equals(confirm.getValue())) {
            invalid(confirm, "setup.mismatch");
            return;
        }
        SignIn.Outcome outcome;
        try {
            outcome = signIn.changePassword(tenant.context(), username, current.getValue(), fresh.getValue(), Site.ip());
        } catch (ValidationFailed failed) {
            invalid(fresh, "error." + failed.errors().get(0).code());
            return;
        }
        if (outcome instanceof SignIn.Signed signed) {
            UiUser user = UiUser.of(signed.principal(), Site.label());
            Site.signIn(user);
            getUI().ifPresent(ui -> ui.navigate(Site.takeStoredRedirect().orElseGet(() -> landing.after(tenant, user))));
        } else {
            current.clear();
            SignIn.Refused r = outcome instanceof SignIn.Refused refused ? refused : new SignIn.Refused(SignIn.BAD_CREDENTIALS);
            invalid(current, r.messageKey(), r.retryAfterSeconds());
        }
    }

    private void invalid(PasswordField field, String key, Object... args) {
        field.setErrorMessage(getTranslation(key, args));
        field.setInvalid(true);
        field.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("changePassword.title");
    }
}
