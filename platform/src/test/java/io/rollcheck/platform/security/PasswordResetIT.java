package io.rollcheck.platform.security;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.services.EmbeddedServices;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordResetIT {

    @Test
    void a_reset_link_arrives_by_smtp_sets_a_new_password_and_works_once() throws Exception {
        int port = EmbeddedServices.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestApp app = TestApp.start(Map.of("rollcheck.smtp.host", "127.0.0.1", "rollcheck.smtp.port", port))) {
            Tenant t = app.aTenant();
            String host = t.slug() + ".localhost";
            app.bean(TenantAccounts.class).setPassword(t.context(), "admin", "old-password-1");
            app.bean(Db.class).tenant(t.context(), c -> c.createStatement()
                    .executeUpdate("UPDATE users SET email = 'registrar@example.edu.cn' WHERE username = 'admin'"));

            assertEquals(202, app.post(host, "/api/auth/reset-request", "{\"username\":\"nobody\"}", null).statusCode());
            assertEquals(202, app.post(host, "/api/auth/reset-request", "{\"username\":\"admin\"}", null).statusCode());
            assertTrue(smtp.waitForIncomingEmail(10_000, 1));
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(1, mails.length, "no mail for an unknown account");
            assertTrue(mails[0].getSubject().contains(t.nameZh()), mails[0].getSubject());
            String body = (String) mails[0].getContent();
            Matcher m = Pattern.compile("/reset/([A-Za-z0-9_-]+)").matcher(body);
            assertTrue(m.find(), body);
            String token = m.group(1);

            String done = "{\"token\":\"" + token + "\",\"newPassword\":\"brand-new-pass-2\"}";
            assertEquals(204, app.post(host, "/api/auth/reset", done, null).statusCode());
            assertEquals(422, app.post(host, "/api/auth/reset", done, null).statusCode(), "a link works once");
            assertEquals(401, app.post(host, "/api/auth/login", "{\"username\":\"admin\",\"password\":\"old-password-1\"}", null).statusCode());
            HttpResponse<String> ok = app.post(host, "/api/auth/login", "{\"username\":\"admin\",\"password\":\"brand-new-pass-2\"}", null);
            assertEquals(200, ok.statusCode(), ok.body());
        } finally {
            smtp.stop();
        }
    }
}
