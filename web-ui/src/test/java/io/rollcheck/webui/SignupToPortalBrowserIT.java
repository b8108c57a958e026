package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.tenancy.Signup;
import io.rollcheck.platform.tenancy.SignupService;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.tenancy.TenantRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rollcheck.webui.UiTestSupport.fill;
import static io.rollcheck.webui.UiTestSupport.screenshot;
import static io.rollcheck.webui.UiTestSupport.watchConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main flow in a real browser: a university signs up on the platform site, the operator signs
 * in and approves it, the new portal answers at {@code <slug>.localhost} with the university's name,
 * and the registrar sets the first password through the one-time link. Screenshots (phone 360×740
 * and desktop, Chinese and English) go to {@code target/screenshots/}.
 */
class SignupToPortalBrowserIT {

    private static RollcheckApp app;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        app = UiTestSupport.startApp();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
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

    @Test
    void signed_up_university_is_approved_and_its_portal_shows_its_name() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String slug = "uni" + run;
        String nameZh = "东南测试大学" + run;
        String nameEn = "Southeast Test University " + run;
        String platform = "http://localhost:" + app.uiPort();

        // 1. Sign-up on the platform site (phone, Chinese); a bad e-mail is refused beside its field first.
        List<String> console = new java.util.ArrayList<>();
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> errors = watchConsole(ctx);
            Page page = ctx.newPage();
            page.navigate(platform + "/");
            assertThat(page.locator("#signup-title")).hasText("学校入驻申请");
            screenshot(page, "01-signup-phone-zh");
            fill(page, "signup-nameZh", nameZh);
            fill(page, "signup-nameEn", nameEn);
            fill(page, "signup-slug", slug);
            fill(page, "signup-contactName", "王老师");
            fill(page, "signup-email", "not-an-email");
            fill(page, "signup-phone", "13912345678");
            page.locator("#signup-submit").click();
            assertThat(page.locator("#signup-email")).hasAttribute("invalid", "");
            assertThat(page.locator("#signup-email")).containsText("电子邮箱格式不正确");
            screenshot(page, "02-signup-errors-phone-zh");
            fill(page, "signup-email", "registrar" + run + "@example.edu.cn");
            page.locator("#signup-submit").click();
            assertThat(page.locator("#signup-success")).containsText("申请已提交");
            screenshot(page, "03-signup-done-phone-zh");
            console.addAll(errors);
        }
        Signup signup = app.bean(SignupService.class).list("PENDING").stream()
                .filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();

        // 2. The operator signs in (desktop) and approves; the dialog shows the portal and the setup link.
        String setupLink;
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> errors = watchConsole(ctx);
            Page page = ctx.newPage();
            page.navigate(platform + "/operator");
            page.waitForURL(Pattern.compile(".*/operator/login$"));
            fill(page, "operator-username", "operator");
            fill(page, "operator-password", "wrong-password-1");
            page.locator("#operator-login").click();
            assertThat(page.locator("#operator-login-error")).hasText("用户名或密码错误");
            fill(page, "operator-username", "operator");
            fill(page, "operator-password", TestApp.OPERATOR_PASSWORD);
            screenshot(page, "04-operator-login-desktop-zh");
            page.locator("#operator-login").click();
            page.waitForURL(Pattern.compile(".*/operator$"));
            assertThat(page.locator("#approve-" + signup.id())).isVisible();
            screenshot(page, "05-operator-console-desktop-zh");
            page.locator("#approve-" + signup.id()).click();
            assertThat(page.locator("#approved-portal-url")).hasAttribute("href", "http://" + slug + ".localhost:" + app.uiPort());
            setupLink = page.locator("#approved-setup-link textarea").inputValue();
            assertTrue(setupLink.startsWith("http://" + slug + ".localhost:" + app.uiPort() + "/setup/"), setupLink);
            screenshot(page, "06-operator-approved-desktop-zh");
            page.locator("#link-dialog-close").click();
            assertThat(page.locator("#approved-portal-url")).isHidden();
            assertThat(page.locator("#suspend-" + slug)).isVisible();
            screenshot(page, "07-operator-tenants-desktop-zh");
            page.setViewportSize(360, 740);
            page.reload();
            assertThat(page.locator("#suspend-" + slug)).isInViewport();
            screenshot(page, "07b-operator-console-phone-zh");
            page.locator("#operator-logout").click();
            assertThat(page.locator("#signup-title")).isVisible();
            page.navigate(platform + "/operator");
            page.waitForURL(Pattern.compile(".*/operator/login$"));
            console.addAll(errors);
        }
        assertEquals("ACTIVE", app.bean(TenantRegistry.class).bySlug(slug).orElseThrow().status().name());

        // 3. The portal of the new university, on its own host, in both languages and both sizes.
        String portal = "http://" + slug + ".localhost:" + app.uiPort();
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(portal + "/");
            assertThat(page.locator("#portal-name")).hasText(nameZh);
            assertThat(page.locator("#portal-welcome")).containsText(nameZh);
            screenshot(page, "08-portal-desktop-zh");
            page.locator("#lang-switch").click();
            assertThat(page.locator("#portal-name")).hasText(nameEn);
            screenshot(page, "09-portal-desktop-en");
            page.navigate(portal + "/operator");
            assertThat(page.locator("#not-found")).isVisible();
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(portal + "/");
            assertThat(page.locator("#portal-name")).hasText(nameZh);
            screenshot(page, "10-portal-phone-zh");

            // 4. The registrar opens the one-time link and sets the first password.
            page.navigate(setupLink);
            fill(page, "setup-password", "Registrar-pass-2025");
            fill(page, "setup-confirm", "Registrar-pass-2025");
            screenshot(page, "11-setup-phone-zh");
            page.locator("#setup-submit").click();
            assertThat(page.locator("#setup-done")).containsText("admin");
            page.navigate(setupLink);
            assertThat(page.locator("#setup-invalid")).isVisible();
        }
        var tenant = app.bean(TenantRegistry.class).bySlug(slug).orElseThrow();
        assertTrue(app.bean(TenantAccounts.class).authenticate(tenant.context(), "admin", "Registrar-pass-2025").isPresent());
        assertEquals(List.of(), console, "the browser reported errors (a Content-Security-Policy violation is one)");
    }

    @Test
    void platform_site_reads_in_english_on_a_phone() {
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            Page page = ctx.newPage();
            page.navigate("http://localhost:" + app.uiPort() + "/");
            assertThat(page.locator("#signup-title")).hasText("Sign up your university");
            screenshot(page, "12-signup-phone-en");
            page.locator("#lang-switch").click();
            assertThat(page.locator("#signup-title")).hasText("学校入驻申请");
        }
    }
}
