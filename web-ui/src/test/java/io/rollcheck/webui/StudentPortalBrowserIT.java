package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.Cookie;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.files.BlobStore;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.platform.testing.Fixtures;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
 * The student's self-check in a real browser, on a phone (zh-CN) and on a desktop (English): sign
 * in, read the notice, check every field with one 不一致 under each edit policy (a refused and an
 * accepted correction, an error report with a generated PNG as evidence, a paper case), an account
 * problem, sign with the password again, download the PDF receipt and open the public verification
 * page; then the follow-up of a reviewed report. Plus the tenant boundary: a student's session of
 * university A is refused on B's {@code /check}, and A's receipt code is unknown on B's verify page.
 * Screenshots of every step go to {@code target/screenshots/}.
 */
class StudentPortalBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String PW = OrgFixture.PASSWORD;

    private static RollcheckApp app;
    private static TestApp fixtures;
    private static Playwright playwright;
    private static Browser browser;
    private static Tenant tenant;
    private static Tenant other;
    private static OrgFixture org;
    private static Path evidence;
    private static String prefix;

    @BeforeAll
    static void start() throws Exception {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        app = UiTestSupport.startApp();
        fixtures = TestApp.start();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
        tenant = UiTestSupport.aTenant(app);
        other = UiTestSupport.aTenant(app);
        prefix = "25" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 3);
        org = new OrgFixture(fixtures, tenant, prefix, 2);
        new OrgFixture(fixtures, other, prefix + "9", 2);
        long guide = app.bean(BlobStore.class).put(tenant.context(), "学信网核对操作指南.pdf", "application/pdf",
                "%PDF-1.4\n% guide\n".getBytes(StandardCharsets.US_ASCII)).id();
        CampaignFixture.publish(fixtures, tenant, "2025级本科新生学籍核对", withAttachment(
                CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE), guide));
        CampaignFixture.publish(fixtures, other, "2025级新生学籍核对",
                CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        evidence = Files.createTempDirectory("evidence").resolve("户口本本人页.png");
        BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0x1f5fa8));
        g.fillRect(20, 20, 280, 40);
        ImageIO.write(img, "png", evidence.toFile());
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

    /** The fixture campaign with a fuller notice body and one attachment. */
    private static CampaignContent withAttachment(CampaignContent c, long blobId) {
        CampaignContent.Notice n = c.notice();
        return new CampaignContent(new CampaignContent.Notice(n.title(), n.docNo(), n.issueDate(), n.draftingOffice(),
                n.signer(), n.addressees(), "请全体2025级新生在截止日期前登录学信网，对照本校记录逐项核对个人学籍信息，并在本平台签名确认。"
                + "如发现错误，请按各项提示在线更正、提交错误报告或携带证明材料到学籍科办理。",
                List.of(blobId)), c.checklist(), c.offices(), c.deadlines(), c.audience(), c.workflow(), c.guide(), c.faq());
    }

    private static String url(Tenant t) {
        return "http://" + t.slug() + ".localhost:" + app.uiPort();
    }

    private static void signIn(Page page, Tenant t, String username) {
        page.navigate(url(t) + "/login");
        fill(page, "login-username", username);
        fill(page, "login-password", PW);
        page.locator("#login-submit").click();
    }

    @Test
    void a_student_on_a_phone_reads_the_notice_checks_every_field_reports_signs_and_verifies_the_receipt() throws Exception {
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            String code = walkThrough(page, "student2", 1, true, "phone-zh");

            // the reviewer answers; the student sees the status and the comment, with a new-message mark
            long nameReport = reportId(org.studentsK1.get(1), "name");
            app.bean(ErrorReports.class).review(tenant.context(), "admin", nameReport, ErrorReports.Decision.RESOLVED,
                    "学信网姓名已更正，请再次登录核对", "127.0.0.1");
            page.navigate(url(tenant) + "/check");
            assertThat(page.locator("#home-messages")).containsText("1 条新消息");
            assertThat(page.locator("#nav-unread")).hasText("1");
            page.locator("#home-messages").click();
            page.waitForURL(Pattern.compile(".*/check/reports$"));
            assertThat(page.locator("#report-" + nameReport + "-status")).hasText("已解决");
            assertThat(page.locator("#report-" + nameReport + "-comment")).containsText("学信网姓名已更正");
            assertThat(page.locator("#messages")).containsText("姓名：已解决");
            assertThat(page.locator("#messages .rc-badge-new")).hasCount(1);
            assertThat(page.locator("#reports")).containsText("学信网账号问题");
            screenshot(page, "75-student-reports-phone-zh");
            page.reload();
            assertThat(page.locator("#messages .rc-badge-new")).hasCount(0); // read now
            assertThat(page.locator("#nav-unread")).hasCount(0);

            // the receipt code of this university is unknown on another university's host
            page.navigate(url(other) + "/verify/" + code);
            assertThat(page.locator("#verify-unknown")).isVisible();
            assertThat(page.locator("#verify-result")).hasAttribute("data-genuine", "false");
            screenshot(page, "76-verify-other-tenant-phone-zh");
            assertEquals(List.of(), console);
        }
    }

    @Test
    void a_student_on_a_desktop_does_the_same_in_english() throws Exception {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "en-US")) {
            List<String> console = watchConsole(ctx);
            Page page = ctx.newPage();
            walkThrough(page, "monitor1", 0, false, "desktop-en");
            assertEquals(List.of(), console);
        }
    }

    /**
     * The whole self-check of the fixture student {@code n} (0-based in class K1) signed in as
     * {@code username}; returns the receipt code.
     */
    private String walkThrough(Page page, String username, int n, boolean zh, String suffix) throws Exception {
        long studentId = org.studentsK1.get(n);
        String idNumber = Fixtures.ID_NUMBERS.get(n);

        // sign-in lands on the self-check: status, countdown, next step, then the notice
        signIn(page, tenant, username);
        page.waitForURL(Pattern.compile(".*/check$"));
        assertThat(page.locator("#check-status")).hasAttribute("data-status", "NOT_STARTED");
        assertThat(page.locator("#check-status")).hasAttribute("aria-live", "polite");
        assertThat(page.locator("#notice-docNo")).hasText("教务〔2025〕12号");
        assertThat(page.locator("#notice-title")).hasText("关于开展2025级新生学籍信息核对工作的通知");
        assertThat(page.locator("#notice-body")).containsText("逐项核对个人学籍信息");
        assertThat(page.locator("#notice-attachments")).containsText("学信网核对操作指南.pdf");
        assertThat(page.locator("#check-countdown-left")).containsText(zh ? "距截止还有 10 天" : "10 days");
        assertThat(page.locator("#check-progress-text")).containsText(zh ? "已核对 0 / 5 项" : "0 of 5");
        if (zh) {
            assertThat(page.locator("#check-status-label")).hasText("未开始");
            assertThat(page.locator("#next-step")).hasText("开始核对");
            assertThat(page.locator("#notice-issueDate")).hasText(Pattern.compile("\\d{4}年\\d{1,2}月\\d{1,2}日"));
        } else {
            assertThat(page.locator("#check-status-label")).hasText("Not started");
        }
        Download attachment = page.waitForDownload(() -> page.locator("#notice-attachments a").first().click());
        assertTrue(new String(Files.readAllBytes(attachment.path()), StandardCharsets.US_ASCII).startsWith("%PDF"));
        screenshot(page, "60-student-home-" + suffix);

        // the portal's front page leads a signed-in student to the check
        page.navigate(url(tenant) + "/");
        assertThat(page.locator("#portal-check")).isVisible();
        screenshot(page, "59-portal-student-" + suffix);
        page.locator("#portal-check-go").click();
        page.waitForURL(Pattern.compile(".*/check$"));

        // guide: CHSI in a new tab, the FAQ found by Chinese words, offices to call and mail
        page.evaluate("() => window.rcSamePage = true");
        page.locator("#nav-check-guide").click();
        page.waitForURL(Pattern.compile(".*/check/guide$"));
        assertEquals(Boolean.TRUE, page.evaluate("() => window.rcSamePage === true"), "the nav moves within the page");
        assertThat(page.locator("#chsi-link")).hasAttribute("target", "_blank");
        assertThat(page.locator("#chsi-link")).hasAttribute("rel", "noopener noreferrer");
        assertThat(page.locator("#chsi-link")).hasAttribute("href", "https://www.chsi.com.cn");
        assertThat(page.locator("#guide-step-0")).containsText("登录学信网");
        fill(page, "faq-query", "没有学籍");
        assertThat(page.locator("#faq-results vaadin-details").first()).containsText("学信网上查不到我的学籍信息");
        fill(page, "faq-query", "手机号已注册");
        assertThat(page.locator("#faq-results vaadin-details").first()).containsText("手机号已被他人注册怎么办");
        assertThat(page.locator("#office-0 a.rc-tel")).hasAttribute("href", "tel:01012345678");
        assertThat(page.locator("#office-0 a.rc-mail")).hasAttribute("href", "mailto:xj@example.edu.cn");
        screenshot(page, "61-student-guide-" + suffix);

        // field by field
        page.locator("#nav-check-fields").click();
        page.waitForURL(Pattern.compile(".*/check/fields$"));
        assertThat(page.locator("#check-idNumber-value")).hasText(Masking.idNumberFor(true, idNumber));
        assertThat(page.locator("#check-name-note")).hasText("只核对括号外的部分");
        screenshot(page, "62-student-fields-" + suffix);

        // sex (DIRECT): a wrong value is refused under the input, a right one corrects the record
        page.locator("#check-sex-mismatch").click();
        fill(page, "fix-sex-correct", "unknown");
        page.locator("#fix-sex-save").click();
        assertThat(page.locator("#fix-sex-correct")).hasAttribute("invalid", "");
        if (zh) {
            assertThat(page.locator("#fix-sex-correct")).containsText("性别应为“男”或“女”");
        }
        screenshot(page, "63-student-direct-refused-" + suffix);
        String otherSex = "M".equals(io.rollcheck.platform.validation.IdNumbers.sex(idNumber)) ? "女" : "男";
        fill(page, "fix-sex-correct", otherSex);
        page.locator("#fix-sex-save").click();
        assertThat(page.locator("#check-sex")).hasAttribute("data-answer", "MISMATCH");
        assertThat(page.locator("#check-sex-value")).hasText(zh ? otherSex : ("女".equals(otherSex) ? "Female" : "Male"));

        // name (ONLINE_REVIEW): the report needs evidence; a generated PNG goes up, the report is filed
        page.locator("#check-name-mismatch").click();
        fill(page, "report-name-shown", "学生" + (n + 1));
        fill(page, "report-name-correct", "学生" + (n + 1) + "（更正）");
        fill(page, "report-name-reason", "学信网上的姓名少了括号内的部分");
        assertThat(page.locator("#report-name-evidence-needs")).containsText("户口本首页及本人页");
        page.locator("#report-name-submit").click();
        assertThat(page.locator("#report-name-evidence-error")).isVisible();
        if (zh) {
            assertThat(page.locator("#report-name-evidence-error")).hasText("请上传证明材料");
        }
        page.locator("#report-name-evidence-upload input[type=file]").setInputFiles(evidence);
        assertThat(page.locator("#report-name-evidence-files")).containsText("户口本本人页.png");
        screenshot(page, "64-student-report-" + suffix);
        page.locator("#report-name-submit").click();
        assertThat(page.locator("#check-name")).hasAttribute("data-answer", "MISMATCH");
        assertThat(page.locator("#check-name-state")).hasClass(Pattern.compile(".*rc-badge-reported.*"));
        assertEquals(1, count("SELECT count(*) FROM evidence_files e JOIN error_reports r ON r.id = e.report_id"
                + " WHERE r.student_id = " + studentId + " AND r.field = 'name'"));

        // idNumber: shown in full after the password again (audited), then PAPER_EVIDENCE
        page.locator("#check-idNumber-reveal").click();
        fill(page, "reveal-password", "not-my-password-1");
        page.locator("#reveal-confirm").click();
        assertThat(page.locator("#reveal-password")).hasAttribute("invalid", "");
        screenshot(page, "65-student-reveal-" + suffix);
        fill(page, "reveal-password", PW);
        page.locator("#reveal-confirm").click();
        assertThat(page.locator("#check-idNumber-value")).hasText(idNumber);
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'pii.revealed' AND target = 'student:"
                + studentId + "' AND detail = 'field=idNumber by=self'"));
        page.locator("#check-idNumber-mismatch").click();
        assertThat(page.locator("#paper-idNumber-documents")).containsText("身份证原件");
        assertThat(page.locator("#paper-idNumber-offices")).containsText("教务处学籍科");
        assertThat(page.locator("#paper-idNumber-offices a.rc-tel")).hasAttribute("href", "tel:01012345678");
        assertThat(page.locator("#paper-idNumber-by")).isVisible();
        fill(page, "paper-idNumber-reason", "末位应为大写 X");
        screenshot(page, "66-student-paper-" + suffix);
        page.locator("#paper-idNumber-confirm").click();
        assertThat(page.locator("#check-idNumber")).hasAttribute("data-answer", "MISMATCH");
        assertThat(page.locator("#paper-idNumber-documents")).isVisible(); // the instructions stay

        // phone and major match; every answer was saved: a reload resumes
        page.locator("#check-phone-match").click();
        assertThat(page.locator("#check-phone")).hasAttribute("data-answer", "MATCH");
        page.locator("#check-major-match").click();
        assertThat(page.locator("#check-major")).hasAttribute("data-answer", "MATCH");
        assertThat(page.locator("#check-progress-text")).containsText(zh ? "已核对 5 / 5 项" : "5 of 5");
        page.reload();
        assertThat(page.locator("#check-name")).hasAttribute("data-answer", "MISMATCH");
        assertThat(page.locator("#check-major")).hasAttribute("data-answer", "MATCH");
        assertThat(page.locator("#check-major-match")).hasAttribute("aria-pressed", "true");
        assertThat(page.locator("#fields-sign")).isVisible();
        screenshot(page, "67-student-fields-done-" + suffix);

        // an account problem: the matching FAQ first, then a report to the registrar
        page.navigate(url(tenant) + "/check/account");
        assertThat(page.locator("#account-faq-results")).containsText("手机号已被他人注册怎么办");
        page.locator("#account-submit").click();
        assertThat(page.locator("#account-reason")).hasAttribute("invalid", "");
        fill(page, "account-reason", "注册时提示手机号已被注册，找回账号也失败");
        page.locator("#account-submit").click();
        assertThat(page.locator("#account-sent")).isVisible();
        screenshot(page, "68-student-account-" + suffix);

        // home: errors reported, not done yet: sign
        page.navigate(url(tenant) + "/check");
        assertThat(page.locator("#check-status")).hasAttribute("data-status", "REPORTED");
        if (zh) {
            assertThat(page.locator("#check-status-label")).hasText("已报告错误，处理中");
            assertThat(page.locator("#next-step")).hasText("去签名确认");
        }
        screenshot(page, "69-student-home-reported-" + suffix);

        // signing shows what is signed and asks for the password again
        page.locator("#next-step").click();
        page.waitForURL(Pattern.compile(".*/check/sign$"));
        assertThat(page.locator("#sign-field-idNumber")).containsText(Masking.idNumberFor(true, idNumber));
        assertThat(page.locator("#sign-content")).not().containsText(idNumber);
        assertThat(page.locator("#sign-reports li")).hasCount(3);
        assertThat(page.locator("#sign-hash")).containsText(Pattern.compile("[0-9a-f]{64}"));
        screenshot(page, "70-student-sign-" + suffix);
        page.locator("#sign-submit").click();
        assertThat(page.locator("#sign-password")).hasAttribute("invalid", "");
        fill(page, "sign-password", "not-my-password-1");
        page.locator("#sign-submit").click();
        assertThat(page.locator("#sign-password")).hasAttribute("invalid", "");
        assertEquals(0, count("SELECT count(*) FROM student_signatures WHERE student_id = " + studentId));
        fill(page, "sign-password", PW);
        page.locator("#sign-submit").click();
        page.waitForURL(Pattern.compile(".*/check/receipt$"));
        String code = page.locator("#receipt-code").textContent().strip();
        assertTrue(code.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"), code);
        assertEquals(1, count("SELECT count(*) FROM student_signatures WHERE student_id = " + studentId
                + " AND method = 'PASSWORD' AND receipt_code = '" + code + "'"));
        screenshot(page, "71-student-receipt-" + suffix);

        Download pdf = page.waitForDownload(() -> page.locator("#receipt-pdf").click());
        byte[] bytes = Files.readAllBytes(pdf.path());
        assertTrue(new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), "a PDF");
        assertTrue(pdf.suggestedFilename().contains(code), pdf.suggestedFilename());

        // the public verification page: genuine, masked name, nothing else personal
        page.locator("#receipt-verify").click();
        page.waitForURL(Pattern.compile(".*/verify/" + code + "$"));
        assertThat(page.locator("#verify-genuine")).isVisible();
        assertThat(page.locator("#verify-result")).hasAttribute("data-genuine", "true");
        assertThat(page.locator("#verify-name")).hasText(Masking.name("学生" + (n + 1)));
        assertThat(page.locator("#verify-campaign")).hasText("2025级本科新生学籍核对");
        assertThat(page.locator("#verify-result")).not().containsText(idNumber);
        assertThat(page.locator("#verify-result")).not().containsText(prefix + org.k1);
        screenshot(page, "72-verify-" + suffix);

        page.navigate(url(tenant) + "/check");
        assertThat(page.locator("#check-status")).hasAttribute("data-status", "SIGNED");
        assertThat(page.locator("#check-status-code")).hasText(code);
        assertThat(page.locator("#check-countdown")).hasCount(0); // nothing left to hurry for
        screenshot(page, "73-student-home-signed-" + suffix);
        // signed: the answers are read-only now
        page.navigate(url(tenant) + "/check/fields");
        assertThat(page.locator("#fields-locked")).isVisible();
        assertThat(page.locator("#check-sex-match")).isDisabled();
        screenshot(page, "74-student-fields-signed-" + suffix);
        return code;
    }

    @Test
    void a_locked_signature_prompt_says_how_long_to_wait_not_that_the_password_is_wrong() {
        // the other university's student2: answers through the API, then signs in the browser
        String host = other.slug() + ".localhost";
        String tok = fixtures.login(host, "student2", PW);
        for (String f : List.of("name", "sex", "idNumber", "phone", "major")) {
            assertEquals(200, fixtures.call("PUT", host, "/api/me/checks/" + f, "{\"answer\":\"MATCH\"}", tok).statusCode());
        }
        for (String lang : List.of("zh-CN", "en-US")) {
            try (BrowserContext ctx = UiTestSupport.desktop(browser, lang)) {
                Page page = ctx.newPage();
                signIn(page, other, "student2");
                page.waitForURL(Pattern.compile(".*/check$"));
                page.navigate(url(other) + "/check/sign");
                Locator error = page.locator("#sign-password [slot=error-message]");
                if (lang.equals("zh-CN")) {
                    for (int i = 0; i < 5; i++) {
                        fill(page, "sign-password", "not-my-password-" + i);
                        page.locator("#sign-submit").click();
                        assertThat(error).hasText("密码不正确");
                    }
                }
                fill(page, "sign-password", PW);
                page.locator("#sign-submit").click();
                assertThat(error).hasText(lang.equals("zh-CN")
                        ? Pattern.compile("尝试次数过多，请 \\d+ 秒后再试（密码未校验）")
                        : Pattern.compile("Too many attempts: wait \\d+ s and try again \\(the password was not checked\\)"));
                screenshot(page, "77-student-sign-locked-" + (lang.equals("zh-CN") ? "zh" : "en"));
            }
        }
    }

    @Test
    void a_student_session_of_one_university_cannot_open_the_check_of_another() {
        String cookie;
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            signIn(page, tenant, "monitor1");
            page.waitForURL(Pattern.compile(".*/check$"));
            cookie = ctx.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> "JSESSIONID=" + c.value)
                    .findFirst().orElseThrow();
        }
        assertEquals(200, get(app.uiPort(), tenant.slug() + ".localhost", "/check", cookie).statusCode());
        assertEquals(403, get(app.uiPort(), other.slug() + ".localhost", "/check", cookie).statusCode());
        assertEquals(403, get(app.uiPort(), other.slug() + ".localhost", "/check/fields", cookie).statusCode());
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            ctx.addCookies(List.of(new Cookie("JSESSIONID", cookie.substring("JSESSIONID=".length()))
                    .setDomain(other.slug() + ".localhost").setPath("/")));
            Page page = ctx.newPage();
            page.navigate(url(other) + "/check");
            assertThat(page.locator("#error-title")).hasText("会话不属于本站点");
            assertThat(page.locator("#check-status")).hasCount(0);
        }
        // signed out, the check asks for sign-in; a staff member without the student role is refused
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/check");
            page.waitForURL(Pattern.compile(".*/login$"));
            signIn(page, tenant, "counselor1");
            // signed in once the login page is left (it returns to the page asked for, or to /me)
            page.waitForURL(u -> !u.endsWith("/login"));
            page.navigate(url(tenant) + "/check");
            assertThat(page.locator("#forbidden")).isVisible();
        }
    }

    @Test
    void a_receipt_code_verifies_only_on_the_host_of_the_university_that_issued_it() {
        long studentId = org.studentsK2.get(0);
        SelfCheck check = app.bean(SelfCheck.class);
        CheckState s = check.state(tenant.context(), studentId);
        for (CheckState.Field f : s.fields()) {
            check.answer(tenant.context(), "fixture", studentId, f.field(), new SelfCheck.Answer("MATCH", null, null, null),
                    "127.0.0.1");
        }
        String code = app.bean(Signatures.class).sign(tenant.context(), tenant.slug(), "fixture", studentId, "PASSWORD",
                null, "127.0.0.1", "test").code();
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            Page page = ctx.newPage();
            page.navigate(url(tenant) + "/verify/" + code);
            assertThat(page.locator("#verify-genuine")).isVisible();
            page.navigate(url(other) + "/verify/" + code);
            assertThat(page.locator("#verify-unknown")).isVisible();
            // typed by hand, in lower case
            page.navigate(url(tenant) + "/verify");
            fill(page, "verify-code", code.toLowerCase());
            page.locator("#verify-check").click();
            assertThat(page.locator("#verify-genuine")).isVisible();
            screenshot(page, "77-verify-typed-desktop-zh");
        }
    }

    private static long reportId(long studentId, String field) throws Exception {
        return count("SELECT id FROM error_reports WHERE student_id = " + studentId + " AND field = '" + field + "'");
    }

    /** One number from the university's schema, by SQL. */
    private static long count(String sql) throws Exception {
        try (Connection c = TestServices.get().connect();
             PreparedStatement ps = c.prepareStatement("SET search_path TO \"" + tenant.schemaName() + "\"")) {
            ps.execute();
            try (PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
