package io.rollcheck.platform.security;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.testing.Fixtures;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attack suite of the identity issue, through the API. */
class CrossTenantAttackIT {

    static TestApp app;
    static OrgFixture a;
    static OrgFixture b;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        a = new OrgFixture(app, app.aTenant(), "A", 2);
        b = new OrgFixture(app, app.aTenant(), "B", 5); // B has more records: its high ids do not exist in A
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String token(OrgFixture o, String user) {
        return app.login(o.host(), user, OrgFixture.PASSWORD);
    }

    static void refused(HttpResponse<String> r) {
        assertTrue(r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() == 404,
                "expected refusal, got " + r.statusCode() + " " + r.body());
        for (String id : Fixtures.ID_NUMBERS) {
            assertFalse(r.body().contains(id.substring(4, 14)), "personal data in a refusal body");
        }
        assertFalse(r.body().contains("学生"), "record data in a refusal body: " + r.body());
    }

    @Test
    void a_token_of_a_is_refused_on_b_and_audited_on_the_platform_not_in_b() throws Exception {
        long inB = auditCount(b, "security.crossTenantRefused");
        String where = "action = 'security.crossTenantRefused' AND actor = 'admin@" + a.tenant.slug()
                + "' AND detail = 'host=" + b.tenant.slug() + "'";
        long onPlatform = platformAuditCount(where);
        String adminA = token(a, "admin");
        refused(app.get(b.host(), "/api/admin/students/" + b.studentsK1.get(0), adminA));
        refused(app.get(b.host(), "/api/classes/" + b.k1 + "/students", adminA));
        refused(app.post(b.host(), "/api/admin/students/" + b.studentsK1.get(0) + "/reveal", "{\"field\":\"idNumber\"}", adminA));
        assertEquals(onPlatform + 3, platformAuditCount(where), "each refusal on the platform's log");
        assertEquals(inB, auditCount(b, "security.crossTenantRefused"),
                "nothing in B's log: B must not learn A's user names");
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Db.quote(b.tenant.schemaName())
                     + ".audit_log WHERE actor LIKE '%@" + a.tenant.slug() + "'")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no user of A appears in B's audit log");
        }
    }

    static long platformAuditCount(String where) throws Exception {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM platform.audit_log WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_admin_asking_for_record_ids_that_only_b_has_gets_not_found() {
        String adminA = token(a, "admin");
        long onlyInB = b.studentsK3.get(b.studentsK3.size() - 1);
        refused(app.get(a.host(), "/api/admin/students/" + onlyInB, adminA));
        refused(app.get(a.host(), "/api/classes/" + (b.k3 + 1000) + "/students", adminA));
    }

    @Test
    void a_student_cannot_call_admin_or_class_endpoints() {
        String student = token(a, "student2");
        refused(app.get(a.host(), "/api/admin/students/" + a.studentsK1.get(1), student));
        refused(app.post(a.host(), "/api/admin/students/" + a.studentsK1.get(1) + "/reveal", "{\"field\":\"idNumber\"}", student));
        refused(app.get(a.host(), "/api/classes/" + a.k1 + "/students", student));
        refused(app.get(a.host(), "/api/platform/tenants", student));
        HttpResponse<String> me = app.get(a.host(), "/api/me", student);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"studentNo\":\"A" + a.k1 + "0002\""), me.body());
    }

    @Test
    void a_monitor_sees_his_class_masked_and_nothing_of_another_class() {
        String monitor = token(a, "monitor1");
        HttpResponse<String> own = app.get(a.host(), "/api/classes/" + a.k1 + "/students", monitor);
        assertEquals(200, own.statusCode(), own.body());
        String id0 = Fixtures.ID_NUMBERS.get(0);
        assertTrue(own.body().contains("\"idNumber\":\"**************" + id0.substring(14) + "\""), own.body());
        assertTrue(own.body().contains("\"birthDate\":\"****-**-**\""), own.body());
        refused(app.get(a.host(), "/api/classes/" + a.k2 + "/students", monitor));
        refused(app.get(a.host(), "/api/admin/students/" + a.studentsK2.get(0), monitor));
        refused(app.post(a.host(), "/api/admin/students/" + a.studentsK1.get(1) + "/reveal", "{\"field\":\"idNumber\"}", monitor));
    }

    @Test
    void college_staff_see_their_college_only_and_reveals_are_audited() throws Exception {
        String staff = token(a, "staff1");
        assertEquals(200, app.get(a.host(), "/api/classes/" + a.k2 + "/students", staff).statusCode());
        refused(app.get(a.host(), "/api/classes/" + a.k3 + "/students", staff));
        refused(app.post(a.host(), "/api/admin/students/" + a.studentsK3.get(0) + "/reveal", "{\"field\":\"idNumber\"}", staff));

        HttpResponse<String> masked = app.get(a.host(), "/api/admin/students/" + a.studentsK1.get(0), staff);
        String id0 = Fixtures.ID_NUMBERS.get(0);
        assertTrue(masked.body().contains("\"idNumber\":\"" + id0.substring(0, 4) + "**********" + id0.substring(14) + "\""), masked.body());
        assertFalse(masked.body().contains(id0));

        long reveals = auditCount(a, "pii.revealed");
        HttpResponse<String> clear = app.post(a.host(), "/api/admin/students/" + a.studentsK1.get(0) + "/reveal",
                "{\"field\":\"idNumber\"}", staff);
        assertEquals(200, clear.statusCode(), clear.body());
        assertTrue(clear.body().contains(id0));
        assertEquals(reveals + 1, auditCount(a, "pii.revealed"));
    }

    @Test
    void the_student_list_is_scoped_masked_and_searchable_by_id_number() {
        String admin = token(a, "admin");
        HttpResponse<String> all = app.get(a.host(), "/api/admin/students?limit=100", admin);
        assertEquals(200, all.statusCode());
        assertEquals(6, all.body().split("\"studentNo\"").length - 1, all.body());
        String id1 = Fixtures.ID_NUMBERS.get(1);
        HttpResponse<String> byId = app.get(a.host(), "/api/admin/students?q=" + id1.toLowerCase(), admin);
        assertEquals(3, byId.body().split("\"studentNo\"").length - 1, "one per class carries fixture ID 1: " + byId.body());
        assertFalse(byId.body().contains(id1), "masked even when searched by it");
        String staff = token(a, "staff1");
        HttpResponse<String> college = app.get(a.host(), "/api/admin/students?limit=100", staff);
        assertEquals(4, college.body().split("\"studentNo\"").length - 1, "college 1 only: " + college.body());
        String monitor = token(a, "monitor1");
        HttpResponse<String> cls = app.get(a.host(), "/api/admin/students?limit=100", monitor);
        assertEquals(2, cls.body().split("\"studentNo\"").length - 1, cls.body());
        refused(app.get(a.host(), "/api/admin/students?classId=" + a.k2, monitor));
        refused(app.get(b.host(), "/api/admin/students", admin));
        refused(app.get(a.host(), "/api/admin/students", token(a, "student2")));
    }

    @Test
    void tenant_hosts_cannot_reach_operator_endpoints_even_with_an_operator_token() {
        String op = app.login("localhost", "operator", TestApp.OPERATOR_PASSWORD);
        refused(app.get(a.host(), "/api/platform/tenants", op));
        refused(app.post(a.host(), "/api/platform/tenants/" + b.tenant.slug() + "/suspend", "{}", op));
        refused(app.get(a.host(), "/api/platform/tenants", token(a, "admin")));
    }

    static long auditCount(OrgFixture o, String action) throws Exception {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Db.quote(o.tenant.schemaName())
                     + ".audit_log WHERE action = '" + action + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
