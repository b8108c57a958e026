package io.rollcheck.tenantadmin.signoff;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.tenantadmin.selfcheck.EvidenceFiles;
import io.rollcheck.tenantadmin.selfcheck.Progress;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-off chain after the students: class monitor, college, registrar; sheet PDF and XLSX list. */
class SignOffChainIT {

    static TestApp app;
    static final String PW = OrgFixture.PASSWORD;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final List<String> FIELDS = List.of("name", "sex", "idNumber", "phone", "major");

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    record World(Tenant t, OrgFixture org, long campaignId) {
        String host() {
            return org.host();
        }
    }

    static World aWorld(int perClass, CampaignContent content) {
        Tenant t = app.aTenant();
        OrgFixture org = new OrgFixture(app, t, "C" + t.id(), perClass);
        long id = CampaignFixture.publish(app, t, "2025级本科新生学籍核对", content);
        return new World(t, org, id);
    }

    static void checkAndSign(World w, long studentId) {
        SelfCheck check = app.bean(SelfCheck.class);
        for (String f : FIELDS) {
            if (app.bean(SelfCheck.class).state(w.t().context(), studentId).fields().stream()
                    .noneMatch(x -> x.field().equals(f) && x.answer() != null)) {
                check.answer(w.t().context(), "s" + studentId, studentId, f, new SelfCheck.Answer("MATCH", null, null, null), "10.0.0.1");
            }
        }
        app.bean(Signatures.class).sign(w.t().context(), w.t().slug(), "s" + studentId, studentId, "PASSWORD", null, "10.0.0.1", "test");
    }

    static long report(World w, long studentId, String field, String shown, String correct) throws Exception {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        return app.bean(ErrorReports.class).submit(w.t().context(), "s" + studentId, studentId,
                new ErrorReports.Input("FIELD", field, shown, correct, "录取时登记错误"),
                List.of(EvidenceFiles.clean("证明.png", png.toByteArray())), "10.0.0.1").id();
    }

    JsonNode json(HttpResponse<String> r) throws Exception {
        return app.bean(ObjectMapper.class).readValue(r.body(), JsonNode.class);
    }

