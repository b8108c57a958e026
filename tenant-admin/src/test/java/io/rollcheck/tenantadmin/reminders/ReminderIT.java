package io.rollcheck.tenantadmin.reminders;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.selfcheck.SelfCheck;
import io.rollcheck.tenantadmin.selfcheck.Signatures;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderIT {

    static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    @Test
    void two_instances_send_each_reminder_once_to_those_not_done_by_mail_sms_and_in_app() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Object> cfg = Map.of("rollcheck.smtp.host", "127.0.0.1", "rollcheck.smtp.port", port,
                "rollcheck.reminders.every", "1h", "rollcheck.reminders.initial-delay", "1h");
        try (TestApp one = TestApp.start(cfg); TestApp two = TestApp.start(cfg)) {
            Tenant t = one.aTenant();
            OrgFixture org = new OrgFixture(one, t, "R" + t.id(), 2);
            LocalDate today = LocalDate.now(SH);
            CampaignContent base = CampaignFixture.aCampaign(today, 3, CampaignContent.LatePolicy.REFUSE);
            CampaignContent content = new CampaignContent(base.notice(), base.checklist(), base.offices(), base.deadlines(),
                    base.audience(), List.of(
                    new CampaignContent.WorkflowStep(CampaignContent.SignLevel.CLASS_MONITOR, true, today.plusDays(3)),
                    new CampaignContent.WorkflowStep(CampaignContent.SignLevel.COLLEGE, true, today.plusDays(3))),
                    base.guide(), base.faq());
            long campaign = CampaignFixture.publish(one, t, "2025级新生学籍核对", content);
            one.bean(Db.class).tenant(t.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE users SET email = username || '@school.test'")) {
                    ps.executeUpdate();
                }
                return null;
            });
            // one student is done already
            long done = org.studentsK1.get(1);
            for (String f : List.of("name", "sex", "idNumber", "phone", "major")) {
                one.bean(SelfCheck.class).answer(t.context(), "s", done, f, new SelfCheck.Answer("MATCH", null, null, null), "10.0.0.1");
            }
            one.bean(Signatures.class).sign(t.context(), t.slug(), "s", done, "PASSWORD", null, "10.0.0.1", "test");

            String admin = one.login(org.host(), "admin", OrgFixture.PASSWORD);
            HttpResponse<String> put = one.call("PUT", org.host(), "/api/admin/campaigns/" + campaign + "/reminders", "["
                    + "{\"level\":\"STUDENT\",\"daysBefore\":[3],\"dailyLastDays\":2,\"sendAt\":\"09:00\",\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\",\"channels\":[\"IN_APP\",\"SMS\"],\"enabled\":true},"
                    + "{\"level\":\"CLASS_MONITOR\",\"daysBefore\":[3],\"dailyLastDays\":0,\"sendAt\":\"09:00\",\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\",\"channels\":[\"EMAIL\"],\"enabled\":true},"
                    + "{\"level\":\"COLLEGE\",\"daysBefore\":[3],\"dailyLastDays\":0,\"sendAt\":\"09:00\",\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\",\"channels\":[\"EMAIL\"],\"enabled\":true}]", admin);
            assertEquals(200, put.statusCode(), put.body());
            String bad = one.call("PUT", org.host(), "/api/admin/campaigns/" + campaign + "/reminders",
                    "[{\"level\":\"STUDENT\",\"daysBefore\":[3],\"dailyLastDays\":0,\"sendAt\":\"9h\",\"quietStart\":\"22:00\",\"quietEnd\":\"08:00\",\"channels\":[\"FAX\"],\"enabled\":true}]", admin).body();
            assertTrue(bad.contains("rules[0].channels"), bad);
            String staff = one.login(org.host(), "staff1", OrgFixture.PASSWORD);
            assertEquals(403, one.get(org.host(), "/api/admin/campaigns/" + campaign + "/reminders", staff).statusCode());

            // quiet hours: nothing at 07:00
            Instant early = today.atTime(LocalTime.of(7, 0)).atZone(SH).toInstant();
            assertEquals(0, one.bean(ReminderJob.class).runAll(early));

            // 10:00, both instances at once, twice
            Instant now = today.atTime(LocalTime.of(10, 0)).atZone(SH).toInstant();
            List<CompletableFuture<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> one.bean(ReminderJob.class).runAll(now)));
                runs.add(CompletableFuture.supplyAsync(() -> two.bean(ReminderJob.class).runAll(now)));
            }
            int sent = runs.stream().mapToInt(CompletableFuture::join).sum();
            // 5 students not done × (in-app + SMS), the class monitor and the college staff by mail
            assertEquals(12, sent);
            assertEquals(12, count(one, t, "SELECT count(*) FROM reminders_sent"));
            assertEquals(5, count(one, t, "SELECT count(*) FROM student_messages WHERE kind = 'REMINDER'"));
            assertEquals(0, count(one, t, "SELECT count(*) FROM student_messages WHERE kind = 'REMINDER' AND student_id = " + done));
            assertEquals(0, count(one, t, "SELECT count(*) FROM reminders_sent WHERE recipient = 'student:" + done + "'"));
            // mail goes out synchronously inside runAll (SMTP accepted it before the runs returned): all of it is here
            assertTrue(smtp.waitForIncomingEmail(10_000, 2));
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(2, mails.length);
            for (MimeMessage m : mails) {
                assertTrue(m.getSubject().contains(t.nameZh()), m.getSubject());
            }
            // the same day later: nothing new; the next day (2 days left) is no slot; the day after (1 left, daily in the last 2): students only
            assertEquals(0, two.bean(ReminderJob.class).runAll(now.plusSeconds(3600)));
            assertEquals(0, one.bean(ReminderJob.class).runAll(now.plusSeconds(24 * 3600)));
            assertEquals(10, one.bean(ReminderJob.class).runAll(now.plusSeconds(2 * 24 * 3600)));
        } finally {
            smtp.stop();
        }
    }

    static long count(TestApp app, Tenant t, String sql) {
        return app.bean(Db.class).tenant(t.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
