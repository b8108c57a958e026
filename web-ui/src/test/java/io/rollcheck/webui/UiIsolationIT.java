package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.rollcheck.tenantadmin.portal.PortalService;
import io.rollcheck.platform.tenancy.Provisioning;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantOperations;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rollcheck.webui.UiTestSupport.fill;
import static io.rollcheck.webui.UiTestSupport.get;
import static io.rollcheck.webui.UiTestSupport.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UI edge keeps tenants apart: each portal shows only its own data, unknown hosts get a 404
 * page, suspended tenants a 403 page naming the platform contact, and a session cookie replayed on
 * another host is refused and audited in that host's log.
 */
class UiIsolationIT {

    private static RollcheckApp app;
    private static Playwright playwright;
    private static Browser browser;
    private static Tenant a;
    private static Tenant b;
    private static String noticeOfA;

    @BeforeAll
    static void start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        app = UiTestSupport.startApp();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
        a = aTenant();
        b = aTenant();
        noticeOfA = "2025级新生学籍核对通知 " + a.slug();
        app.bean(PortalService.class).post(a.context(), noticeOfA,
                "请于 10 月 31 日前登录本平台核对个人学籍信息。\n如发现错误，请在线提交更正申请。", "registrar");
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static Tenant aTenant() {
        long id = app.bean(SignupService.class).submit(TestApp.aSignup(), "127.0.0.1");
        return app.bean(Provisioning.class).approve(id, "operator", "127.0.0.1").tenant();
    }

    private static String host(Tenant t) {
        return t.slug() + ".localhost";
    }

    private static String url(Tenant t) {
        return "http://" + host(t) + ":" + app.uiPort();
    }

    @Test
    void tenant_b_portal_does_not_show_tenant_a_notices() {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(url(a) + "/");
            assertThat(page.locator("#portal-notices")).containsText(noticeOfA);
            assertThat(page.locator("#portal-notices")).containsText(Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日"));
            screenshot(page, "20-portal-notice-desktop-zh");
            page.navigate(url(b) + "/");
            assertThat(page.locator("#portal-name")).hasText(b.nameZh());
            assertThat(page.locator("#portal-no-notices")).isVisible();
            assertThat(page.locator("#portal-notices")).not().containsText(noticeOfA);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-GB")) {
            Page page = ctx.newPage();
            page.navigate(url(a) + "/");
            assertThat(page.locator("#portal-name")).hasText(a.nameEn());
            assertThat(page.locator("#portal-notices")).containsText(noticeOfA);
            screenshot(page, "21-portal-notice-phone-en");
        }
    }

    @Test
    void platform_and_tenant_routes_exist_only_on_their_own_site() {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(url(a) + "/operator/login");
            assertThat(page.locator("#not-found")).isVisible();
            assertThat(page.locator("#operator-username")).hasCount(0);
            page.navigate("http://localhost:" + app.uiPort() + "/setup/anything");
            assertThat(page.locator("#not-found")).isVisible();
            screenshot(page, "22-not-found-desktop-zh");
        }
    }

    @Test
    void unknown_host_gets_a_translated_404_page() {
        HttpResponse<String> r = get(app.uiPort(), "nobody-here.localhost", "/", null);
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("找不到该学校的门户"), r.body());
        HttpResponse<String> other = get(app.uiPort(), "www.example.com", "/VAADIN/anything", null);
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("Exception"));
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate("http://nobody-here.localhost:" + app.uiPort() + "/");
            assertThat(page.locator("#error-title")).hasText("找不到该学校的门户");
            screenshot(page, "23-unknown-host-phone-zh");
        }
    }

    @Test
    void suspended_tenant_gets_a_403_page_naming_the_platform_contact() {
        Tenant c = aTenant();
        TenantOperations ops = app.bean(TenantOperations.class);
        assertEquals(200, get(app.uiPort(), host(c), "/", null).statusCode());
        ops.suspend(c.slug(), "合同到期", "operator", "127.0.0.1");
        HttpResponse<String> r = get(app.uiPort(), host(c), "/", null);
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains(UiTestSupport.CONTACT), r.body());
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            Page page = ctx.newPage();
            page.navigate(url(c) + "/");
            assertThat(page.locator("#platform-contact")).containsText(UiTestSupport.CONTACT);
            screenshot(page, "24-suspended-phone-en");
        }
        ops.resume(c.slug(), "operator", "127.0.0.1");
        assertEquals(200, get(app.uiPort(), host(c), "/", null).statusCode());
    }

    @Test
    void session_cookie_of_tenant_a_is_refused_on_tenant_b_and_audited() throws SQLException {
        String cookie;
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(url(a) + "/");
            assertThat(page.locator("#portal-name")).hasText(a.nameZh());
            cookie = sessionCookie(ctx.cookies());
        }
        long before = refusals(b);
        HttpResponse<String> replayed = get(app.uiPort(), host(b), "/", cookie);
        assertEquals(403, replayed.statusCode());
        assertTrue(replayed.body().contains("会话不属于本站点"), replayed.body());
        assertTrue(replayed.headers().allValues("Set-Cookie").stream().anyMatch(h -> h.contains("Max-Age=0")));
        assertEquals(before + 1, refusals(b));
        assertEquals(200, get(app.uiPort(), host(a), "/", cookie).statusCode(), "the session still works at home");
    }

    @Test
    void operator_session_is_refused_on_a_tenant_host() throws SQLException {
        String cookie;
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate("http://localhost:" + app.uiPort() + "/operator/login");
            fill(page, "operator-username", "operator");
            fill(page, "operator-password", TestApp.OPERATOR_PASSWORD);
            page.locator("#operator-login").click();
            page.waitForURL(Pattern.compile(".*/operator$"));
            cookie = sessionCookie(ctx.cookies());
        }
        long before = refusals(a);
        assertEquals(403, get(app.uiPort(), host(a), "/operator", cookie).statusCode());
        assertEquals(before + 1, refusals(a));
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            ctx.addCookies(List.of(new Cookie("JSESSIONID", cookie.substring("JSESSIONID=".length()))
                    .setDomain(host(a)).setPath("/")));
            Page page = ctx.newPage();
            page.navigate(url(a) + "/");
            assertThat(page.locator("#error-title")).hasText("会话不属于本站点");
            screenshot(page, "25-wrong-site-session-phone-zh");
        }
    }

    private static String sessionCookie(List<Cookie> cookies) {
        return cookies.stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> "JSESSIONID=" + c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
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