    long sql(World w, String q) {
        return app.bean(Db.class).tenant(w.t().context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(q); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void the_review_queue_without_a_college_names_collegeId_to_college_staff_and_lists_every_college_to_the_registrar()
            throws Exception {
        World w = aWorld(2, CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        report(w, w.org().studentsK1.get(0), "major", "计算机", "计算机科学与技术");
        report(w, w.org().studentsK3.get(0), "major", "英语", "商务英语");
        String staff = app.login(w.host(), "staff1", PW);
        HttpResponse<String> missing = app.get(w.host(), "/api/admin/error-reports", staff);
        assertEquals(422, missing.statusCode(), missing.body());
        JsonNode problem = json(missing);
        assertEquals("collegeId", problem.get("errors").get(0).get("field").getStringValue(), missing.body());
        assertEquals("review.collegeId.required", problem.get("errors").get(0).get("code").getStringValue());
        assertEquals("请指定学院（查询参数 collegeId）", problem.get("errors").get(0).get("message").getStringValue());
        assertTrue(missing.body().contains("collegeId") && !missing.body().contains("review.decision"), missing.body());
        assertEquals(1, json(app.get(w.host(), "/api/admin/error-reports?collegeId=" + w.org().college1, staff)).size());
        assertEquals(404, app.get(w.host(), "/api/admin/error-reports?collegeId=" + w.org().college2, staff).statusCode());
        String admin = app.login(w.host(), "admin", PW);
        assertEquals(2, json(app.get(w.host(), "/api/admin/error-reports", admin)).size(), "the registrar: all colleges");
        assertEquals(1, json(app.get(w.host(), "/api/admin/error-reports?collegeId=" + w.org().college2, admin)).size());
    }

    @Test
    void students_sign_the_monitor_signs_the_class_the_college_signs_and_the_registrar_resolves_to_100_percent() throws Exception {
        World w = aWorld(3, CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        long k1 = w.org().k1;
        long reporter = w.org().studentsK1.get(1);
        long reportId = report(w, reporter, "major", "计算机", "计算机科学与技术");
        for (long s : w.org().studentsK1) {
            checkAndSign(w, s);
        }
        // a report in the other college and a formula-looking value in this one
        report(w, w.org().studentsK3.get(0), "major", "英语", "商务英语");
        report(w, w.org().studentsK2.get(0), "name", "=HYPERLINK(\"http://x\")", "+1-2@");

        String monitor = app.login(w.host(), "monitor1", PW);
        JsonNode roll = json(app.get(w.host(), "/api/classes/" + k1 + "/roll", monitor));
        assertEquals(3, roll.get("rows").size());
        for (int i = 0; i < 3; i++) {
            assertEquals("SIGNED", roll.get("rows").get(i).get("result").getStringValue());
        }
        assertEquals(1, roll.get("errors").size());
        // scope: the monitor sees his class only, college staff their college only
        assertEquals(404, app.get(w.host(), "/api/classes/" + w.org().k2 + "/roll", monitor).statusCode());
        String staff = app.login(w.host(), "staff1", PW);
        assertEquals(200, app.get(w.host(), "/api/classes/" + w.org().k2 + "/roll", staff).statusCode());
        assertEquals(404, app.get(w.host(), "/api/classes/" + w.org().k3 + "/roll", staff).statusCode());
        assertEquals(404, app.getBytes(w.host(), "/api/classes/" + w.org().k3 + "/sheet.pdf", staff, "application/pdf").statusCode());

        // the sheet: 序号, 签名, 信息错误反馈统计, every name in order, the error row
        HttpResponse<byte[]> pdf = app.getBytes(w.host(), "/api/classes/" + k1 + "/sheet.pdf", monitor, "application/pdf");
        assertEquals(200, pdf.statusCode());
        Files.createDirectories(Path.of("target", "artefacts"));
        Files.write(Path.of("target", "artefacts", "class-sheet.pdf"), pdf.body());
        String text = pdfText(pdf.body());
        for (String s : List.of("序号", "签名", "信息错误反馈统计", "计算机科学与技术", "汇总人")) {
            assertTrue(text.contains(s), s + " in " + text);
        }
        List<String> names = new ArrayList<>();
        for (long s : w.org().studentsK1) {
            names.add(app.bean(Students.class).read(w.t().context(), s, false).orElseThrow().name());
        }
        int last = -1;
        for (String n : names) {
            int at = text.indexOf(n + " ") >= 0 ? text.indexOf(n + " ") : text.indexOf(n);
            assertTrue(at > last, "names in 学号 order: " + names + " in " + text);
            last = at;
        }

        // the 汇总人 signs (password again); the college cannot sign before its other class is signed off
        assertEquals(422, app.post(w.host(), "/api/classes/" + k1 + "/signoff", "{\"password\":\"wrong-pw-1\"}", monitor).statusCode());
        HttpResponse<String> so = app.post(w.host(), "/api/classes/" + k1 + "/signoff", "{\"password\":\"" + PW + "\"}", monitor);
        assertEquals(200, so.statusCode(), so.body());
        String code = json(so).get("receiptCode").getStringValue();
        assertEquals(code, json(app.post(w.host(), "/api/classes/" + k1 + "/signoff", "{\"password\":\"" + PW + "\"}", monitor))
                .get("receiptCode").getStringValue(), "idempotent");
        assertTrue(pdfText(app.getBytes(w.host(), "/api/classes/" + k1 + "/sheet.pdf", monitor, "application/pdf").body()).contains(code));
        HttpResponse<String> early = app.post(w.host(), "/api/admin/colleges/" + w.org().college1 + "/signoff", "{\"password\":\"" + PW + "\"}", staff);
        assertEquals(409, early.statusCode(), early.body());

        // K2: nobody signed; the registrar signs it off only with a reason for each student
        String admin = app.login(w.host(), "admin", PW);
        HttpResponse<String> refused = app.post(w.host(), "/api/classes/" + w.org().k2 + "/signoff", "{\"password\":\"" + PW + "\"}", admin);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("signoff.unsignedStudents"));
        String exceptions = w.org().studentsK2.stream().map(s -> "{\"studentId\":" + s + ",\"reason\":\"休学\"}").collect(Collectors.joining(","));
        HttpResponse<String> withReasons = app.post(w.host(), "/api/classes/" + w.org().k2 + "/signoff",
                "{\"password\":\"" + PW + "\",\"exceptions\":[" + exceptions + "]}", admin);
        assertEquals(200, withReasons.statusCode(), withReasons.body());
        assertEquals(3, json(withReasons).get("exceptions").getIntValue());

        // the college's list: exactly its open reports, formulas neutralised
        HttpResponse<byte[]> xlsx = app.getBytes(w.host(), "/api/admin/colleges/" + w.org().college1 + "/reports.xlsx", staff, "*/*");
        assertEquals(200, xlsx.statusCode());
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            try (var stream = wb.getFirstSheet().openStream()) {
                stream.forEach((Row r) -> {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(r.getCellText(i));
                    }
                    rows.add(cells);
                });
            }
        }
        assertEquals(List.of("学号", "姓名", "班级", "字段", "学信网显示", "正确内容", "原因", "证明材料", "状态"), rows.get(0));
        assertEquals(3, rows.size(), "header + the two open reports of college 1: " + rows);
        assertTrue(rows.stream().noneMatch(r -> r.contains("商务英语")), "no report of another college");
        List<String> formula = rows.stream().filter(r -> r.get(3).equals("姓名")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(\"http://x\")", formula.get(4));
        assertEquals("'+1-2@", formula.get(5));
        assertEquals(404, app.getBytes(w.host(), "/api/admin/colleges/" + w.org().college2 + "/reports.xlsx", staff, "*/*").statusCode());

        // college staff forward, cannot resolve; the college signs now; the registrar resolves with the correction
        assertEquals(404, app.post(w.host(), "/api/admin/error-reports/" + reportId + "/review", "{\"decision\":\"RESOLVED\"}", staff).statusCode());
        assertEquals(204, app.post(w.host(), "/api/admin/error-reports/" + reportId + "/review", "{\"decision\":\"FORWARDED\"}", staff).statusCode());
        assertEquals(200, app.post(w.host(), "/api/admin/colleges/" + w.org().college1 + "/signoff", "{\"password\":\"" + PW + "\"}", staff).statusCode());
        assertEquals(404, app.post(w.host(), "/api/admin/colleges/" + w.org().college2 + "/signoff", "{\"password\":\"" + PW + "\"}", staff).statusCode());
        assertEquals(204, app.post(w.host(), "/api/admin/error-reports/" + reportId + "/review",
                "{\"decision\":\"RESOLVED\",\"comment\":\"已在学信网更正\",\"applyCorrection\":true}", admin).statusCode());
        assertEquals(1, sql(w, "SELECT count(*) FROM audit_log WHERE action = 'record.corrected' AND detail LIKE '%by=registrar report=" + reportId + "%'"));
        assertEquals(1, sql(w, "SELECT count(*) FROM students WHERE id = " + reporter + " AND major = '计算机科学与技术'"));

        JsonNode progress = json(app.get(w.host(), "/api/admin/campaigns/" + w.campaignId() + "/progress", admin));
        JsonNode k1Unit = null;
        for (int i = 0; i < progress.get("classes").size(); i++) {
            if (progress.get("classes").get(i).get("id").getLongValue() == k1) {
                k1Unit = progress.get("classes").get(i);
            }
        }
        assertEquals(100.0, k1Unit.get("rate").getDoubleValue());
        assertEquals(0, k1Unit.get("reportsOpen").getIntValue());
        assertEquals(9, progress.get("total").get("students").getIntValue());
        assertEquals(3, progress.get("total").get("signed").getIntValue());
        assertEquals(3, progress.get("trend").get(0).get("cumulative").getIntValue());
        assertEquals(403, app.get(w.host(), "/api/admin/campaigns/" + w.campaignId() + "/progress", staff).statusCode());
        // export everything, then close: students are done, the archive stays
        HttpResponse<byte[]> all = app.getBytes(w.host(), "/api/admin/campaigns/" + w.campaignId() + "/export.xlsx", admin, "*/*");
        assertEquals(200, all.statusCode());
        List<String> sheets = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(all.body()))) {
            wb.getSheets().forEach(sh -> sheets.add(sh.getName()));
            assertEquals(10, wb.getSheets().toList().get(1).read().size(), "header + 9 students");
        }
        assertEquals(List.of("完成情况", "学生核对情况", "有误学生名单"), sheets);
        assertEquals(1, sql(w, "SELECT count(*) FROM audit_log WHERE action = 'export.campaign'"));
        String student = app.login(w.host(), "student2", PW);
        assertEquals(200, app.get(w.host(), "/api/me/campaign", student).statusCode());
        assertEquals(204, app.post(w.host(), "/api/admin/campaigns/" + w.campaignId() + "/close", null, admin).statusCode());
        assertEquals(404, app.get(w.host(), "/api/me/campaign", student).statusCode());
        HttpResponse<byte[]> archived = app.getBytes(w.host(), "/api/admin/campaigns/" + w.campaignId() + "/archive.xlsx", admin, "*/*");
        assertEquals(200, archived.statusCode());
        assertTrue(archived.body().length > 1000);
        assertEquals(403, app.getBytes(w.host(), "/api/admin/campaigns/" + w.campaignId() + "/archive.xlsx", staff, "*/*").statusCode());
        // the counters equal a full count
        assertEquals(sql(w, "SELECT count(*) FROM student_signatures"), sql(w, "SELECT sum(signed) FROM class_progress"));
        assertEquals(sql(w, "SELECT count(*) FROM error_reports WHERE status IN ('OPEN','FORWARDED','RETURNED')"),
                sql(w, "SELECT sum(reports_open) FROM class_progress"));
    }

