package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.EvidenceFiles;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.tenantadmin.signoff.SignOffs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The sign-off chain in a real browser on one university: a student with an error report checks his
 * fields and signs on a phone (his classmates sign through the services, for speed); the class monitor signs the class on a phone; college staff forward the report,
 * download the list and sign for the college on a desktop; the registrar resolves the report in the
 * cockpit and sees 100 % for the class. Plus scope through the UI: the monitor cannot open another
 * class, college staff another college. Screenshots go to {@code target/screenshots/chain-*}.
 */
class SignOffChainBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PW = OrgFixture.PASSWORD;

    private static RollcheckApp app;
    private static TestApp fixtures;
    private static Playwright playwright;
    private static Browser browser;
    private static Tenant tenant;
    private static OrgFixture org;
    private static long reportId;

    @BeforeAll
    static void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        app = UiTestSupport.startApp();
        fixtures = TestApp.start();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
        tenant = UiTestSupport.aTenant(app);
        String prefix = "25" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 3);
        org = new OrgFixture(fixtures, tenant, prefix, 3);
        CampaignFixture.publish(fixtures, tenant, "2025级本科新生学籍核对",
                CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        // K1: one student reports an error in 专业, then everyone signs but the last one
        reportId = report(org.studentsK1.get(1), "major", "计算机", "计算机科学与技术");
        // (student2, K1's second, checks and signs in the browser as the test's first step)
        for (int i = 0; i < org.studentsK1.size() - 1; i++) {
            if (i != 1) {
                checkAndSign(org.studentsK1.get(i));
            }
        }
        // K2 (same college) is complete and signed off by the registrar through the services
        for (long s : org.studentsK2) {
            checkAndSign(s);
        }
        app.bean(SignOffs.class).signClass(tenant.context(), tenant.slug(), "演示大学", "admin", org.k2, null, "PASSWORD",
                List.of(), "127.0.0.1", "test");
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

    private static void checkAndSign(long studentId) {
        SelfCheck check = app.bean(SelfCheck.class);
        check.state(tenant.context(), studentId).fields().stream().filter(f -> f.answer() == null).forEach(f ->
                check.answer(tenant.context(), "s" + studentId, studentId, f.field(),
                        new SelfCheck.Answer("MATCH", null, null, null), "127.0.0.1"));
        app.bean(Signatures.class).sign(tenant.context(), tenant.slug(), "s" + studentId, studentId, "PASSWORD", null,
                "127.0.0.1", "test");
    }

    private static long report(long studentId, String field, String shown, String correct) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return app.bean(ErrorReports.class).submit(tenant.context(), "s" + studentId, studentId,
                new ErrorReports.Input("FIELD", field, shown, correct, "录取时登记错误"),
                List.of(EvidenceFiles.clean("证明.png", png.toByteArray())), "127.0.0.1").id();
    }

    private static long count(String sql) {
        return app.bean(Db.class).tenant(tenant.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static String url() {
        return "http://" + tenant.slug() + ".localhost:" + app.uiPort();
    }

    private static void signIn(Page page, String username) {
        page.navigate(url() + "/login");
        fill(page, "login-username", username);
        fill(page, "login-password", PW);
        page.locator("#login-submit").click();
        page.waitForURL(Pattern.compile(".*/(check|me|admin)$"));
    }

    @Test
    void the_chain_runs_from_the_monitor_to_the_college_to_the_registrar_at_100_percent() throws Exception {
        // 0. a student, on a phone: checks the fields left (专业 was reported with evidence), signs with his password
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, "student2");
            page.navigate(url() + "/check/fields");
            for (String field : List.of("name", "sex", "idNumber", "phone")) {
                page.locator("#check-" + field + "-match").click();
                assertThat(page.locator("#check-" + field + "-match")).hasAttribute("aria-pressed", "true");
            }
            page.navigate(url() + "/check");
            assertThat(page.locator("#check-status")).hasAttribute("data-status", "REPORTED");
            page.locator("#next-step").click();
            page.waitForURL(Pattern.compile(".*/check/sign$"));
            assertThat(page.locator("#sign-reports li")).hasCount(1);
            fill(page, "sign-password", PW);
            page.locator("#sign-submit").click();
            page.waitForURL(Pattern.compile(".*/check/receipt$"));
            screenshot(page, "chain-05-student-signed-phone-zh");
            assertEquals(1, count("SELECT count(*) FROM student_signatures WHERE student_id = " + org.studentsK1.get(1)
                    + " AND method = 'PASSWORD'"));
            assertEquals(List.of(), console);
        }
        // 1. the class monitor, on a phone: nudges the one who has not signed, then signs with a reason for him
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, "monitor1");
            page.navigate(url() + "/class");
            assertThat(page.locator("#class-summary")).containsText("已签名 2 / 3");
            assertThat(page.locator("#class-roll tbody tr")).hasCount(3);
            assertThat(page.locator("#class-error-" + reportId)).containsText("计算机科学与技术");
            screenshot(page, "chain-10-class-phone-zh");
            page.locator("#class-nudge").click();
            assertThat(page.locator("vaadin-notification-card")).containsText("已提醒 1 位同学");
            assertEquals(1, count("SELECT count(*) FROM student_messages WHERE kind = 'NUDGE' AND student_id = "
                    + org.studentsK1.get(2)));
            Download pdf = page.waitForDownload(() -> page.locator("#class-sheet").click());
            byte[] bytes = Files.readAllBytes(pdf.path());
            assertTrue(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
            // without a reason for the one who has not signed, the signature is refused
            fill(page, "class-signer-password", PW);
            page.locator("#class-sign").click();
            assertThat(page.locator("#class-signer-password")).hasAttribute("invalid", "");
            fill(page, "class-reason-3", "病假，返校后补签纸质登记表");
            fill(page, "class-signer-password", "wrong-password");
            page.locator("#class-sign").click();
            assertThat(page.locator("#class-signer-password")).hasAttribute("invalid", "");
            fill(page, "class-signer-password", PW);
            screenshot(page, "chain-11-class-sign-phone-zh");
            page.locator("#class-sign").click();
            assertThat(page.locator("#class-signed")).containsText("已于");
            assertThat(page.locator("vaadin-notification-card")).hasCount(0);
            screenshot(page, "chain-12-class-signed-phone-zh");
            assertEquals(1, count("SELECT count(*) FROM signoffs WHERE level = 'CLASS_MONITOR' AND unit_id = " + org.k1));
            assertEquals(List.of(), console);
        }
        // 1b. the nudged student, on a phone in English: the monitor's reminder is among his messages, in words
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            List<String> console = watchConsole(ctx);
            String hash = app.bean(io.rollcheck.platform.security.PasswordHasher.class).hash(PW);
            app.bean(Db.class).tenant(tenant.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (username, display_name, roles, password_hash,"
                        + " student_id) VALUES ('student3', 'student3', ARRAY['STUDENT'], ?, ?)")) {
                    ps.setString(1, hash);
                    ps.setLong(2, org.studentsK1.get(2));
                    return ps.executeUpdate();
                }
            });
            Page page = ctx.newPage();
            signIn(page, "student3");
            page.navigate(url() + "/check/reports");
            assertThat(page.locator("#messages li.rc-message-nudge")).hasCount(1);
            assertThat(page.locator("#messages li.rc-message-nudge")).containsText("Your class monitor reminds you");
            screenshot(page, "chain-13-nudged-student-messages-phone-en");
            assertEquals(List.of(), console);
        }
        // 2. college staff, on a desktop: forward the report, download the list and the sheets, sign for the college
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, "staff1");
            page.navigate(url() + "/me");
            page.locator("#me-work-college").click();
            page.waitForURL(Pattern.compile(".*/college$"));
            assertThat(page.locator("#college-classes tbody tr")).hasCount(2);
            assertThat(page.locator("#report-" + reportId)).containsText("计算机科学与技术");
            screenshot(page, "chain-20-college-desktop-zh");
            page.locator("#report-" + reportId + "-forward").click();
            assertThat(page.locator("#report-" + reportId)).containsText("已转学籍科");
            Download xlsx = page.waitForDownload(() -> page.locator("#college-xlsx").click());
            assertTrue(Files.size(xlsx.path()) > 0);
            Download zip = page.waitForDownload(() -> page.locator("#college-zip").click());
            byte[] z = Files.readAllBytes(zip.path());
            assertEquals('P', z[0]);
            assertEquals('K', z[1]);
            fill(page, "college-signer-password", PW);
            page.locator("#college-sign").click();
            assertThat(page.locator("#college-signed")).containsText("已于");
            screenshot(page, "chain-21-college-signed-desktop-zh");
            assertEquals(1, count("SELECT count(*) FROM signoffs WHERE level = 'COLLEGE' AND unit_id = " + org.college1));
            assertEquals(List.of(), console);
        }
        // the nudged student signs after all
        checkAndSign(org.studentsK1.get(2));
        // 3. the registrar, on a desktop: the cockpit with its charts; resolves the report; 100 % for the class
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(url() + "/admin");
            page.locator("#admin-nav-cockpit").click();
            assertThat(page.locator("#cockpit-title")).isVisible();
            assertThat(page.locator("#cockpit-trend")).hasAttribute("data-ready", "true");
            assertThat(page.locator("#cockpit-fields")).hasAttribute("data-ready", "true");
            assertThat(page.locator("#queue-" + reportId)).containsText("已转学籍科");
            screenshot(page, "chain-30-cockpit-desktop-zh");
            fill(page, "queue-" + reportId + "-note", "已在学信网更正专业名称");
            page.locator("#queue-" + reportId + "-apply input").check();
            page.locator("#queue-" + reportId + "-resolve").click();
            assertThat(page.locator("#queue-" + reportId)).hasCount(0);
            assertEquals(1, count("SELECT count(*) FROM error_reports WHERE status = 'RESOLVED' AND id = " + reportId));
            assertThat(page.locator("#cockpit-classes tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("计科2501"))).containsText("100 %");
            assertThat(page.locator("#cockpit-open")).hasText("0");
            // a reminder rule: three days before, then daily in the last two, in-app and email
            page.locator("#rules-add").click();
            fill(page, "rule-1-days", "7,3");
            page.locator("#rules-save").click();
            assertThat(page.locator("#rules-status")).hasText("提醒规则已保存");
            assertEquals(1, count("SELECT count(*) FROM reminder_rules WHERE enabled AND days_before = ARRAY[7,3]"));
            Download xlsx = page.waitForDownload(() -> page.locator("#cockpit-export").click());
            assertTrue(Files.size(xlsx.path()) > 0);
            screenshot(page, "chain-31-cockpit-resolved-desktop-zh");
            assertEquals(List.of(), console);
        }
        // the cockpit on a phone
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = ctx.newPage();
            signIn(page, "admin");
            page.navigate(url() + "/admin/cockpit");
            assertThat(page.locator("#cockpit-trend")).hasAttribute("data-ready", "true");
            screenshot(page, "chain-32-cockpit-phone-zh");
            // closing the campaign asks first, then offers the frozen archive
            page.locator("#cockpit-close").click();
            page.locator("#cockpit-close-yes").click();
            assertThat(page.locator("#cockpit-closed")).isVisible();
            screenshot(page, "chain-33-cockpit-closed-phone-zh");
            Download archive = page.waitForDownload(() -> page.locator("#cockpit-archive").click());
            assertTrue(Files.size(archive.path()) > 0);
        }
    }

    @Test
    void a_session_of_one_university_cannot_open_the_class_page_of_another() {
        Tenant other = UiTestSupport.aTenant(app);
        OrgFixture otherOrg = new OrgFixture(fixtures, other, "26" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 3), 2);
        String cookie;
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            signIn(page, "monitor1");
            cookie = ctx.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst().orElseThrow();
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            ctx.addCookies(List.of(new com.microsoft.playwright.options.Cookie("JSESSIONID", cookie)
                    .setDomain(other.slug() + ".localhost").setPath("/")));
            Page page = ctx.newPage();
            page.navigate("http://" + other.slug() + ".localhost:" + app.uiPort() + "/class?id=" + otherOrg.k1);
            assertThat(page.locator("#error-title")).hasText("会话不属于本站点");
            assertThat(page.locator("#class-roll")).hasCount(0);
        }
    }

    @Test
    void a_monitor_cannot_open_another_class_and_college_staff_not_another_college() {
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = ctx.newPage();
            signIn(page, "monitor1");
            page.navigate(url() + "/class?id=" + org.k3);
            assertThat(page.locator("#not-found")).isVisible();
            assertThat(page.locator("#class-roll")).hasCount(0);
            page.navigate(url() + "/college?id=" + org.college1);
            assertThat(page.locator("#forbidden")).isVisible();
            screenshot(page, "chain-90-class-scope-phone-zh");
        }
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            signIn(page, "staff1");
            page.navigate(url() + "/college?id=" + org.college2);
            assertThat(page.locator("#not-found")).isVisible();
            assertThat(page.locator("#college-classes")).hasCount(0);
            page.navigate(url() + "/class?id=" + org.k3);
            assertThat(page.locator("#not-found")).isVisible();
            page.navigate(url() + "/class?id=" + org.k2);
            assertThat(page.locator("#class-title")).isVisible();
            assertThat(page.locator("#not-found")).hasCount(0);
        }
    }
}
