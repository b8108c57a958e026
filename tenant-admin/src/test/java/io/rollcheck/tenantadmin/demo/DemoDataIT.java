package io.rollcheck.tenantadmin.demo;

import io.rollcheck.platform.campaign.PublishedCampaigns;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.demo.DemoTenant;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataIT {

    @Test
    void the_demo_university_has_every_role_signing_in_with_the_demo_password_and_a_published_campaign() {
        try (TestApp app = TestApp.start()) {
            Tenant demo = app.bean(DemoTenant.class).ensure("demo-pass-2025");
            app.bean(DemoData.class).ensure(demo, "demo-pass-2025");
            app.bean(DemoData.class).ensure(demo, "demo-pass-2025"); // a second start changes nothing
            String host = "demo.localhost";
            for (String user : new String[]{"admin", "college", "counselor", "monitor", "2025000001", "2025000060"}) {
                HttpResponse<String> r = app.post(host, "/api/auth/login",
                        "{\"username\":\"" + user + "\",\"password\":\"demo-pass-2025\"}", null);
                assertEquals(200, r.statusCode(), user + ": " + r.body());
            }
            String monitor = app.login(host, "monitor", "demo-pass-2025");
            long k1 = app.bean(Db.class).tenant(demo.context(), c -> {
                var rs = c.createStatement().executeQuery("SELECT id FROM classes WHERE code = 'CS2501'");
                rs.next();
                return rs.getLong(1);
            });
            HttpResponse<String> cls = app.get(host, "/api/classes/" + k1 + "/students", monitor);
            assertEquals(20, cls.body().split("\"studentNo\"").length - 1, cls.body());
            assertTrue(cls.body().contains("买买提·艾力"));
            assertEquals(1, app.bean(PublishedCampaigns.class).open(demo.context()).size());
            long students = app.bean(Db.class).tenant(demo.context(), c -> {
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM students");
                rs.next();
                return rs.getLong(1);
            });
            assertEquals(60, students);
        }
    }
}
