package io.rollcheck.webui.admin.org;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.tenantadmin.org.OrgImport;
import io.rollcheck.tenantadmin.org.Organisation;
import io.rollcheck.webui.admin.AdminNav;
import io.rollcheck.webui.admin.AdminPage;
import io.rollcheck.webui.site.SignOut;
import io.rollcheck.webui.site.SiteRoute;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * {@code /admin/org}: the university's structure in tabs: colleges, majors, classes (cohort, level,
 * class monitor by 学号) and staff accounts (roles, scopes, a one-time setup link each), entered by
 * hand or imported from a CSV/XLSX list (checked first, then committed all or nothing).
 */
@Prototype
@Route(value = "admin/org", registerAtStartup = false)
@SiteRoute(SiteRoute.Kind.TENANT)
@RolesAllowed(Roles.TENANT_ADMIN)
class OrgView extends AdminPage {

    private final OrgContext ctx;
    private final List<OrgTab> tabs;

    OrgView(Organisation org, OrgImport imports, PublicUrls urls, SignOut signOut) {
        super(signOut, AdminNav.Item.ORG, "admin.org.title");
        ctx = new OrgContext(org, tenant.context(), user.username(), this::refresh);
        CollegesTab colleges = new CollegesTab(ctx);
        MajorsTab majors = new MajorsTab(ctx);
        ClassesTab classes = new ClassesTab(ctx);
        StaffTab staff = new StaffTab(ctx, token -> urls.setupLink(tenant.slug(), token));
        ImportTab importTab = new ImportTab(ctx, imports, urls::setupLink);
        tabs = List.of(colleges, majors, classes, staff);

        TabSheet sheet = new TabSheet();
        sheet.setId("org-tabs");
        sheet.addClassName("rc-tabs");
        sheet.add(getTranslation("admin.org.tab.colleges"), colleges).setId("org-tab-colleges");
        sheet.add(getTranslation("admin.org.tab.majors"), majors).setId("org-tab-majors");
        sheet.add(getTranslation("admin.org.tab.classes"), classes).setId("org-tab-classes");
        sheet.add(getTranslation("admin.org.tab.staff"), staff).setId("org-tab-staff");
        sheet.add(getTranslation("admin.org.tab.import"), importTab).setId("org-tab-import");
        sheet.setWidthFull();
        Paragraph intro = new Paragraph(getTranslation("admin.org.intro"));
        intro.addClassName("rc-lead");
        content(heading("org-title"), intro, sheet);
        refresh();
    }

    /** Reloads every tab: an entry made in one (a college) is offered in the others (the class form). */
    private void refresh() {
        OrgData data = OrgData.load(ctx);
        tabs.forEach(t -> t.show(data));
    }
}