    @Test
    void a_level_switched_off_is_skipped_and_a_late_sheet_is_refused_or_marked_late() {
        CampaignContent base = CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE);
        CampaignContent noClass = withWorkflow(base, List.of(
                new CampaignContent.WorkflowStep(CampaignContent.SignLevel.CLASS_MONITOR, false, null),
                new CampaignContent.WorkflowStep(CampaignContent.SignLevel.COLLEGE, true, TODAY.plusDays(20))));
        World w = aWorld(2, noClass);
        for (long s : w.org().studentsK1) {
            checkAndSign(w, s);
        }
        String monitor = app.login(w.host(), "monitor1", PW);
        HttpResponse<String> off = app.post(w.host(), "/api/classes/" + w.org().k1 + "/signoff", "{\"password\":\"" + PW + "\"}", monitor);
        assertEquals(409, off.statusCode());
        assertTrue(off.body().contains("signoff.levelDisabled"));
        String staff = app.login(w.host(), "staff1", PW);
        assertEquals(200, app.post(w.host(), "/api/admin/colleges/" + w.org().college1 + "/signoff", "{\"password\":\"" + PW + "\"}", staff).statusCode(),
                "no class sign-off needed when that level is off");

        CampaignContent pastClass = withWorkflow(base, List.of(
                new CampaignContent.WorkflowStep(CampaignContent.SignLevel.CLASS_MONITOR, true, TODAY.minusDays(1))));
        World late = aWorld(2, pastClass);
        for (long s : late.org().studentsK1) {
            checkAndSign(late, s);
        }
        String m2 = app.login(late.host(), "monitor1", PW);
        HttpResponse<String> refused = app.post(late.host(), "/api/classes/" + late.org().k1 + "/signoff", "{\"password\":\"" + PW + "\"}", m2);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("signoff.deadlinePassed"));

        CampaignContent lateOk = new CampaignContent(pastClass.notice(), pastClass.checklist(), pastClass.offices(),
                new CampaignContent.Deadlines(TODAY.minusDays(1), TODAY.plusDays(10), TODAY.minusDays(1), TODAY.plusDays(12),
                        TODAY.plusDays(30), "Asia/Shanghai", CampaignContent.LatePolicy.ACCEPT_MARKED_LATE),
                pastClass.audience(), pastClass.workflow(), pastClass.guide(), pastClass.faq());
        World marked = aWorld(2, lateOk);
        for (long s : marked.org().studentsK1) {
            checkAndSign(marked, s);
        }
        String m3 = app.login(marked.host(), "monitor1", PW);
        HttpResponse<String> ok = app.post(marked.host(), "/api/classes/" + marked.org().k1 + "/signoff", "{\"password\":\"" + PW + "\"}", m3);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("\"late\":true"));
    }

    @Test
    void the_counters_stay_equal_to_a_full_count_under_concurrent_signing_and_a_rebuild() throws Exception {
        World w = aWorld(20, CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
        List<Long> all = new ArrayList<>();
        all.addAll(w.org().studentsK1);
        all.addAll(w.org().studentsK2);
        all.addAll(w.org().studentsK3);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            long s = all.get(i);
            fs.add(pool.submit(() -> checkAndSign(w, s)));
            if (i == all.size() / 2) {
                fs.add(pool.submit(() -> app.bean(Db.class).tenant(w.t().context(), c -> {
                    app.bean(Progress.class).rebuild(c, app.bean(io.rollcheck.tenantadmin.campaign.PublishedCampaigns.class)
                            .open(w.t().context(), w.campaignId()).orElseThrow());
                    return null;
                })));
            }
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        assertEquals(60, sql(w, "SELECT count(*) FROM student_signatures"));
        assertEquals(60, sql(w, "SELECT sum(signed) FROM class_progress"));
        assertEquals(60, sql(w, "SELECT sum(started) FROM class_progress"));
        assertEquals(60, sql(w, "SELECT sum(signed) FROM progress_daily"));
        for (long k : List.of(w.org().k1, w.org().k2, w.org().k3)) {
            assertEquals(20, sql(w, "SELECT signed FROM class_progress WHERE class_id = " + k));
        }
    }

    static CampaignContent withWorkflow(CampaignContent c, List<CampaignContent.WorkflowStep> steps) {
        return new CampaignContent(c.notice(), c.checklist(), c.offices(), c.deadlines(), c.audience(), steps, c.guide(), c.faq());
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path f = Files.createTempFile("sheet", ".pdf");
        try {
            Files.write(f, pdf);
            Process p = new ProcessBuilder("pdftotext", "-layout", "-enc", "UTF-8", f.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertFalse(out.isBlank());
            return out;
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
