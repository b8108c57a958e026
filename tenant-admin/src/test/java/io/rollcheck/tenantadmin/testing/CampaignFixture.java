package io.rollcheck.tenantadmin.testing;

import io.rollcheck.platform.testing.TestApp;
import io.micronaut.serde.ObjectMapper;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.ChecklistItem;
import io.rollcheck.tenantadmin.campaign.CampaignContent.EditPolicy;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;

/**
 * Published campaigns written straight into a tenant's tables (authoring itself belongs to the
 * back office): {@link #aCampaign} gives a checklist with one field under each edit policy.
 */
public final class CampaignFixture {

    private CampaignFixture() {
    }

    /** Name (online review), sex and phone (direct), ID number (paper), major (online review); open from yesterday. */
    public static CampaignContent aCampaign(LocalDate today, int deadlineInDays, CampaignContent.LatePolicy late) {
        return new CampaignContent(
                new CampaignContent.Notice("关于开展2025级新生学籍信息核对工作的通知", "教务〔2025〕12号", today.minusDays(2),
                        "教务处学籍科", "李处长", "各学院、全体2025级新生", "请全体新生登录学信网核对**学籍信息**。", List.of()),
                List.of(new ChecklistItem("name", "只核对括号外的部分", true, EditPolicy.ONLINE_REVIEW, List.of("户口本首页及本人页")),
                        new ChecklistItem("sex", null, true, EditPolicy.DIRECT, List.of()),
                        new ChecklistItem("idNumber", "与身份证一致", true, EditPolicy.PAPER_EVIDENCE, List.of("身份证原件", "户口本")),
                        new ChecklistItem("phone", null, false, EditPolicy.DIRECT, List.of()),
                        new ChecklistItem("major", null, false, EditPolicy.ONLINE_REVIEW, List.of("录取通知书"))),
                List.of(new CampaignContent.Office("教务处学籍科", "行政楼 305", List.of("010-12345678"), "xj@example.edu.cn",
                        "工作日 8:30-17:00", List.of("name", "idNumber"))),
                new CampaignContent.Deadlines(today.minusDays(1), today.plusDays(deadlineInDays), today.plusDays(deadlineInDays + 3),
                        today.plusDays(deadlineInDays + 6), today.plusDays(deadlineInDays + 20), "Asia/Shanghai", late),
                new CampaignContent.Audience(null, List.of(), List.of()),
                List.of(new CampaignContent.WorkflowStep(CampaignContent.SignLevel.CLASS_MONITOR, true, today.plusDays(deadlineInDays + 3)),
                        new CampaignContent.WorkflowStep(CampaignContent.SignLevel.COUNSELOR, false, null),
                        new CampaignContent.WorkflowStep(CampaignContent.SignLevel.COLLEGE, true, today.plusDays(deadlineInDays + 6)),
                        new CampaignContent.WorkflowStep(CampaignContent.SignLevel.REGISTRAR, false, null)),
                List.of(new CampaignContent.GuideStep("登录学信网", "打开学信网，用手机号注册并登录。")),
                List.of(new CampaignContent.FaqEntry("手机号已被他人注册怎么办？", "通过学信网的找回账号功能，用身份证号找回。", List.of("手机号", "注册")),
                        new CampaignContent.FaqEntry("学信网上查不到我的学籍信息", "可能尚未注册学籍，或需要手动绑定学籍，请联系学籍科。", List.of("没有学籍", "绑定")),
                        new CampaignContent.FaqEntry("短信验证码被锁定", "等待 24 小时后再获取验证码。", List.of("验证码"))));
    }

    /** Publishes {@code content} as a new campaign (version 1); returns its id. */
    public static long publish(TestApp app, Tenant t, String name, CampaignContent content) {
        long id = app.bean(Db.class).tenant(t.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO campaigns (name, status, published_version, draft) VALUES (?, 'PUBLISHED', 0, ?::jsonb) RETURNING id")) {
                ps.setString(1, name);
                ps.setString(2, json(app, content));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        newVersion(app, t, id, content);
        return id;
    }

    /** Publishes {@code content} as the campaign's next version. */
    public static int newVersion(TestApp app, Tenant t, long campaignId, CampaignContent content) {
        String body = json(app, content);
        int version = app.bean(Db.class).tenant(t.context(), c -> {
            int v;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE campaigns SET published_version = published_version + 1, status = 'PUBLISHED' WHERE id = ? RETURNING published_version")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    v = rs.getInt(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_versions (campaign_id, version, content,"
                    + " content_sha256, notice_html, published_by) VALUES (?, ?, ?::jsonb, ?, ?, 'fixture')")) {
                ps.setLong(1, campaignId);
                ps.setInt(2, v);
                ps.setString(3, body);
                ps.setBytes(4, MessageDigest.getInstance("SHA-256").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                ps.setString(5, "<p>" + content.notice().bodyMarkdown() + "</p>");
                ps.executeUpdate();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            String name;
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM campaigns WHERE id = ?")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    name = rs.getString(1);
                }
            }
            app.bean(io.rollcheck.tenantadmin.selfcheck.Progress.class).rebuild(c, new io.rollcheck.tenantadmin.campaign.PublishedCampaign(
                    campaignId, name, v, "fixture", content, "", java.time.Instant.now()));
            return v;
        });
        app.bean(PublishedCampaigns.class).changed(t.context());
        return version;
    }

    private static String json(TestApp app, CampaignContent content) {
        try {
            return app.bean(ObjectMapper.class).writeValueAsString(content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
