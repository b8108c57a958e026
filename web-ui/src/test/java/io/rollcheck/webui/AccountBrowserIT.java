package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.security.Sso;
import io.rollcheck.platform.security.Totp;
import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.Fixtures;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rollcheck.webui.UiTestSupport.fill;
import static io.rollcheck.webui.UiTestSupport.get;
import static io.rollcheck.webui.UiTestSupport.screenshot;
import static io.rollcheck.webui.UiTestSupport.watchConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Identity and access in a real browser, on a university with the fixture's staff and students:
 * a student's first sign-in with the initial secret and the forced password change, neutral
 * refusals and the lockout, the registrar's audit log, roles on routes, the second factor and the
 * university's single sign-on. Every context also watches the console: the Content-Security-Policy
 * must not block anything the app does. Screenshots go to {@code target/screenshots/}.
 */
class AccountBrowserIT {

    private static final String NEW_PASSWORD = "Xuesheng-2025a";

    private static RollcheckApp app;
    private static TestApp fixtures;
    private static MockOAuth2Server idp;
    private static Playwright playwright;
    private static Browser browser;
    private static Tenant tenant;
    private static Tenant other;
    private static OrgFixture org;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        app = UiTestSupport.startApp();
        // OrgFixture builds on a TestApp: a second context on the same services, used for fixtures only
        fixtures = TestApp.start();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
        tenant = UiTestSupport.aTenant(app);
        other = UiTestSupport.aTenant(app);
        prefix = "25" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 3);
        org = new OrgFixture(fixtures, tenant, prefix, 2);
        idp = new MockOAuth2Server();
        idp.start(EmbeddedServices.freePort());
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (idp != null) {
            idp.shutdown();
        }
        if (fixtures != null) {
            fixtures.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private static String url(Tenant t) {
        return "http://" + t.slug() + ".localhost:" + app.uiPort();
    }

    /** 学号 of the n-th (1-based) fixture student of a class. */
    private static String studentNo(long classId, int n) {
        return prefix + classId + String.format("%04d", n);
    }

    private static void signIn(Page page, Tenant t, String username, String password) {
        page.navigate(url(t) + "/login");
        fill(page, "login-username", username);
        fill(page, "login-password", password);
        page.locator("#login-submit").click();
    }

    @Test
    void a_students_first_sign_in_sets_a_password_and_shows_the_own_record_masked() {
        String studentNo = studentNo(org.k2, 1);
        String idNumber = Fixtures.ID_NUMBERS.get(0);
        String initialSecret = idNumber.substring(idNumber.length() - 6);
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/");
            page.locator("#portal-login").click();
            page.waitForURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("#login-title")).hasText("登录");
            screenshot(page, "30-login-phone-zh");

            fill(page, "login-username", studentNo);
            fill(page, "login-password", initialSecret);
            page.locator("#login-submit").click();
            page.waitForURL(Pattern.compile(".*/change-password$"));
            assertThat(page.locator("#change-password-intro")).containsText(studentNo);
            screenshot(page, "31-change-password-phone-zh");

            // nothing else opens before the password is set
            page.navigate(url(tenant) + "/me");
            page.waitForURL(Pattern.compile(".*/change-password$"));
            assertThat(page.locator("#record-idNumber")).hasCount(0);

            fill(page, "cp-current", initialSecret);
            fill(page, "cp-new", "12345");
            fill(page, "cp-confirm", "12345");
            page.locator("#cp-submit").click();
            assertThat(page.locator("#cp-new")).hasAttribute("invalid", "");
            assertThat(page.locator("#cp-new")).containsText("密码至少 10 个字符");
            screenshot(page, "31b-change-password-too-short-phone-zh");
            fill(page, "cp-new", NEW_PASSWORD);
            fill(page, "cp-confirm", NEW_PASSWORD);
            page.locator("#cp-submit").click();
            page.waitForURL(Pattern.compile(".*/me$"));

            assertThat(page.locator("#record-studentNo")).hasText(studentNo);
            assertThat(page.locator("#record-idNumber")).hasText(Masking.idNumberFor(true, idNumber));
            assertThat(page.locator("#record-birthDate")).hasText(Masking.birthDateFor(true, "2007-03-09"));
            assertThat(page.locator("#record-phone")).hasText(Masking.phone(Fixtures.PHONES.get(0)));
            assertThat(page.locator("#me-record")).not().containsText(idNumber);
            assertThat(page.locator("#me-roles")).hasText("学生");
            assertThat(page.locator("#totp")).hasCount(0);
            screenshot(page, "32-me-student-phone-zh");

            // the signed-in session is bound to this university
            String cookie = sessionCookie(ctx.cookies());
            assertEquals(403, get(app.uiPort(), other.slug() + ".localhost", "/me", cookie).statusCode());
            assertEquals(200, get(app.uiPort(), tenant.slug() + ".localhost", "/me", cookie).statusCode());

            page.locator("#sign-out").click();
            assertThat(page.locator("#portal-login")).isVisible();

            // the initial secret is spent; the new password signs in
            signIn(page, tenant, studentNo, initialSecret);
            assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
            signIn(page, tenant, studentNo, NEW_PASSWORD);
            page.waitForURL(Pattern.compile(".*/me$"));
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "en-US")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, tenant, studentNo, NEW_PASSWORD);
            page.waitForURL(Pattern.compile(".*/me$"));
            assertThat(page.locator("#me-roles")).hasText("Student");
            assertThat(page.locator("#record-idNumber")).hasText(Masking.idNumberFor(true, idNumber));
            screenshot(page, "33-me-student-desktop-en");
            assertEquals(List.of(), console);
        }
    }

    @Test
    void wrong_passwords_get_one_neutral_message_and_a_locked_account_the_lock_message() {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, tenant, "nobody-" + prefix, "wrong-password-1");
            assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
            signIn(page, tenant, "monitor1", "wrong-password-1");
            assertThat(page.locator("#login-error")).hasText("用户名或密码错误");
            screenshot(page, "34-login-wrong-desktop-zh");

            // five failures lock the account, known or not; then even the right password is refused
            for (String who : List.of("counselor1", "ghost-" + prefix)) {
                page.navigate(url(tenant) + "/login");
                for (int i = 0; i < 5; i++) {
                    fill(page, "login-username", who);
                    fill(page, "login-password", "wrong-password-" + i);
                    page.locator("#login-submit").click();
                    assertThat(page.locator("#login-password input")).hasValue(""); // the answer came back
                }
                fill(page, "login-username", who);
                fill(page, "login-password", OrgFixture.PASSWORD);
                page.locator("#login-submit").click();
                assertThat(page.locator("#login-error")).hasText(Pattern.compile("尝试次数过多，请 \\d+ 秒后再试（密码未校验）"));
            }
            screenshot(page, "35-login-locked-desktop-zh");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            Page page = ctx.newPage();
            signIn(page, tenant, "counselor1", OrgFixture.PASSWORD);
            assertThat(page.locator("#login-error")).hasText(
                    Pattern.compile("Too many attempts: wait \\d+ s and try again \\(the password was not checked\\)"));
            screenshot(page, "36-login-locked-phone-en");
        }
    }

    @Test
    void the_registrar_reads_the_sign_ins_in_the_audit_log_and_its_chain_is_intact() {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/admin/audit");
            page.waitForURL(Pattern.compile(".*/login$"));
            fill(page, "login-username", "admin");
            fill(page, "login-password", OrgFixture.PASSWORD);
            page.locator("#login-submit").click();
            page.waitForURL(Pattern.compile(".*/admin/audit$")); // back where the registrar was going
            assertThat(page.locator("#audit-grid")).containsText("auth.signIn");
            assertThat(page.locator("#audit-grid")).containsText("admin");

            fill(page, "audit-action", "auth.signIn");
            fill(page, "audit-actor", "admin");
            page.locator("#audit-search").click();
            assertThat(page.locator("#audit-count")).hasText(Pattern.compile("共 \\d+ 条记录"));
            // the grid keeps rows it no longer needs in the DOM, hidden: look at what is shown
            assertThat(visibleCells(page, "auth.signInFailed")).hasCount(0);
            assertThat(visibleCells(page, "anonymous")).hasCount(0);
            assertThat(visibleCells(page, "admin").first()).isVisible();
            assertThat(page.locator("#audit-grid")).containsText(Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日"));
            // dates are typed any usual way and read back the Chinese way; they count in the university's zone
            java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            page.locator("#audit-from input").fill(today.toString());
            page.locator("#audit-from input").press("Enter");
            page.locator("#audit-to input").fill(today.minusDays(1).toString());
            page.locator("#audit-to input").press("Enter");
            assertThat(page.locator("#audit-from input")).hasValue(
                    today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
            page.locator("#audit-search").click();
            assertThat(page.locator("#audit-to")).containsText("截止日期不能早于起始日期");
            page.locator("#audit-from input").fill(today.minusDays(1).toString()); // a run across midnight still finds them
            page.locator("#audit-from input").press("Enter");
            page.locator("#audit-to input").fill(today.toString());
            page.locator("#audit-to input").press("Enter");
            page.locator("#audit-search").click();
            assertThat(page.locator("#audit-to")).not().hasAttribute("invalid", "");
            assertThat(visibleCells(page, "admin").first()).isVisible();

            page.locator("#audit-verify").click();
            assertThat(page.locator("#audit-verify-result")).containsText("审计日志完整");
            assertThat(page.locator("#audit-verify-result")).hasAttribute("data-intact", "true");
            screenshot(page, "37-audit-desktop-zh");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, tenant, "admin", OrgFixture.PASSWORD);
            page.waitForURL(Pattern.compile(".*/me$"));
            page.locator("#nav-admin").click();
            page.waitForURL(Pattern.compile(".*/admin$"));
            page.locator("#admin-nav-audit").click();
            page.waitForURL(Pattern.compile(".*/admin/audit$"));
            assertThat(page.locator("#audit-grid")).containsText("Signed in");
            page.locator("#audit-verify").click();
            assertThat(page.locator("#audit-verify-result")).containsText("intact");
            screenshot(page, "38-audit-phone-en");
            assertEquals(List.of(), console);
        }
    }

    @Test
    void a_student_opening_the_audit_log_gets_the_forbidden_page() {
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, tenant, "student2", OrgFixture.PASSWORD);
            page.waitForURL(Pattern.compile(".*/me$"));
            assertThat(page.locator("#nav-admin")).hasCount(0);
            page.navigate(url(tenant) + "/admin/audit");
            assertThat(page.locator("#forbidden")).isVisible();
            assertThat(page.locator("#audit-grid")).hasCount(0);
            screenshot(page, "39-forbidden-phone-zh");
            assertEquals(List.of(), console);
        }
        // signed out, the audit log is the sign-in page
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/admin/audit");
            page.waitForURL(Pattern.compile(".*/login$"));
            assertThat(page.locator("#audit-grid")).hasCount(0);
        }
    }

    @Test
    void staff_turn_on_the_second_factor_and_then_sign_in_with_a_code() {
        Totp now = new Totp(Clock.systemUTC());
        Totp next = new Totp(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(30)));
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, tenant, "staff1", OrgFixture.PASSWORD);
            page.waitForURL(Pattern.compile(".*/me$"));
            page.locator("#totp-begin").click();
            String secret = page.locator("#totp-secret input").inputValue();
            assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
            assertThat(page.locator("#totp-uri textarea")).hasValue(Pattern.compile("^otpauth://totp/.*secret=" + secret + ".*"));
            screenshot(page, "40-totp-setup-desktop-zh");
            fill(page, "totp-code", "000000".equals(now.current(secret)) ? "111111" : "000000");
            page.locator("#totp-confirm").click();
            assertThat(page.locator("#totp-code")).containsText("验证码不正确");
            fill(page, "totp-code", now.current(secret));
            page.locator("#totp-confirm").click();
            assertThat(page.locator("#totp-done")).isVisible();
            assertThat(page.locator("#totp-begin")).isHidden();
            screenshot(page, "40b-totp-enabled-desktop-zh");
            page.locator("#sign-out").click();
            assertThat(page.locator("#portal-login")).isVisible();

            signIn(page, tenant, "staff1", OrgFixture.PASSWORD);
            assertThat(page.locator("#login-error")).hasText("请输入动态验证码");
            assertThat(page.locator("#login-code")).isVisible();
            screenshot(page, "41-login-code-desktop-zh");
            fill(page, "login-code", next.current(secret)); // the enrolment spent the current step
            page.locator("#login-submit").click();
            page.waitForURL(Pattern.compile(".*/me$"));
            assertThat(page.locator("#me-roles")).hasText("学院教务员");
            assertEquals(List.of(), console);
        }
    }

    @Test
    void a_student_signs_in_through_the_universitys_single_sign_on() {
        String studentNo = studentNo(org.k3, 1);
        app.bean(Sso.class).configure(tenant.context(), new Sso.Config(idp.issuerUrl("uni-" + tenant.slug()).toString(),
                "rollcheck-ui", "secret-ui", "student_no", true), "admin");
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("uni-" + tenant.slug(), "subject-" + studentNo, "JWT",
                List.of("rollcheck-ui"), Map.of("student_no", studentNo), 3600));
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/login");
            assertThat(page.locator("#login-sso")).hasText("统一身份认证登录");
            screenshot(page, "42-login-sso-phone-zh");
            page.locator("#login-sso").click();
            page.waitForURL(Pattern.compile(".*/me$"));
            assertThat(page.locator("#record-studentNo")).hasText(studentNo);
            assertEquals(List.of(), console);
        }
        // a callback this browser did not start signs nobody in (its state belongs to another session)
        HttpResponse<String> forged = get(app.uiPort(), tenant.slug() + ".localhost", "/sso/callback?state=abc&code=def", null);
        assertEquals(302, forged.statusCode());
        assertTrue(forged.headers().firstValue("location").orElseThrow().endsWith("/login?sso=failed"));
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "en-US")) {
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/sso/callback?state=abc&code=def");
            page.waitForURL(Pattern.compile(".*/login\\?sso=failed$"));
            assertThat(page.locator("#login-error")).hasText("Single sign-on failed; try again or contact the registrar");
            screenshot(page, "43-login-sso-failed-desktop-en");
        }
    }

    @Test
    void a_reset_request_answers_the_same_for_any_account_and_a_bad_link_says_so() {
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/login");
            page.locator("#login-forgot").click();
            page.waitForURL(Pattern.compile(".*/reset-request$"));
            fill(page, "reset-request-account", "student2");
            page.locator("#reset-request-submit").click();
            assertThat(page.locator("#reset-request-account input")).hasValue("");
            String answer = page.locator("#reset-request-result").textContent();
            assertTrue(answer.contains("如果该账号存在"), answer);
            screenshot(page, "44-reset-request-phone-zh");
            fill(page, "reset-request-account", "nobody-" + prefix + "@example.edu.cn");
            page.locator("#reset-request-submit").click();
            assertThat(page.locator("#reset-request-account input")).hasValue("");
            assertThat(page.locator("#reset-request-result")).hasText(answer);

            page.navigate(url(tenant) + "/reset/not-a-real-token");
            fill(page, "reset-password", NEW_PASSWORD);
            fill(page, "reset-confirm", NEW_PASSWORD);
            page.locator("#reset-submit").click();
            assertThat(page.locator("#reset-invalid")).hasText("该重置链接无效、已使用或已过期");
            screenshot(page, "45-reset-invalid-phone-zh");
            assertEquals(List.of(), console);
        }
    }

    private static com.microsoft.playwright.Locator visibleCells(Page page, String text) {
        return page.locator("#audit-grid vaadin-grid-cell-content:visible", new Page.LocatorOptions().setHasText(text));
    }

    private static String sessionCookie(List<Cookie> cookies) {
        return cookies.stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> "JSESSIONID=" + c.value)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }
}
