package io.rollcheck.tenantadmin.selfcheck;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The student's self-check through {@code /api/me}: every rule of the issue, on real services. */
class SelfCheckApiIT {

    static TestApp app;
    static final String PW = OrgFixture.PASSWORD;
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A tenant with the org fixture and one open campaign; students sign in with the fixture password. */
    record World(Tenant t, OrgFixture org, long campaignId) {
        String host() {
            return org.host();
        }
    }

    static World aWorld(int deadlineInDays, CampaignContent.LatePolicy late) {
        Tenant t = app.aTenant();
        OrgFixture org = new OrgFixture(app, t, "S" + t.id(), 3);
        long id = CampaignFixture.publish(app, t, "2025级本科新生学籍核对", CampaignFixture.aCampaign(TODAY, deadlineInDays, late));
        return new World(t, org, id);
    }

    JsonNode json(HttpResponse<String> r) {
        try {
            return app.bean(ObjectMapper.class).readValue(r.body(), JsonNode.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> put(World w, String token, String field, String body) {
        return app.call("PUT", w.host(), "/api/me/checks/" + field, body, token);
    }

    HttpResponse<String> report(World w, String token, Map<String, String> fields, Map<String, Object[]> files) {
        return app.multipart(w.host(), "/api/me/error-reports", fields, files, token);
    }

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.createGraphics().fillRect(2, 2, w / 2, h / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF block holding a GPS position inserted right after the SOI marker. */
    static byte[] jpegWithGps() throws IOException {
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        img.createGraphics().fillRect(5, 5, 30, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        byte[] jpg = out.toByteArray();
        byte[] payload = "Exif\0\0MM\0*\0\0\0\bGPSLatitude=39.9042N;GPSLongitude=116.4074E".getBytes(StandardCharsets.ISO_8859_1);
        int len = payload.length + 2;
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        w.write(jpg, 0, 2);
        w.write(0xFF);
        w.write(0xE1);
        w.write(len >> 8);
        w.write(len & 0xff);
        w.write(payload);
        w.write(jpg, 2, jpg.length - 2);
        return w.toByteArray();
    }

    static boolean contains(byte[] hay, String needle) {
        return new String(hay, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void a_student_checks_every_field_under_each_policy_signs_and_gets_a_verifiable_receipt() throws Exception {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);

        JsonNode s = json(app.get(w.host(), "/api/me/campaign", tok));
        assertEquals("NOT_STARTED", s.get("status").getStringValue());
        assertEquals("CHECK_FIELDS", s.get("nextStep").getStringValue());
        assertEquals(5, s.get("fields").size());
        assertEquals("教务〔2025〕12号", s.get("notice").get("docNo").getStringValue());
        String shownId = s.get("fields").get(2).get("value").getStringValue();
        assertTrue(shownId.contains("*"), "the ID number is masked: " + shownId);

        // sex: matches
        assertEquals(200, put(w, tok, "sex", "{\"answer\":\"MATCH\"}").statusCode());
        assertEquals("CHECKING", json(app.get(w.host(), "/api/me/campaign", tok)).get("status").getStringValue());

        // phone (DIRECT): a bad value is refused and names the field; a good one is applied and audited
        HttpResponse<String> bad = put(w, tok, "phone", "{\"answer\":\"MISMATCH\",\"correct\":\"12345\"}");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("\"correct\"") && bad.body().contains("手机号格式不正确"), bad.body());
        assertEquals(200, put(w, tok, "phone", "{\"answer\":\"MISMATCH\",\"correct\":\"13700001111\"}").statusCode());
        long studentId = w.org().studentsK1.get(1);
        assertEquals("13700001111", app.bean(Students.class).read(w.t().context(), studentId, true).orElseThrow().phone());
        assertEquals(1, count(w, "SELECT count(*) FROM audit_log WHERE action = 'record.corrected' AND detail LIKE 'field=phone%'"));
        assertEquals(0, count(w, "SELECT count(*) FROM audit_log WHERE detail LIKE '%13700001111%'"), "no clear phone in the log");

        // name (ONLINE_REVIEW): a mismatch needs the report with evidence
        assertEquals(422, put(w, tok, "name", "{\"answer\":\"MISMATCH\"}").statusCode());
        HttpResponse<String> noFile = report(w, tok, Map.of("field", "name", "shown", "学生2", "correct", "学生贰"), Map.of());
        assertEquals(422, noFile.statusCode(), noFile.body());
        HttpResponse<String> rep = report(w, tok, Map.of("field", "name", "shown", "学生2", "correct", "学生贰", "reason", "学信网姓名有误"),
                Map.of("file", new Object[]{"户口本.png", png(120, 80)}));
        assertEquals(201, rep.statusCode(), rep.body());
        long reportId = json(rep).get("id").getLongValue();
        assertEquals("OPEN", json(rep).get("status").getStringValue());
        // a retry of the same report updates it and does not store the file twice
        HttpResponse<String> again = report(w, tok, Map.of("field", "name", "shown", "学生2", "correct", "学生贰", "reason", "学信网姓名有误"),
                Map.of("file", new Object[]{"户口本.png", png(120, 80)}));
        assertEquals(reportId, json(again).get("id").getLongValue());
        assertEquals(1, json(again).get("evidence").size());

        // idNumber (PAPER_EVIDENCE): a paper report with the office's instructions in the state
        assertEquals(200, put(w, tok, "idNumber", "{\"answer\":\"MISMATCH\",\"reason\":\"末位应为X\"}").statusCode());

        // signing before the last field is answered is refused
        HttpResponse<String> early = app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok);
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(early.body().contains("signature.incomplete"));

        assertEquals(200, put(w, tok, "major", "{\"answer\":\"MATCH\"}").statusCode());
        s = json(app.get(w.host(), "/api/me/campaign", tok));
        assertEquals("REPORTED", s.get("status").getStringValue());
        assertEquals("SIGN", s.get("nextStep").getStringValue());
        assertEquals(5, s.get("answered").getIntValue());

        // what is signed: the record as checked (masked on screen), the open reports, the notice version
        JsonNode preview = json(app.get(w.host(), "/api/me/signature", tok));
        String sha = preview.get("contentSha256").getStringValue();
        assertEquals(2, preview.get("masked").get("reports").size());
        assertTrue(preview.get("masked").get("fields").get(2).get("value").getStringValue().contains("*"));

        HttpResponse<String> wrong = app.post(w.host(), "/api/me/signature", "{\"password\":\"nope-nope-1\",\"contentSha256\":\"" + sha + "\"}", tok);
        assertEquals(422, wrong.statusCode());
        assertEquals(0, count(w, "SELECT count(*) FROM student_signatures"));
        HttpResponse<String> stale = app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\",\"contentSha256\":\"" + "0".repeat(64) + "\"}", tok);
        assertEquals(409, stale.statusCode());

        HttpResponse<String> signed = app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\",\"contentSha256\":\"" + sha + "\"}", tok);
        assertEquals(200, signed.statusCode(), signed.body());
        String code = json(signed).get("code").getStringValue();
        assertEquals(sha, json(signed).get("contentSha256").getStringValue());
        assertEquals("PASSWORD", json(signed).get("method").getStringValue());
        // the same submission again: the same receipt, one row
        HttpResponse<String> twice = app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok);
        assertEquals(code, json(twice).get("code").getStringValue());
        assertEquals(1, count(w, "SELECT count(*) FROM student_signatures"));
        // chained into the audit log, which still verifies
        assertEquals(1, count(w, "SELECT count(*) FROM audit_log WHERE action = 'signature.signed' AND detail LIKE '%sha256=" + sha + "%'"));
        assertTrue(app.bean(io.rollcheck.platform.audit.AuditLog.class).verifyTenant(w.t().context()).firstBroken().isEmpty());

        s = json(app.get(w.host(), "/api/me/campaign", tok));
        assertEquals("SIGNED", s.get("status").getStringValue());
        assertEquals(409, put(w, tok, "sex", "{\"answer\":\"MISMATCH\",\"correct\":\"女\"}").statusCode(), "no change after signing");

        // the receipt PDF carries the university, the masked name and the code
        HttpResponse<byte[]> pdf = app.getBytes(w.host(), "/api/me/receipt", tok, "application/pdf");
        assertEquals(200, pdf.statusCode());
        Files.createDirectories(Path.of("target", "artefacts"));
        Files.write(Path.of("target", "artefacts", "receipt.pdf"), pdf.body());
        String text = pdfText(pdf.body());
        assertTrue(text.contains(w.t().nameZh()), text);
        assertTrue(text.contains("学**"), text);
        assertTrue(text.contains(code), text);
        assertTrue(text.contains(w.t().slug() + ".localhost:8080/verify/" + code), "the verification address copies as text: " + text);
        assertFalse(text.contains("学生2"), "the full name is not on the receipt");

        // the public verification page of the same university confirms it; another university's host does not
        HttpResponse<String> v = app.get(w.host(), "/api/verify/" + code, null);
        assertEquals(200, v.statusCode());
        assertEquals("学**", json(v).get("maskedName").getStringValue());
        assertFalse(v.body().contains("idNumber") || v.body().contains("studentNo"), v.body());
        Tenant other = app.aTenant();
        assertEquals(404, app.get(other.slug() + ".localhost", "/api/verify/" + code, null).statusCode());
        assertEquals(404, app.get(w.host(), "/api/verify/AAAA-BBBB-CCCC", null).statusCode());
    }

    @Test
    void the_reviewer_decision_reaches_the_student_with_a_message() throws Exception {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        long id = json(report(w, tok, Map.of("field", "major", "shown", "计算机", "correct", "计算机科学与技术"),
                Map.of("file", new Object[]{"通知书.png", png(50, 50)}))).get("id").getLongValue();
        assertEquals(0, json(app.get(w.host(), "/api/me/campaign", tok)).get("unreadMessages").getIntValue());
        app.bean(ErrorReports.class).review(w.t().context(), "admin", id, ErrorReports.Decision.RETURNED, "请上传清晰的录取通知书", "127.0.0.1");
        JsonNode s = json(app.get(w.host(), "/api/me/campaign", tok));
        assertEquals(1, s.get("unreadMessages").getIntValue());
        assertEquals("RETURNED", s.get("reports").get(0).get("status").getStringValue());
        assertEquals("请上传清晰的录取通知书", s.get("reports").get(0).get("reviewerComment").getStringValue());
        JsonNode msgs = json(app.get(w.host(), "/api/me/messages", tok));
        assertEquals("RETURNED", msgs.get(0).get("status").getStringValue());
        assertEquals(0, json(app.get(w.host(), "/api/me/campaign", tok)).get("unreadMessages").getIntValue());
        // a resubmission reopens the same report
        HttpResponse<String> re = report(w, tok, Map.of("field", "major", "shown", "计算机", "correct", "计算机科学与技术"),
                Map.of("file", new Object[]{"通知书2.png", png(60, 60)}));
        assertEquals(id, json(re).get("id").getLongValue());
        assertEquals("OPEN", json(re).get("status").getStringValue());
    }

    @Test
    void after_the_deadline_changes_and_signing_are_refused_unless_the_late_policy_accepts_them() {
        World closed = aWorld(-1, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(closed.host(), "student2", PW);
        assertEquals("CLOSED", json(app.get(closed.host(), "/api/me/campaign", tok)).get("phase").getStringValue());
        HttpResponse<String> r = put(closed, tok, "sex", "{\"answer\":\"MATCH\"}");
        assertEquals(409, r.statusCode());
        assertTrue(r.body().contains("campaign.deadlinePassed"));
        HttpResponse<String> sign = app.post(closed.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok);
        assertEquals(409, sign.statusCode());
        assertEquals(0, count(closed, "SELECT count(*) FROM field_checks") + count(closed, "SELECT count(*) FROM student_signatures"));

        World late = aWorld(-1, CampaignContent.LatePolicy.ACCEPT_MARKED_LATE);
        String t2 = app.login(late.host(), "student2", PW);
        for (String f : List.of("name", "sex", "idNumber", "phone", "major")) {
            assertEquals(200, put(late, t2, f, "{\"answer\":\"MATCH\"}").statusCode());
        }
        HttpResponse<String> lateSign = app.post(late.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", t2);
        assertEquals(200, lateSign.statusCode(), lateSign.body());
        assertTrue(json(lateSign).get("late").getBooleanValue());
        assertEquals(5, count(late, "SELECT count(*) FROM field_checks WHERE late"));
    }

    @Test
    void two_concurrent_identical_signatures_make_exactly_one_row() throws Exception {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        for (String f : List.of("name", "sex", "idNumber", "phone", "major")) {
            put(w, tok, f, "{\"answer\":\"MATCH\"}");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<HttpResponse<String>> c = () -> {
                go.await();
                return app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok);
            };
            results.add(pool.submit(c));
        }
        go.countDown();
        String a = json(results.get(0).get()).get("code").getStringValue();
        String b = json(results.get(1).get()).get("code").getStringValue();
        pool.shutdown();
        assertEquals(a, b);
        assertEquals(1, count(w, "SELECT count(*) FROM student_signatures"));
        assertEquals(1, count(w, "SELECT count(*) FROM audit_log WHERE action = 'signature.signed'"));
    }

    @Test
    void a_new_notice_version_after_signing_asks_the_student_to_reconfirm() {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        for (String f : List.of("name", "sex", "idNumber", "phone", "major")) {
            put(w, tok, f, "{\"answer\":\"MATCH\"}");
        }
        String first = json(app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok)).get("code").getStringValue();
        CampaignFixture.newVersion(app, w.t(), w.campaignId(), CampaignFixture.aCampaign(TODAY, 12, CampaignContent.LatePolicy.REFUSE));
        JsonNode s = json(app.get(w.host(), "/api/me/campaign", tok));
        assertEquals("RECONFIRM", s.get("status").getStringValue());
        assertEquals(2, s.get("version").getIntValue());
        assertFalse(s.get("signature").get("current").getBooleanValue());
        HttpResponse<String> again = app.post(w.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tok);
        assertNotEquals(first, json(again).get("code").getStringValue());
        assertEquals(2, json(again).get("version").getIntValue());
        assertEquals(2, count(w, "SELECT count(*) FROM student_signatures"));
    }

    @Test
    void evidence_is_checked_by_content_capped_and_stripped_of_its_metadata_and_sealed() throws Exception {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        Map<String, String> f = Map.of("field", "name", "shown", "学生2", "correct", "学生贰");
        HttpResponse<String> php = report(w, tok, f, Map.of("file", new Object[]{"photo.jpg",
                "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8)}));
        assertEquals(422, php.statusCode());
        assertTrue(php.body().contains("evidence.type"), php.body());
        byte[] big = new byte[50 * 1024 * 1024];
        System.arraycopy(png(10, 10), 0, big, 0, 60);
        HttpResponse<String> huge = report(w, tok, f, Map.of("file", new Object[]{"big.png", big}));
        assertEquals(422, huge.statusCode());
        assertTrue(huge.body().contains("evidence.tooLarge"), huge.body());
        assertEquals(0, count(w, "SELECT count(*) FROM error_reports"), "refused uploads leave nothing");

        byte[] gps = jpegWithGps();
        assertTrue(contains(gps, "GPSLatitude"));
        HttpResponse<String> ok = report(w, tok, f, Map.of("file", new Object[]{"id.jpg", gps}));
        assertEquals(201, ok.statusCode(), ok.body());
        long evidenceId = json(ok).get("evidence").get(0).get("id").getLongValue();
        HttpResponse<byte[]> back = app.getBytes(w.host(), "/api/me/evidence/" + evidenceId, tok, "*/*");
        assertEquals(200, back.statusCode());
        assertFalse(contains(back.body(), "GPSLatitude"));
        assertFalse(contains(back.body(), "Exif"));
        BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(back.body()));
        assertEquals(64, img.getWidth());
        // sealed at rest: no JPEG header in the stored column
        try (Connection c = TestServices.get().connect();
             PreparedStatement ps = c.prepareStatement("SELECT data_enc FROM " + w.t().schemaName() + ".evidence_files")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] stored = rs.getBytes(1);
                assertFalse(stored[0] == (byte) 0xFF && stored[1] == (byte) 0xD8);
            }
        }
        // another student of the same university cannot fetch it
        String other = app.login(w.host(), "monitor1", PW);
        assertEquals(404, app.getBytes(w.host(), "/api/me/evidence/" + evidenceId, other, "*/*").statusCode());
    }

    /** One blank page that runs JavaScript on opening, on the page, from a link, from the name tree and a javascript: URI. */
    static byte[] pdfWithJavaScript(boolean encrypted) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('open')"));
            PDPageAdditionalActions aa = new PDPageAdditionalActions();
            aa.setO(new PDActionJavaScript("app.alert('page')"));
            page.setActions(aa);
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(10, 10, 100, 20));
            link.setAction(new PDActionJavaScript("app.alert('link')"));
            PDAnnotationLink uri = new PDAnnotationLink();
            uri.setRectangle(new PDRectangle(10, 40, 100, 20));
            PDActionURI js = new PDActionURI();
            js.setURI("javascript:app.alert('uri')");
            uri.setAction(js);
            PDAnnotationLink web = new PDAnnotationLink();
            web.setRectangle(new PDRectangle(10, 70, 100, 20));
            PDActionURI https = new PDActionURI();
            https.setURI("https://www.chsi.com.cn/");
            web.setAction(https);
            page.getAnnotations().addAll(List.of(link, uri, web));
            PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
            PDJavascriptNameTreeNode tree = new PDJavascriptNameTreeNode();
            tree.setNames(Map.of("init", new PDActionJavaScript("app.alert('names')")));
            names.setJavascript(tree);
            doc.getDocumentCatalog().setNames(names);
            if (encrypted) {
                doc.protect(new StandardProtectionPolicy("owner-pw", "", new AccessPermission()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    @Test
    void a_pdf_with_javascript_is_stored_without_it_and_an_encrypted_pdf_is_refused() throws Exception {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        Map<String, String> f = Map.of("field", "name", "shown", "学生2", "correct", "学生贰");
        byte[] active = pdfWithJavaScript(false);
        for (String marker : List.of("/JS", "/JavaScript", "/OpenAction", "/AA", "app.alert")) {
            assertTrue(contains(active, marker), "the test file has " + marker);
        }
        HttpResponse<String> ok = report(w, tok, f, Map.of("file", new Object[]{"证明.pdf", active}));
        assertEquals(201, ok.statusCode(), ok.body());
        long evidenceId = json(ok).get("evidence").get(0).get("id").getLongValue();

        // read back as the reviewer reads it
        byte[] stored = app.bean(ErrorReports.class).evidence(w.t().context(), null, evidenceId).orElseThrow().bytes();
        for (String marker : List.of("/JS", "/JavaScript", "/OpenAction", "/AA", "app.alert", "javascript:")) {
            assertFalse(contains(stored, marker), "stored file still has " + marker);
        }
        try (PDDocument back = Loader.loadPDF(stored)) {
            assertEquals(1, back.getNumberOfPages());
            assertTrue(back.getDocumentCatalog().getOpenAction() == null);
            assertTrue(back.getPage(0).getCOSObject().getDictionaryObject(COSName.AA) == null);
            // the plain web link stays a link
            assertTrue(back.getPage(0).getAnnotations().stream().anyMatch(a -> a instanceof PDAnnotationLink l
                    && l.getAction() instanceof PDActionURI u && u.getURI().startsWith("https://")));
        }

        HttpResponse<String> locked = report(w, tok, f, Map.of("file", new Object[]{"加密.pdf", pdfWithJavaScript(true)}));
        assertEquals(422, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("evidence.pdfEncrypted"), locked.body());
        HttpResponse<String> broken = report(w, tok, f, Map.of("file", new Object[]{"坏.pdf",
                "%PDF-1.7\nnot really a pdf".getBytes(StandardCharsets.ISO_8859_1)}));
        assertEquals(422, broken.statusCode(), broken.body());
        assertTrue(broken.body().contains("evidence.pdfUnreadable"), broken.body());
    }

    @Test
    void a_student_of_one_university_cannot_read_or_sign_anything_of_another() {
        World a = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        World b = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tokA = app.login(a.host(), "student2", PW);
        for (String path : List.of("/api/me/campaign", "/api/me/signature", "/api/me/receipt", "/api/me/error-reports")) {
            int code = app.get(b.host(), path, tokA).statusCode();
            assertTrue(code == 401 || code == 403, path + " → " + code);
        }
        int sign = app.post(b.host(), "/api/me/signature", "{\"password\":\"" + PW + "\"}", tokA).statusCode();
        assertTrue(sign == 401 || sign == 403);
        int put = put(b, tokA, "sex", "{\"answer\":\"MATCH\"}").statusCode();
        assertTrue(put == 401 || put == 403);
        assertEquals(0, count(b, "SELECT count(*) FROM field_checks") + count(b, "SELECT count(*) FROM student_signatures"));
        // staff have no student self-check
        String admin = app.login(a.host(), "admin", PW);
        assertEquals(403, app.get(a.host(), "/api/me/campaign", admin).statusCode());
    }

    @Test
    void an_account_problem_is_a_report_routed_to_the_registrar_and_the_faq_search_understands_chinese() {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        HttpResponse<String> r = report(w, tok, Map.of("kind", "ACCOUNT", "reason", "学信网上没有我的学籍"), Map.of());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("ACCOUNT", json(r).get("policy").getStringValue());
        assertEquals("NOT_STARTED", json(app.get(w.host(), "/api/me/campaign", tok)).get("status").getStringValue());

        String base = "/api/portal/campaigns/" + w.campaignId() + "/faq?q=";
        JsonNode phone = json(app.get(w.host(), base + enc("手机号已注册"), null));
        assertTrue(phone.get(0).get("entry").get("question").getStringValue().startsWith("手机号已被他人注册"));
        JsonNode record = json(app.get(w.host(), base + enc("没有学籍"), null));
        assertTrue(record.get(0).get("entry").get("question").getStringValue().contains("查不到我的学籍"));
        JsonNode code = json(app.get(w.host(), base + enc("验证码锁了"), null));
        assertTrue(code.get(0).get("entry").get("question").getStringValue().contains("验证码"));
        assertEquals(0, json(app.get(w.host(), base + enc("食堂菜单"), null)).size());
    }

    @Test
    void the_student_reveals_his_own_id_number_only_with_his_password_and_it_is_audited() {
        World w = aWorld(10, CampaignContent.LatePolicy.REFUSE);
        String tok = app.login(w.host(), "student2", PW);
        assertEquals(422, app.post(w.host(), "/api/me/reveal", "{\"password\":\"wrong-pass-1\"}", tok).statusCode());
        HttpResponse<String> r = app.post(w.host(), "/api/me/reveal", "{\"password\":\"" + PW + "\"}", tok);
        assertEquals(200, r.statusCode());
        String id = json(r).get("value").getStringValue();
        assertEquals(18, id.length());
        assertEquals(1, count(w, "SELECT count(*) FROM audit_log WHERE action = 'pii.revealed' AND detail LIKE '%by=self%'"));
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static long count(World w, String sql) {
        try (Connection c = TestServices.get().connect()) {
            try (var st = c.createStatement()) {
                st.execute("SET search_path = " + w.t().schemaName());
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        Path f = Files.createTempFile("receipt", ".pdf");
        try {
            Files.write(f, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", f.toString(), "-").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            return out;
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
