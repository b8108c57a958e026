package io.rollcheck.tenantadmin.demo;

import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.validation.IdNumbers;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    static final String DEMO_PW = "demo-pass-2025";

    static int login(TestApp app, String user, String password) {
        return app.post("demo.localhost", "/api/auth/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null).statusCode();
    }

    /** Every account of the demo tenant as stored: name, password hash, flags, setup token. */
    static List<String> accounts(TestApp app, Tenant demo) {
        return app.bean(Db.class).tenant(demo.context(), c -> {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT username, password_hash, must_change_password,"
                    + " setup_token_hash, roles::text, student_id FROM users ORDER BY username")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getString(4)
                            + "|" + rs.getString(5) + "|" + rs.getObject(6));
                }
            }
            return rows;
        });
    }

    static void start(TestApp app) {
        Tenant demo = app.bean(DemoTenant.class).ensure(DEMO_PW);
        app.bean(DemoData.class).ensure(demo, DEMO_PW);
    }

    @Test
    void the_restart_that_keeps_a_students_and_the_registrars_own_password() {
        Tenant demo;
        List<String> before;
        try (TestApp app = TestApp.start()) {
            start(app);
            demo = app.bean(DemoTenant.class).ensure(DEMO_PW);
            // a student and the registrar choose their own passwords
            assertEquals(200, app.post("demo.localhost", "/api/auth/password", "{\"username\":\"2025000002\","
                    + "\"currentPassword\":\"" + DEMO_PW + "\",\"newPassword\":\"student-own-pass-2\"}", null).statusCode());
            assertEquals(200, app.post("demo.localhost", "/api/auth/password", "{\"username\":\"admin\","
                    + "\"currentPassword\":\"" + DEMO_PW + "\",\"newPassword\":\"registrar-own-pass-1\"}", null).statusCode());
            // the registrar imports a student who is not one of the demo set
            long k1 = app.bean(Db.class).tenant(demo.context(), c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT id FROM classes WHERE code = 'CS2501'");
                rs.next();
                return rs.getLong(1);
            });
            long cs = app.bean(Db.class).tenant(demo.context(), c -> {
                ResultSet rs = c.createStatement().executeQuery("SELECT college_id FROM classes WHERE code = 'CS2501'");
                rs.next();
                return rs.getLong(1);
            });
            String id = IdNumbers.make("320102", LocalDate.of(2007, 3, 3), 777);
            app.bean(Students.class).upsert(demo.context(), new NewStudent("2025990001", "导入生", IdNumbers.sex(id), k1, cs,
                    "RESIDENT_ID", id, IdNumbers.birthDate(id).toString(), "13900009999"));
            before = accounts(app, demo);
        }
        try (TestApp app = TestApp.start()) {
            start(app); // the next start seeds again
            try {
                assertEquals(200, login(app, "2025000002", "student-own-pass-2"));
                assertEquals(401, login(app, "2025000002", DEMO_PW));
                assertEquals(200, login(app, "admin", "registrar-own-pass-1"));
                assertEquals(401, login(app, "admin", DEMO_PW));
                assertEquals(401, login(app, "2025990001", DEMO_PW), "an imported student gets no demo password");
                assertEquals(200, login(app, "2025000003", DEMO_PW), "an untouched demo account still has it");
                assertEquals(before, accounts(app, demo), "the start changed no account and made none");
            } finally {
                // the other test of this class signs in as admin with the demo password
                app.bean(TenantAccounts.class).setPassword(demo.context(), "admin", DEMO_PW);
            }
        }
    }
}
