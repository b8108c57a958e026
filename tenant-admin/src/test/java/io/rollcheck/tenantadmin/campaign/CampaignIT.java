package io.rollcheck.tenantadmin.campaign;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignIT {

    static TestApp app;
    static CampaignAuthoring authoring;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        authoring = app.bean(CampaignAuthoring.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void a_new_campaign_starts_from_the_default_template_in_either_language() {
        TenantContext t = app.aTenant().context();
        CampaignContent zh = authoring.get(t, authoring.create(t, "admin", "2025级本科", 2025, Locale.SIMPLIFIED_CHINESE, null)).content();
        assertTrue(zh.notice().title().contains("2025级新生"), zh.notice().title());
        assertTrue(zh.checklist().stream().anyMatch(i -> i.field().equals("idNumber") && i.keyField()));
        assertTrue(zh.checklist().stream().anyMatch(i -> i.field().equals("major") && i.note().contains("括号")));
        assertEquals(5, zh.guide().size());
        assertTrue(zh.faq().stream().anyMatch(f -> f.question().contains("没有学籍")));
        assertTrue(zh.offices().stream().anyMatch(o -> "kefu@chsi.com.cn".equals(o.email())));
        CampaignContent en = authoring.get(t, authoring.create(t, "admin", "Graduate 2025", 2025, Locale.ENGLISH, null)).content();
        assertTrue(en.notice().title().startsWith("Notice on the 2025"), en.notice().title());
        assertTrue(authoring.publishErrors(zh).isEmpty(), "the template itself is publishable: " + authoring.publishErrors(zh));
    }

    @Test
    void publishing_is_refused_with_a_reason_for_each_broken_precondition() {
        TenantContext t = app.aTenant().context();
        long id = authoring.create(t, "admin", "broken", 2025, Locale.SIMPLIFIED_CHINESE, null);
        CampaignContent c = authoring.get(t, id).content();
        LocalDate today = LocalDate.now();
        CampaignContent broken = new CampaignContent(
                new CampaignContent.Notice(null, null, null, null, null, null, " ", List.of()),
                List.of(), List.of(),
                new CampaignContent.Deadlines(today.minusDays(30), today.minusDays(1), null, null, today.minusDays(5),
                        "Asia/Shanghai", CampaignContent.LatePolicy.REFUSE),
                new CampaignContent.Audience(null, List.of(), List.of()), c.workflow(), c.guide(), c.faq());
        authoring.saveDraft(t, "admin", id, broken);
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> authoring.publish(t, "admin", id));
        Set<String> codes = e.errors().stream().map(FieldError::code).collect(Collectors.toSet());
        assertEquals(Set.of("publish.noticeTitle", "publish.noticeBody", "publish.noChecklist", "publish.noOffice",
                "publish.deadlineOrder", "publish.deadlinePast", "publish.cohort"), codes);
        assertEquals("DRAFT", authoring.get(t, id).status());
    }

    @Test
    void two_campaigns_may_run_for_different_levels_but_not_for_the_same_cohort_and_level() {
        TenantContext t = app.aTenant().context();
        long undergrad = authoring.create(t, "admin", "本科2025", 2025, Locale.SIMPLIFIED_CHINESE, null);
        authoring.publish(t, "admin", undergrad);
        long graduate = authoring.create(t, "admin", "研究生2025", 2025, Locale.SIMPLIFIED_CHINESE, null);
        CampaignContent c = authoring.get(t, graduate).content();
        CampaignContent grad = new CampaignContent(c.notice(), c.checklist(), c.offices(), c.deadlines(),
                new CampaignContent.Audience(2025, List.of("硕士", "博士"), List.of()), c.workflow(), c.guide(), c.faq());
        authoring.saveDraft(t, "admin", graduate, grad);
        assertEquals(1, authoring.publish(t, "admin", graduate));
        long again = authoring.create(t, "admin", "本科2025 again", 2025, Locale.SIMPLIFIED_CHINESE, null);
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> authoring.publish(t, "admin", again));
        assertEquals(List.of("publish.audienceTaken"), e.errors().stream().map(FieldError::code).toList());
        assertEquals(2, app.bean(PublishedCampaigns.class).open(t).size());
    }

    @Test
    void a_draft_with_a_bad_email_phone_or_field_is_not_even_saved() {
        TenantContext t = app.aTenant().context();
        long id = authoring.create(t, "admin", "shape", 2025, Locale.SIMPLIFIED_CHINESE, null);
        CampaignContent c = authoring.get(t, id).content();
        CampaignContent bad = new CampaignContent(c.notice(),
                List.of(new CampaignContent.ChecklistItem("shoeSize", null, false, CampaignContent.EditPolicy.DIRECT, null)),
                List.of(new CampaignContent.Office("学籍科", null, List.of("12"), "not-mail", null, null)),
                c.deadlines(), c.audience(), c.workflow(), c.guide(), c.faq());
        ValidationFailed e = assertThrows(ValidationFailed.class, () -> authoring.saveDraft(t, "admin", id, bad));
        assertEquals(Set.of("checklist[0].field", "offices[0].phones[0]", "offices[0].email"),
                e.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        assertEquals(c, authoring.get(t, id).content(), "nothing was saved");
    }

    @Test
    void a_published_version_never_changes_and_an_edit_becomes_version_two() throws Exception {
        Tenant tenant = app.aTenant();
        TenantContext t = tenant.context();
        long id = authoring.create(t, "admin", "本科", 2025, Locale.SIMPLIFIED_CHINESE, null);
        assertEquals(1, authoring.publish(t, "admin", id));
        PublishedCampaign v1 = app.bean(PublishedCampaigns.class).open(t, id).orElseThrow();
        assertEquals(1, v1.version());
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE " + Db.quote(tenant.schemaName())
                    + ".campaign_versions SET notice_html = 'x' WHERE campaign_id = " + id));
            assertTrue(e.getMessage().contains("immutable"), e.getMessage());
        }
        CampaignContent c = authoring.get(t, id).content();
        CampaignContent edited = new CampaignContent(new CampaignContent.Notice(c.notice().title(), "25-67",
                c.notice().issueDate(), c.notice().draftingOffice(), "孟老师", c.notice().addressees(),
                c.notice().bodyMarkdown() + "\n\n补充说明。", List.of()), c.checklist(), c.offices(), c.deadlines(),
                c.audience(), c.workflow(), c.guide(), c.faq());
        authoring.saveDraft(t, "admin", id, edited);
        assertEquals(1, app.bean(PublishedCampaigns.class).open(t, id).orElseThrow().version(),
                "students keep seeing version 1 until the edit is published");
        assertEquals(2, authoring.publish(t, "admin", id));
        PublishedCampaign v2 = app.bean(PublishedCampaigns.class).open(t, id).orElseThrow();
        assertEquals(2, v2.version());
        assertEquals("25-67", v2.content().notice().docNo());
        assertFalse(v1.sha256().equals(v2.sha256()));
    }

    @Test
    void a_publish_on_one_instance_is_served_by_another_within_one_second() {
        try (TestApp other = TestApp.start()) {
            TenantContext t = app.aTenant().context();
            long id = authoring.create(t, "admin", "本科", 2025, Locale.SIMPLIFIED_CHINESE, null);
            authoring.publish(t, "admin", id);
            assertEquals(1, other.bean(PublishedCampaigns.class).open(t, id).orElseThrow().version());
            long t0 = System.nanoTime();
            authoring.publish(t, "admin", id);
            int seen = 1;
            while (seen != 2 && System.nanoTime() - t0 < 5_000_000_000L) {
                seen = other.bean(PublishedCampaigns.class).open(t, id).orElseThrow().version();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(2, seen);
            assertTrue(ms < 1000, "took " + ms + " ms");
        }
    }

    @Test
    void the_notice_is_rendered_without_scripts_or_javascript_links() {
        TenantContext t = app.aTenant().context();
        long id = authoring.create(t, "admin", "xss", 2025, Locale.SIMPLIFIED_CHINESE, null);
        CampaignContent c = authoring.get(t, id).content();
        authoring.saveDraft(t, "admin", id, new CampaignContent(new CampaignContent.Notice(c.notice().title(), null, null,
                null, null, null, "## 标题\n\n<script>alert(1)</script>\n\n[点我](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n- 一\n- 二",
                List.of()), c.checklist(), c.offices(), c.deadlines(), c.audience(), c.workflow(), c.guide(), c.faq()));
        String html = authoring.preview(t, id).noticeHtml();
        assertTrue(html.contains("<h2>标题</h2>") && html.contains("<li>一</li>"), html);
        assertFalse(html.contains("<script") || html.contains("javascript:") || html.contains("onerror"), html);
    }

    static byte[] docx() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            z.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            z.write("<w:document/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void attachments_are_checked_by_content_and_served_only_when_a_published_notice_lists_them() throws Exception {
        Tenant a = app.aTenant();
        String host = a.slug() + ".localhost";
        app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-pass-1");
        String token = app.login(host, "admin", "registrar-pass-1");
        long id = authoring.create(a.context(), "admin", "本科", 2025, Locale.SIMPLIFIED_CHINESE, null);
        long other = authoring.create(a.context(), "admin", "研究生", 2025, Locale.SIMPLIFIED_CHINESE, null);
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> up = app.upload(host, "/api/admin/campaigns/" + id + "/attachments", "附件1 操作指南.pdf", pdf, token);
        assertEquals(201, up.statusCode(), up.body());
        long pdfId = Long.parseLong(up.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertTrue(up.body().contains("application/pdf"));
        HttpResponse<String> word = app.upload(host, "/api/admin/campaigns/" + id + "/attachments", "登记表.docx", docx(), token);
        assertTrue(word.body().contains("wordprocessingml"), word.body());
        HttpResponse<String> php = app.upload(host, "/api/admin/campaigns/" + id + "/attachments", "guide.pdf",
                "<?php echo 1; ?>".getBytes(java.nio.charset.StandardCharsets.UTF_8), token);
        assertEquals(422, php.statusCode());
        assertTrue(php.body().contains("attachment.type"));
        HttpResponse<String> elsewhere = app.upload(host, "/api/admin/campaigns/" + other + "/attachments", "x.pdf", pdf, token);
        long otherBlob = Long.parseLong(elsewhere.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertEquals(2, authoring.get(a.context(), id).content().notice().attachmentIds().size());
        assertEquals(List.of("附件1 操作指南.pdf", "登记表.docx"),
                authoring.attachments(a.context(), id).stream().map(i -> i.fileName()).toList(),
                "the editor lists the draft's attachments by name");

        assertEquals(404, app.get(host, "/api/portal/campaigns/" + id + "/attachments/" + pdfId, null).statusCode(), "not published yet");
        authoring.publish(a.context(), "admin", id);
        HttpResponse<String> served = app.get(host, "/api/portal/campaigns/" + id + "/attachments/" + pdfId, null);
        assertEquals(200, served.statusCode());
        assertTrue(served.headers().firstValue("content-disposition").orElse("").contains("UTF-8''"), served.headers().toString());
        assertEquals(404, app.get(host, "/api/portal/campaigns/" + id + "/attachments/" + otherBlob, null).statusCode(),
                "a file of another campaign's draft is not served through this one");
        Tenant b = app.aTenant();
        assertEquals(404, app.get(b.slug() + ".localhost", "/api/portal/campaigns/" + id + "/attachments/" + pdfId, null).statusCode());
    }

    @Test
    void campaign_endpoints_refuse_another_tenants_admin_and_hide_other_tenants_ids() {
        Tenant a = app.aTenant();
        Tenant b = app.aTenant();
        app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-pass-1");
        app.bean(TenantAccounts.class).setPassword(b.context(), "admin", "registrar-pass-1");
        String tokenA = app.login(a.slug() + ".localhost", "admin", "registrar-pass-1");
        String tokenB = app.login(b.slug() + ".localhost", "admin", "registrar-pass-1");
        HttpResponse<String> created = app.post(a.slug() + ".localhost", "/api/admin/campaigns",
                "{\"name\":\"本科2025\",\"cohort\":2025}", tokenA);
        assertEquals(201, created.statusCode(), created.body());
        long idA = Long.parseLong(created.body().replaceAll("\\D", ""));
        for (int i = 0; i < 3; i++) {
            authoring.create(b.context(), "admin", "b" + i, 2025, Locale.SIMPLIFIED_CHINESE, null);
        }
        long onlyInB = authoring.list(b.context()).get(0).id();
        int cross = app.get(a.slug() + ".localhost", "/api/admin/campaigns/" + idA, tokenB).statusCode();
        assertTrue(cross == 401 || cross == 403, "status " + cross);
        int publishCross = app.post(a.slug() + ".localhost", "/api/admin/campaigns/" + idA + "/publish", "{}", tokenB).statusCode();
        assertTrue(publishCross == 401 || publishCross == 403);
        assertEquals(404, app.get(a.slug() + ".localhost", "/api/admin/campaigns/" + onlyInB, tokenA).statusCode());
        HttpResponse<String> preview = app.get(a.slug() + ".localhost", "/api/admin/campaigns/" + idA + "/preview", tokenA);
        assertEquals(200, preview.statusCode());
        assertTrue(preview.body().contains("\"version\":1") && preview.body().contains("noticeHtml"), preview.body());
        assertEquals("DRAFT", authoring.get(a.context(), idA).status(), "a preview publishes nothing");
        HttpResponse<String> publish = app.post(a.slug() + ".localhost", "/api/admin/campaigns/" + idA + "/publish", "{}", tokenA);
        assertEquals(200, publish.statusCode(), publish.body());
    }
}
