package io.rollcheck.webui.operator;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.platform.tenancy.Signup;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantOperations;
import io.rollcheck.platform.tenancy.TenantRegistry;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import io.rollcheck.webui.site.UiUser;
import jakarta.annotation.security.RolesAllowed;

import java.util.Optional;

/** The operator console: decide sign-ups, and suspend, resume or re-link provisioned universities. */
@Prototype
@Route(value = "operator", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.PLATFORM)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
class OperatorConsoleView extends PageShell implements TenantsGrid.Actions {

    private static final int PHONE_WIDTH = 640;

    private final SignupService signups;
    private final Provisioning provisioning;
    private final TenantOperations operations;
    private final TenantRegistry registry;
    private final PublicUrls urls;
    private final String operator;
    private final SignupsGrid signupsGrid;
    private final TenantsGrid tenantsGrid;
    private Registration resize;

    OperatorConsoleView(SignupService signups, Provisioning provisioning, TenantOperations operations,
                        TenantRegistry registry, PublicUrls urls) {
        this.signups = signups;
        this.provisioning = provisioning;
        this.operations = operations;
        this.registry = registry;
        this.urls = urls;
        this.operator = Site.user().map(UiUser::username).orElseThrow();
        siteName(getTranslation("operator.console.title"), "site-name");
        Span who = new Span(operator);
        who.addClassName("rc-user");
        Button signOut = new Button(getTranslation("operator.signOut"), e -> Site.signOut());
        signOut.setId("operator-logout");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        headerActions(who, signOut);
        signupsGrid = new SignupsGrid(this::approve, this::reject);
        tenantsGrid = new TenantsGrid(urls::portal, this);
        content(new H2(getTranslation("operator.signups")), signupsGrid,
                new H2(getTranslation("operator.tenants")), tenantsGrid);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(d -> compact(d.getWindowInnerWidth()));
        resize = page.addBrowserWindowResizeListener(e -> compact(e.getWidth()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        resize.remove();
        super.onDetach(event);
    }

    private void compact(int width) {
        signupsGrid.compact(width < PHONE_WIDTH);
        tenantsGrid.compact(width < PHONE_WIDTH);
    }

    private void refresh() {
        signupsGrid.show(signups.list(null));
        tenantsGrid.show(registry.allUncached());
    }

    private void approve(Signup s) {
        guarded(() -> {
            Provisioning.Approval a = provisioning.approve(s.id(), operator, Site.ip());
            new LinkDialog(getTranslation("operator.approved", a.tenant().name(getLocale())), urls.portal(a.tenant().slug()),
                    a.setupToken().map(token -> urls.setupLink(a.tenant().slug(), token))).open();
        });
    }

    private void reject(Signup s) {
        new ReasonDialog(getTranslation("operator.reject.title", s.nameZh()), "reject",
                reason -> guarded(() -> provisioning.reject(s.id(), reason, operator, Site.ip()))).open();
    }

    @Override
    public void suspend(Tenant t) {
        new ReasonDialog(getTranslation("operator.suspend.title", t.name(getLocale())), "suspend",
                reason -> guarded(() -> operations.suspend(t.slug(), reason, operator, Site.ip()))).open();
    }

    @Override
    public void resume(Tenant t) {
        guarded(() -> operations.resume(t.slug(), operator, Site.ip()));
    }

    @Override
    public void newSetupLink(Tenant t) {
        guarded(() -> {
            String token = provisioning.newSetupToken(t.context(), operator, Site.ip());
            new LinkDialog(getTranslation("operator.newSetupLink.title", t.name(getLocale())), urls.portal(t.slug()),
                    Optional.of(urls.setupLink(t.slug(), token))).open();
        });
    }

    /** Runs an action; a state conflict or a vanished row becomes a message, and the grids reload either way. */
    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (Conflict e) {
            notice(getTranslation("problem." + e.code()));
        } catch (NotFound e) {
            notice(getTranslation("problem.not_found"));
        } finally {
            refresh();
        }
    }

    private void notice(String text) {
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("operator.console.title");
    }
}
