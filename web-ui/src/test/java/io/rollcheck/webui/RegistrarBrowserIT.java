package io.rollcheck.webui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.validation.IdNumbers;
import io.rollcheck.tenantadmin.org.Organisation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rollcheck.webui.UiTestSupport.fill;
import static io.rollcheck.webui.UiTestSupport.screenshot;
import static io.rollcheck.webui.UiTestSupport.watchConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registrar's back office in a real browser, in the order the work is done: the roster (a dry
 * run with errors, an unknown header mapped, the fixed file committed, the history), the
 * organisation (a college, a class, a class monitor, a staff account with its setup link, a list
 * import), a campaign (edited, refused with reasons, published, previewed as a student) and the
 * portal's branding. Phone (360×740) and desktop, Chinese and English; screenshots in
 * {@code target/screenshots/5x-…} and {@code 6x-…}. The tests run in order on one university.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrarBrowserIT {

    private static final String PASSWORD = "registrar-pass-1";
    private static final List<String> HEADERS = List.of("考生号", "姓名", "学号", "性别", "出生日期", "身份证件类型", "身份证号", "民族",
            "生源省市", "院校名称", "专业名称", "学制", "层次", "录取年份", "学习形式", "学历类别", "分院", "系", "班级", "入学日期",
            "预计毕业日期", "手机号");

    private static RollcheckApp app;
    private static Playwright playwright;
    private static Browser browser;
    private static Tenant tenant;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        app = UiTestSupport.startApp();
        playwright = UiTestSupport.playwright();
        browser = UiTestSupport.chromium(playwright);
        tenant = UiTestSupport.aTenant(app);
        app.bean(TenantAccounts.class).setPassword(tenant.context(), "admin", PASSWORD);
        Organisation org = app.bean(Organisation.class);
        long cs = org.addCollege(tenant.context(), "setup", "CS", "计算机学院", "School of Computing");
        org.addClass(tenant.context(), "setup", cs, "K2501", "计科2501", 2025, "本科");
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

    private static String url(String path) {
        return "http://" + tenant.slug() + ".localhost:" + app.uiPort() + path;
    }

    private static Page signedIn(BrowserContext ctx) {
        Page page = ctx.newPage();
        page.navigate(url("/login"));
        fill(page, "login-username", "admin");
        fill(page, "login-password", PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL(Pattern.compile(".*/me$"));
        return page;
    }

    @Test
    @Order(1)
    void the_registrar_checks_a_roster_maps_an_unknown_header_then_imports_it_and_sees_the_history() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(row(i, "计科2501"));
        }
        String id = rows.get(3).get(6);
        rows.get(3).set(6, id.substring(0, 17) + (id.endsWith("0") ? "1" : "0")); // row 5: wrong check digit
        rows.get(9).set(18, "计科2599");                                            // row 11: unknown class
        Path bad = csv("新生名单.csv", HEADERS, rows);
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = signedIn(ctx);
            page.locator("#nav-admin").click();
            page.waitForURL(Pattern.compile(".*/admin$"));
            assertThat(page.locator("#admin-home")).containsText("1 个学院，1 个班级");
            screenshot(page, "50-admin-home-desktop-zh");
            page.locator("#admin-nav-roster").click();
            page.waitForURL(Pattern.compile(".*/admin/roster$"));
            assertThat(page.locator("#roster-history")).containsText("还没有导入记录");

            upload(page, "roster-upload", bad);
            assertThat(page.locator("#roster-report-title")).hasText("检查结果：新生名单.csv");
            assertThat(page.locator("#roster-count-rows")).containsText("30");
            assertThat(page.locator("#roster-count-rejected")).containsText("2");
            assertThat(page.locator("#roster-count-created")).containsText("28");
            assertThat(page.locator("#roster-errors")).containsText("第 5 行“身份证号”：身份证号校验位不正确");
            assertThat(page.locator("#roster-errors")).containsText("第 11 行“班级”：班级不存在");
            assertThat(page.locator("#roster-commit")).isDisabled();
            screenshot(page, "51-admin-roster-dryrun-desktop-zh");

            // the fixed file, exported by another system with its own name for the 学号 column
            rows.get(3).set(6, id);
            rows.get(9).set(18, "计科2501");
            List<String> headers = new ArrayList<>(HEADERS);
            headers.set(2, "Matric No");
            upload(page, "roster-upload", csv("新生名单-已更正.csv", headers, rows));
            assertThat(page.locator("#roster-mapping")).isVisible();
            assertThat(page.locator("#roster-map-0")).containsText("Matric No");
            assertThat(page.locator("#roster-errors")).containsText("缺少必需的列“学号”");
            assertThat(page.locator("#roster-history")).containsText("未读取到数据行（表头缺少必填列，或表头下没有数据）");
            choose(page, "roster-map-0", "学号");
            screenshot(page, "52-admin-roster-mapping-desktop-zh");
            page.locator("#roster-recheck").click();
            assertThat(page.locator("#roster-verdict")).containsText("检查通过：将新增 30 名");
            assertThat(page.locator("#roster-commit")).isEnabled();
            page.locator("#roster-commit").click();
            assertThat(page.locator("#roster-verdict")).hasText("导入完成：新增 30 名，修改 0 名，未变 0 名。");
            assertThat(page.locator("#roster-report-title")).hasText("已导入：新生名单-已更正.csv");
            assertThat(page.locator("#roster-history")).containsText("新生名单-已更正.csv");
            assertThat(page.locator("#roster-history")).containsText("共 30 行：新增 30，修改 0，未变 0");
            screenshot(page, "53-admin-roster-committed-desktop-zh");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = signedIn(ctx);
            page.navigate(url("/admin"));
            assertThat(page.locator("#admin-home")).containsText("最近一次导入");
            screenshot(page, "54-admin-home-phone-zh");
            page.locator("#admin-nav-roster").click();
            page.waitForURL(Pattern.compile(".*/admin/roster$"));
            // a large file shows its progress while it is read on the server
            List<List<String>> many = new ArrayList<>();
            for (int i = 1; i <= 40_000; i++) {
                many.add(row(1000 + i, "计科2501"));
            }
            upload(page, "roster-upload", csv("全校名单.csv", HEADERS, many));
            assertThat(page.locator("#roster-progress")).isVisible();
            assertThat(page.locator("#roster-progress-text")).containsText("正在检查“全校名单.csv”");
            screenshot(page, "55-admin-roster-progress-phone-zh");
            assertThat(page.locator("#roster-verdict")).containsText("检查通过：将新增 40,000 名",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
            assertThat(page.locator("#roster-progress")).isHidden();
            screenshot(page, "56-admin-roster-dryrun-phone-zh");
            // a file that is no roster: refused with a reason, nothing else happens
            Path pdf = dir.resolve("名单.csv");
            Files.write(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII));
            upload(page, "roster-upload", pdf);
            assertThat(page.locator("#roster-problem")).hasText("无法识别的文件类型，请上传 .xlsx 或 CSV");
            assertThat(page.locator("#roster-report")).isHidden();
            screenshot(page, "57-admin-roster-badfile-phone-zh");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "en-US")) {
            Page page = signedIn(ctx);
            page.navigate(url("/admin/roster"));
            upload(page, "roster-upload", bad);
            assertThat(page.locator("#roster-errors")).containsText("check character is wrong");
            screenshot(page, "58-admin-roster-dryrun-desktop-en");
        }
    }

    @Test
    @Order(2)
    void the_registrar_adds_a_college_a_class_a_monitor_and_a_staff_account_with_its_setup_link() throws IOException {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = signedIn(ctx);
            page.navigate(url("/admin/org"));
            assertThat(page.locator("#college-grid")).containsText("计算机学院");
            fill(page, "college-code", "MA");
            fill(page, "college-name-zh", "数学学院");
            fill(page, "college-name-en", "School of Mathematics");
            page.locator("#college-add").click();
            assertThat(page.locator("#college-grid")).containsText("数学学院");
            fill(page, "college-code", "MA");
            fill(page, "college-name-zh", "数学学院");
            page.locator("#college-add").click();
            assertThat(page.locator("#college-code")).containsText("编码或名称已存在");
            screenshot(page, "60-admin-org-colleges-desktop-zh");

            page.locator("#org-tab-classes").click();
            choose(page, "class-college", "数学学院");
            fill(page, "class-code", "MA2501");
            fill(page, "class-name", "数学2501");
            page.locator("#class-level input").fill("本科");
            page.locator("#class-level input").press("Enter");
            page.locator("#class-add").click();
            assertThat(page.locator("#class-grid")).containsText("数学2501");
            choose(page, "monitor-class", "计科2501");
            fill(page, "monitor-student-no", studentNo(7));
            page.locator("#monitor-assign").click();
            assertThat(page.locator("#class-grid")).containsText("（" + studentNo(7) + "）");
            screenshot(page, "61-admin-org-classes-desktop-zh");

            page.locator("#org-tab-staff").click();
            fill(page, "staff-username", "fdy01");
            fill(page, "staff-display-name", "王老师");
            page.locator("#staff-roles vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("辅导员")).click();
            assertThat(page.locator("#staff-classes")).isVisible();
            page.locator("#staff-add").click();
            assertThat(page.locator("#staff-classes")).containsText("请选择负责的学院或班级");
            page.locator("#staff-classes input").fill("计科2501");
            page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("计科2501")).click();
            page.keyboard().press("Escape");
            page.locator("#staff-add").click();
            assertThat(page.locator("#setup-link-0 textarea")).hasValue(Pattern.compile("^http://" + tenant.slug()
                    + "\\.localhost:\\d+/setup/.+"));
            screenshot(page, "62-admin-org-staff-link-desktop-zh");
            page.locator("#setup-link-close").click();
            assertThat(page.locator("#staff-grid")).containsText("王老师");

            page.locator("#org-tab-import").click();
            Path classes = dir.resolve("班级.csv");
            Files.writeString(classes, "学院,学院代码,班级,班级代码,年级,层次\n外国语学院,FL,英语2501,EN2501,2025,本科\n"
                    + "外国语学院,FL,英语2502,EN2502,2025,本科\n");
            upload(page, "import-classes-upload", classes);
            assertThat(page.locator("#import-classes-result")).hasText("检查完成：共 2 行，0 行有误。");
            page.locator("#import-classes-commit").click();
            assertThat(page.locator("#import-classes-result")).hasText("导入完成：新建学院 1 个，新建班级 2 个，已存在 0 个。");
            screenshot(page, "63-admin-org-import-desktop-zh");
            page.locator("#org-tab-classes").click();
            assertThat(page.locator("#class-grid")).containsText("英语2502");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = signedIn(ctx);
            page.navigate(url("/admin/org"));
            page.locator("#org-tab-classes").click();
            assertThat(page.locator("#class-grid")).containsText("数学2501");
            screenshot(page, "64-admin-org-classes-phone-zh");
        }
    }

    @Test
    @Order(3)
    void the_registrar_edits_a_campaign_is_refused_with_reasons_then_publishes_and_previews_it_as_a_student() throws IOException {
        LocalDate today = LocalDate.now(ZONE);
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = signedIn(ctx);
            page.navigate(url("/admin/campaigns"));
            assertThat(page.locator("#campaign-grid")).containsText("还没有活动");
            fill(page, "campaign-new-name", "2025级本科新生学籍自查");
            fill(page, "campaign-new-cohort", "2025");
            screenshot(page, "65-admin-campaigns-desktop-zh");
            page.locator("#campaign-new-create").click();
            page.waitForURL(Pattern.compile(".*/admin/campaigns/\\d+$"));
            assertThat(page.locator("#editor-title")).hasText("2025级本科新生学籍自查");
            assertThat(page.locator("#editor-status")).hasText("草稿");
            assertThat(page.locator("#notice-title textarea")).hasValue("关于开展2025级新生学信网学籍信息自查工作的通知");

            fill(page, "notice-docNo", "25-67");
            fill(page, "notice-signer", "张主任");
            Locator body = page.locator("#notice-body textarea");
            body.fill(body.inputValue() + "\n## 四、联系我们\n\n请在**工作日**到教务处学籍科咨询。\n");
            assertThat(page.locator("#notice-preview h2").last()).hasText("四、联系我们");
            assertThat(page.locator("#notice-preview strong")).hasText("工作日");
            Path guide = dir.resolve("附件1 学信网操作指南.pdf");
            Files.write(guide, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII));
            upload(page, "notice-attachment-upload", guide);
            assertThat(page.locator("#notice-attachments")).containsText("附件1 学信网操作指南.pdf");
            Path script = dir.resolve("附件2.pdf");
            Files.writeString(script, "<script>alert(1)</script>");
            upload(page, "notice-attachment-upload", script);
            assertThat(page.locator("#notice-attachment-message")).hasText("附件须为 PDF、Word（.docx）、Excel（.xlsx）或 PNG/JPEG 图片");
            screenshot(page, "66-admin-editor-notice-desktop-zh");

            page.locator("#editor-tab-checklist").click();
            assertThat(page.locator("#checklist-1")).containsText("2. 姓名");
            page.locator("#checklist-up-1").click();   // 姓名 first
            assertThat(page.locator("#checklist-0")).containsText("1. 姓名");
            page.locator("#checklist-0 vaadin-details-summary").click();
            fill(page, "checklist-0-note", "须与身份证逐字一致，包括生僻字。");
            choose(page, "checklist-0-policy", "携带材料到办公室办理");
            assertThat(page.locator("#checklist-0")).containsText("携带材料到办公室办理");
            screenshot(page, "67-admin-editor-checklist-desktop-zh");

            page.locator("#editor-tab-offices").click();
            fill(page, "office-0-location", "行政楼 305 室");
            fill(page, "office-0-phones", "025-84315000");

            page.locator("#editor-tab-faq").click();
            page.locator("#faq-add").click();
            fill(page, "faq-7-question", "学信网上的照片不是本人怎么办？");
            fill(page, "faq-7-answer", "属于关键信息错误，请带身份证到学籍科办理。");
            page.locator("#editor-tab-workflow").click();
            page.locator("#workflow-COUNSELOR-enabled input").check();
            picker(page, "workflow-COUNSELOR-deadline", today.plusDays(50));

            page.locator("#editor-tab-deadlines").click();
            picker(page, "deadlines-studentDeadline", today.minusDays(1));
            assertThat(page.locator("#deadlines-order")).isVisible();
            page.locator("#editor-publish").click();
            assertThat(page.locator("#editor-reasons")).containsText("日期顺序应为：开始 ≤ 学生截止 ≤ 班级截止 ≤ 学院截止 ≤ 结束");
            assertThat(page.locator("#editor-reasons")).containsText("学生截止日期已过");
            assertThat(page.locator("#editor-status")).hasText("草稿");
            screenshot(page, "68-admin-editor-publish-refused-desktop-zh");

            picker(page, "deadlines-studentDeadline", today.plusDays(30));
            page.locator("#editor-publish").click();
            assertThat(page.locator("#editor-messages")).containsText("已发布第 1 版");
            assertThat(page.locator("#editor-status")).hasText("已发布 · 第 1 版");
            screenshot(page, "69-admin-editor-published-desktop-zh");

            page.locator("#editor-preview").click();
            Locator preview = page.locator("#preview");
            assertThat(preview.locator("#preview-notice-title")).hasText("关于开展2025级新生学信网学籍信息自查工作的通知");
            assertThat(preview).containsText("编号 25-67");
            assertThat(preview.locator("#preview-notice-body")).containsText("四、联系我们");
            assertThat(preview.locator("#preview-checklist")).containsText("须与身份证逐字一致，包括生僻字。");
            assertThat(preview.locator("#preview-offices")).containsText("行政楼 305 室");
            assertThat(preview.locator("#preview-faq")).containsText("手机号已被注册怎么办？");
            assertThat(preview.locator("#preview-workflow")).containsText("学生本人 → 班长（汇总人）");
            assertThat(preview.locator("#preview-workflow")).containsText("辅导员");
            assertThat(preview.locator("#preview-faq")).containsText("学信网上的照片不是本人怎么办？");
            assertThat(preview.locator("#preview-attachments")).containsText("附件1 学信网操作指南.pdf");
            tall(page, "70-admin-preview-desktop-zh");
            page.locator("#preview-close").click();

            page.locator("#editor-save-template").click();
            fill(page, "template-name", "本校本科模板");
            page.locator("#template-save").click();
            assertThat(page.locator("#editor-messages")).containsText("已保存为模板“本校本科模板”");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "zh-CN")) {
            Page page = signedIn(ctx);
            page.navigate(url("/admin/campaigns"));
            assertThat(page.locator("#campaign-grid a:visible")).hasText("2025级本科新生学籍自查");
            assertThat(page.locator("#campaign-grid")).containsText("已发布 · 第 1 版");
            screenshot(page, "71-admin-campaigns-phone-zh");
            page.locator("#campaign-grid a:visible").first().click();
            page.waitForURL(Pattern.compile(".*/admin/campaigns/\\d+$"));
            assertThat(page.locator("#editor-status")).hasText("已发布 · 第 1 版");
            screenshot(page, "72-admin-editor-phone-zh");
            page.locator("#editor-preview").click();
            assertThat(page.locator("#preview-checklist")).containsText("须与身份证逐字一致");
            tall(page, "73-admin-preview-phone-zh");
        }
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "en-US")) {
            List<String> console = watchConsole(ctx);
            Page page = signedIn(ctx);
            page.navigate(url("/admin/campaigns"));
            fill(page, "campaign-new-name", "Graduate freshmen 2025");
            fill(page, "campaign-new-cohort", "2025");
            choose(page, "campaign-new-template", "Built-in template (English)");
            page.locator("#campaign-new-create").click();
            page.waitForURL(Pattern.compile(".*/admin/campaigns/\\d+$"));
            assertThat(page.locator("#notice-title textarea")).hasValue(Pattern.compile("^Notice on the 2025 freshmen.*"));
            page.locator("#notice-body textarea").fill(""); // then straight to another tab: leaving the field sends it
            page.locator("#editor-tab-offices").click();
            fill(page, "office-1-phones", "12345");
            page.locator("#editor-publish").click();
            assertThat(page.locator("#editor-reasons")).containsText("Office 2: ");
            assertThat(page.locator("#office-1-phones")).hasAttribute("invalid", "");
            screenshot(page, "74-admin-editor-save-refused-desktop-en");
            fill(page, "office-1-phones", "010-67410388");
            page.locator("#editor-tab-audience").click();
            page.locator("#audience-levels vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("本科")).click();
            page.locator("#editor-publish").click();
            assertThat(page.locator("#editor-reasons")).containsText("Write the notice before publishing");
            assertThat(page.locator("#editor-reasons")).containsText("cohort and level");
            screenshot(page, "75-admin-editor-publish-refused-desktop-en");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            Page page = signedIn(ctx);
            page.navigate(url("/admin/campaigns"));
            page.locator("#campaign-grid a:visible").filter(new Locator.FilterOptions().setHasText("2025级本科新生学籍自查")).click();
            page.waitForURL(Pattern.compile(".*/admin/campaigns/\\d+$"));
            page.locator("#editor-tab-checklist").click();
            assertThat(page.locator("#checklist-0")).containsText("1. Name");
            screenshot(page, "76-admin-editor-checklist-phone-en");
        }
    }

    @Test
    @Order(4)
    void the_registrar_changes_the_portal_colour_welcome_text_and_logo_with_a_live_preview() throws IOException {
        try (BrowserContext ctx = UiTestSupport.desktop(browser, "zh-CN")) {
            List<String> console = watchConsole(ctx);
            Page page = signedIn(ctx);
            page.navigate(url("/admin/branding"));
            assertThat(page.locator("#branding-preview-name")).hasText(tenant.nameZh());
            Locator color = page.locator("#branding-color input[slot=input]");
            color.fill("#8a1538");
            assertThat(page.locator("#branding-preview-bar")).hasCSS("background-color", "rgb(138, 21, 56)");
            page.locator("#branding-welcome-zh textarea").fill("欢迎 2025 级新同学！请在 11 月 30 日前完成学籍信息核对。");
            assertThat(page.locator("#branding-preview-welcome")).hasText("欢迎 2025 级新同学！请在 11 月 30 日前完成学籍信息核对。");
            page.locator("#branding-welcome-en textarea").fill("Welcome, freshmen of 2025! Please check your record by 30 November.");

            Path notAnImage = dir.resolve("logo.png");
            Files.writeString(notAnImage, "<svg xmlns='http://www.w3.org/2000/svg'/>");
            upload(page, "branding-logo-upload", notAnImage);
            assertThat(page.locator("#branding-logo-message")).hasText("标志须为 PNG 或 JPEG 图片");
            upload(page, "branding-logo-upload", logo());
            assertThat(page.locator("#branding-logo-message")).hasText("标志已更新。");
            assertThat(page.locator("#branding-preview-logo")).isVisible();
            screenshot(page, "77-admin-branding-desktop-zh");
            page.locator("#branding-save").click();
            assertThat(page.locator("#branding-message")).hasText("已保存，门户已更新。");

            page.navigate(url("/"));
            assertThat(page.locator("#portal-welcome")).hasText("欢迎 2025 级新同学！请在 11 月 30 日前完成学籍信息核对。");
            assertThat(page.locator("header.rc-header")).hasCSS("background-color", "rgb(138, 21, 56)");
            screenshot(page, "78-portal-after-branding-desktop-zh");
            assertEquals(List.of(), console);
        }
        try (BrowserContext ctx = UiTestSupport.phone(browser, "en-US")) {
            Page page = signedIn(ctx);
            page.navigate(url("/admin/branding"));
            assertThat(page.locator("#branding-preview-welcome")).hasText("Welcome, freshmen of 2025! Please check your record by 30 November.");
            page.locator("#branding-color input[slot=input]").fill("#zzz");
            page.locator("#branding-save").click();
            assertThat(page.locator("#branding-color")).containsText("#rrggbb");
            screenshot(page, "79-admin-branding-phone-en");
        }
    }

    /** A screenshot of a dialog with all its content: the window is made as tall as the dialog's page. */
    private static void tall(Page page, String name) {
        var size = page.viewportSize();
        int height = ((Number) page.evaluate("() => document.querySelector('#preview').scrollHeight")).intValue() + 200;
        page.setViewportSize(size.width, Math.max(size.height, height));
        page.waitForTimeout(300);
        screenshot(page, name);
        page.setViewportSize(size.width, size.height);
    }

    /** Opens the select {@code id} and picks the option labelled {@code label}. */
    private static void choose(Page page, String id, String label) {
        page.locator("#" + id).click();
        // an open overlay is moved to the end of the page
        page.locator("vaadin-select-overlay[opened] vaadin-select-item[label='" + label + "']").click();
    }

    private static void upload(Page page, String id, Path file) {
        page.locator("#" + id + " input[type=file]").setInputFiles(file);
    }

    private static void picker(Page page, String id, LocalDate date) {
        Locator input = page.locator("#" + id + " input");
        input.fill(date.toString());
        input.press("Enter");
    }

    private static String studentNo(int i) {
        return "2025" + String.format("%06d", i);
    }

    /** A well-formed roster row of student {@code i} in class {@code className}. */
    private static List<String> row(int i, String className) {
        LocalDate birth = LocalDate.of(2006, 1, 1).plusDays(i / 1000);
        String id = IdNumbers.make("320102", birth, i % 1000);
        return new ArrayList<>(List.of("25320102" + String.format("%06d", i), "学生" + i, studentNo(i),
                IdNumbers.sex(id).equals("M") ? "男" : "女", birth.toString(), "居民身份证", id, "汉族", "江苏省南京市",
                "演示大学", "计算机科学与技术", "4", "本科", "2025", "普通全日制", "普通", "计算机学院", "计算机系", className,
                "2025-09-01", "2029-06-30", "139" + String.format("%08d", i)));
    }

    private static Path csv(String name, List<String> headers, List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", headers)).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join(",", r)).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static Path logo() throws IOException {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(0x8a1538));
        g.fillOval(8, 8, 80, 80);
        g.setColor(Color.WHITE);
        g.fillRect(40, 24, 16, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        Path f = dir.resolve("校徽.png");
        Files.write(f, out.toByteArray());
        return f;
    }
}
