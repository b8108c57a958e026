package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rollcheck.webui.UiTestSupport.fill;
import static io.rollcheck.webui.UiTestSupport.get;
import static io.rollcheck.webui.UiTestSupport.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every back-office route of university A refuses whoever is not A's registrar: B's registrar's
 * session replayed on A's host is refused at the edge (and audited in A's log), A's student and
 * class monitor get the "forbidden" page, a campaign id of A opened on B's host is "not found", and
 * A's rows are unchanged afterwards (counted with SQL).
 */
class AdminIsolationIT {

    private static RollcheckApp app;
    private static TestApp fixtures;
    private static Playwright playwright;
    private static Browser browser;
    private static Tenant a;
    private static Tenant b;
    private static long campaignOfA;

    @BeforeAll
    static void start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        app = UiTestSupport.startApp();
        fixtures = TestApp.start();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
        a = UiTestSupport.aTenant(app);
        b = UiTestSupport.aTenant(app);
        String prefix = "26" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 3);
        new OrgFixture(fixtures, a, prefix, 2);
        new OrgFixture(fixtures, b, prefix + "9", 2);
        campaignOfA = app.bean(CampaignAuthoring.class).create(a.context(), "admin", "A 的活动", 2025, Messages.ZH, null);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static List<String> routes() {
        return List.of("/admin", "/admin/roster", "/admin/org", "/admin/campaigns", "/admin/campaigns/" + campaignOfA,
                "/admin/branding", "/admin/audit");
    }

    private static String url(Tenant t, String path) {
        return "http://" + t.slug() + ".localhost:" + app.uiPort() + path;
    }

    private static Page signIn(BrowserContext ctx, Tenant t, String username) {
        Page page = ctx.newPage();
        page.navigate(url(t, "/login"));
        fill(page, "login-username", username);
        fill(page, "login-password", OrgFixture.PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL(Pattern.compile(".*/me$"));
        return page;
    }

    @Test
    void tenant_b_registrars_session_is_refused_on_every_admin_route_of_tenant_a_and_audited() throws SQLException {
        long rowsBefore = rows(a);
        String cookie;
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = signIn(ctx, b, "admin");
            // B's registrar opens A's campaign id on his own host: there is no such campaign there
            page.navigate(url(b, "/admin/campaigns/" + campaignOfA));
            assertThat(page.locator("#not-found")).isVisible();
            assertThat(page.locator("#editor-title")).hasCount(0);
            cookie = ctx.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> "JSESSIONID=" + c.value)
                    .findFirst().orElseThrow();
        }
        long refusedBefore = refusals(a);
        for (String route : routes()) {
            assertEquals(403, get(app.uiPort(), a.slug() + ".localhost", route, cookie).statusCode(), route);
        }
        assertEquals(refusedBefore + routes().size(), refusals(a), "each refusal is on the platform's audit log");
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            ctx.addCookies(List.of(new Cookie("JSESSIONID", cookie.substring("JSESSIONID=".length()))
                    .setDomain(a.slug() + ".localhost").setPath("/")));
            Page page = ctx.newPage();
            page.navigate(url(a, "/admin/roster"));
            assertThat(page.locator("#error-title")).hasText("会话不属于本站点");
            assertThat(page.locator("#roster-upload")).hasCount(0);
        }
        assertEquals(rowsBefore, rows(a), "nothing of A changed");
    }

    @Test
    void a_student_and_a_class_monitor_of_tenant_a_get_the_forbidden_page_on_every_admin_route() {
        for (String who : List.of("student2", "monitor1")) {
            try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
                Page page = signIn(ctx, a, who);
                assertThat(page.locator("#nav-admin")).hasCount(0);
                for (String route : routes()) {
                    page.navigate(url(a, route));
                    assertThat(page.locator("#forbidden")).isVisible();
                    assertThat(page.locator("#admin-nav")).hasCount(0);
                }
                if (who.equals("student2")) {
                    screenshot(page, "59-admin-forbidden-student-phone-zh");
                }
            }
        }
    }

    @Test
    void signed_out_the_admin_routes_lead_to_the_sign_in_page() {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            for (String route : routes()) {
                page.navigate(url(a, route));
                page.waitForURL(Pattern.compile(".*/login$"));
                assertThat(page.locator("#admin-nav")).hasCount(0);
            }
        }
    }

    /** Rows of A's own tables the back office writes, counted with SQL. */
    private static long rows(Tenant t) throws SQLException {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM \"" + t.schemaName() + "\".campaigns)"
                     + " + (SELECT count(*) FROM \"" + t.schemaName() + "\".colleges)"
                     + " + (SELECT count(*) FROM \"" + t.schemaName() + "\".classes)"
                     + " + (SELECT count(*) FROM \"" + t.schemaName() + "\".students)"
                     + " + (SELECT count(*) FROM \"" + t.schemaName() + "\".roster_imports)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Refusals of sessions from elsewhere on this tenant's site, counted with SQL on the platform's
     * audit log; the tenant's own log must hold none (it would name other tenants' users).
     */
    private static long refusals(Tenant t) throws SQLException {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t.schemaName()
                    + "\".audit_log WHERE action = 'security.crossTenantRefused'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no refusal in the tenant's own log");
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM platform.audit_log"
                    + " WHERE action = 'security.crossTenantRefused' AND detail = 'host=" + t.slug() + "'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
