package io.rollcheck.webui.audit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.site.DatePickers;
import io.rollcheck.webui.site.Dates;
import io.rollcheck.webui.site.PageShell;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.Site;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code /admin/audit}: the registrar reads the university's audit log (newest first, filtered by
 * action prefix, actor and dates in the university's time zone) and checks its hash chain.
 */
@Prototype
@Route(value = "admin/audit", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class AuditView extends PageShell {

    static final int LIMIT = 200;
    private static final int PHONE_WIDTH = 640;

    private final AuditLog audit;
    private final Tenant tenant;
    private final ZoneId zone;
    private final TextField action = new TextField();
    private final TextField actor = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Paragraph count = new Paragraph();
    private final Paragraph verification = new Paragraph();
    private final AuditGrid grid;
    private Registration resize;

    AuditView(AuditLog audit, SignOut signOut) {
        this.audit = audit;
        this.tenant = Site.tenant();
        this.zone = Dates.zone(tenant.timeZone());
        tenantFrame(tenant);
        signedIn(Site.user().orElseThrow(), signOut.button());
        H2 heading = new H2(getTranslation("audit.title"));
        heading.setId("audit-title");

        action.setLabel(getTranslation("audit.filter.action"));
        action.setId("audit-action");
        action.setPlaceholder("auth.");
        action.setClearButtonVisible(true);
        action.setMaxLength(100);
        actor.setLabel(getTranslation("audit.filter.actor"));
        actor.setId("audit-actor");
        actor.setClearButtonVisible(true);
        actor.setMaxLength(100);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-to");
        for (DatePicker d : List.of(from, to)) {
            d.setI18n(DatePickers.i18n(getLocale()));
            d.setClearButtonVisible(true);
            d.setManualValidation(true);
        }
        Button search = new Button(getTranslation("audit.search"), e -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        Button verify = new Button(getTranslation("audit.verify"), e -> verify());
        verify.setId("audit-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        HorizontalLayout buttons = new HorizontalLayout(search, verify);
        buttons.addClassName("rc-row-actions");
        FormLayout filters = new FormLayout(action, actor, from, to);
        filters.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("480px", 2),
                new FormLayout.ResponsiveStep("900px", 4));
        Div filterCard = new Div(filters, buttons);
        filterCard.addClassName("rc-card");
        verification.setId("audit-verify-result");
        verification.setVisible(false);
        verification.getElement().setAttribute("role", "status");
        count.setId("audit-count");
        count.addClassName("rc-secondary");
        grid = new AuditGrid(tenant.timeZone());
        content(new AdminNav(AdminNav.Item.AUDIT), heading, filterCard, verification, count, grid);
        search();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        Page page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(d -> grid.compact(d.getWindowInnerWidth() < PHONE_WIDTH));
        resize = page.addBrowserWindowResizeListener(e -> grid.compact(e.getWidth() < PHONE_WIDTH));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        resize.remove();
        super.onDetach(event);
    }

    private void search() {
        to.setInvalid(false);
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        if (f != null && t != null && t.isBefore(f)) {
            to.setErrorMessage(getTranslation("audit.filter.toBeforeFrom"));
            to.setInvalid(true);
            return;
        }
        Instant fromAt = f == null ? null : f.atStartOfDay(zone).toInstant();
        Instant toAt = t == null ? null : t.plusDays(1).atStartOfDay(zone).toInstant();
        List<AuditLog.Entry> entries = audit.search(tenant.context(),
                new AuditLog.Filter(blankToNull(action.getValue()), blankToNull(actor.getValue()), fromAt, toAt, LIMIT));
        grid.show(entries);
        count.setText(getTranslation(entries.size() >= LIMIT ? "audit.countLimited" : "audit.count", entries.size(), LIMIT));
    }

    private void verify() {
        AuditLog.Verification v = audit.verifyTenant(tenant.context());
        verification.setText(v.firstBroken()
                .map(id -> getTranslation("audit.verify.broken", String.valueOf(id), v.entries()))
                .orElseGet(() -> getTranslation("audit.verify.intact", v.entries())));
        verification.setClassName("rc-card");
        verification.addClassName(v.firstBroken().isPresent() ? "rc-alert" : "rc-success");
        verification.getElement().setAttribute("data-intact", String.valueOf(v.firstBroken().isEmpty()));
        verification.setVisible(true);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + tenant.name(getLocale());
    }
}
