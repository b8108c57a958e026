package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignupAndProvisioningIT {

    static TestApp app;
    static Tenant existing;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        existing = app.aTenant();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void noCrashHook() {
        app.bean(Provisioning.class).afterEachStep(null);
    }

    static String json(SignupRequest r) {
        return "{" + field("nameZh", r.nameZh()) + "," + field("nameEn", r.nameEn()) + "," + field("slug", r.slug())
                + "," + field("contactName", r.contactName()) + "," + field("email", r.email()) + ","
                + field("phone", r.phone()) + "}";
    }

    static String field(String name, String value) {
        return "\"" + name + "\":" + (value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "slug|a'; drop schema public;--|slug.format",
            "slug|a_b_c|slug.format",
            "slug|has space|slug.format",
            "slug|ab|slug.format",
            "slug|abc-|slug.format",
            "slug|a--b|slug.format",
            "slug|9abc|slug.format",
            "slug|www|slug.reserved",
            "slug|api|slug.reserved",
            "slug|admin|slug.reserved",
            "slug|platform|slug.reserved",
            "slug|static|slug.reserved",
            "slug|assets|slug.reserved",
            "slug|NULL|slug.required",
            "email|not-an-email|email.format",
            "email|a@b|email.format",
            "phone|12345|phone.format",
            "phone|+1 650 555 0100|phone.format",
            "nameZh|NULL|nameZh.required",
            "nameEn|X|nameEn.length",
            "contactName|NULL|contactName.required",
    })
    void a_bad_signup_gets_a_field_error_and_writes_nothing(String field, String value, String code) throws Exception {
        SignupRequest ok = TestApp.aSignup();
        SignupRequest bad = with(ok, field, value);
        long signups = count("SELECT count(*) FROM platform.signups");
        long schemas = count("SELECT count(*) FROM pg_namespace");
        HttpResponse<String> r = app.post("localhost", "/api/platform/signups", json(bad), null);
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
        assertEquals(signups, count("SELECT count(*) FROM platform.signups"));
        assertEquals(schemas, count("SELECT count(*) FROM pg_namespace"));
    }

    @Test
    void slug_and_names_already_taken_are_refused_with_messages_in_both_languages() throws Exception {
        SignupRequest dup = new SignupRequest(existing.nameZh(), existing.nameEn().toUpperCase(), existing.slug(),
                "李老师", "x@example.com", "+852 2345 6789", null);
        long signups = count("SELECT count(*) FROM platform.signups");
        HttpResponse<String> zh = app.call("POST", "localhost", "/api/platform/signups", json(dup), null);
        assertEquals(422, zh.statusCode());
        assertTrue(zh.body().contains("slug.taken") && zh.body().contains("name.taken"), zh.body());
        assertTrue(zh.body().contains("该门户地址已被占用"), zh.body());
        assertEquals(signups, count("SELECT count(*) FROM platform.signups"));
        HttpResponse<String> en = app.call("POST", "localhost", "/api/platform/signups", json(dup), null, "en-US,en;q=0.9");
        assertTrue(en.body().contains("This portal address is already taken"), en.body());
    }

    @Test
    void a_good_signup_is_stored_and_approval_makes_an_active_tenant_with_its_schema() throws Exception {
        SignupRequest r = new SignupRequest("澳门测试学院", "Macau Test College", "mo-test-" + System.nanoTime() % 100000,
                "陈老师", "chan@example.mo", "+853 6612 3456", "新生 2025");
        HttpResponse<String> created = app.post("localhost", "/api/platform/signups", json(r), null);
        assertEquals(201, created.statusCode(), created.body());
        long id = Long.parseLong(created.body().replaceAll("\\D", ""));
        String op = app.login("localhost", "operator", TestApp.OPERATOR_PASSWORD);
        HttpResponse<String> approved = app.post("localhost", "/api/platform/signups/" + id + "/approve", "{}", op);
        assertEquals(200, approved.statusCode(), approved.body());
        assertTrue(approved.body().contains("/setup/"), approved.body());
        assertTrue(approved.body().contains("\"status\":\"ACTIVE\""), approved.body());
        assertEquals(1, count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + Slug.schemaOf(r.slug()) + "'"));
        HttpResponse<String> portal = app.get(r.slug() + ".localhost", "/api/portal", null);
        assertEquals(200, portal.statusCode());
        assertTrue(portal.body().contains("澳门测试学院"), portal.body());
        // approving again is idempotent: same tenant, nothing duplicated
        assertEquals(200, app.post("localhost", "/api/platform/signups/" + id + "/approve", "{}", op).statusCode());
        assertEquals(1, count("SELECT count(*) FROM platform.tenants WHERE slug = '" + r.slug() + "'"));
    }

    @Test
    void provisioning_interrupted_after_the_schema_is_created_is_completed_by_the_next_run() throws Exception {
        Provisioning provisioning = app.bean(Provisioning.class);
        SignupRequest r = TestApp.aSignup();
        long id = app.bean(SignupService.class).submit(r, null);
        provisioning.afterEachStep(step -> {
            if (step == Provisioning.Step.SCHEMA_CREATED) {
                throw new IllegalStateException("simulated crash");
            }
        });
        assertThrows(IllegalStateException.class, () -> provisioning.approve(id, "operator", null));
        String schema = Slug.schemaOf(r.slug());
        assertEquals(1, count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"));
        assertEquals(0, count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'"));
        assertEquals("PENDING", text("SELECT status FROM platform.tenants WHERE slug = '" + r.slug() + "'"));
        assertEquals("SCHEMA_CREATED", text("SELECT provisioning_step FROM platform.tenants WHERE slug = '" + r.slug() + "'"));
        assertEquals(404, app.get(r.slug() + ".localhost", "/api/portal", null).statusCode());

        provisioning.afterEachStep(null);
        // what the next start does
        assertTrue(provisioning.resumeUnfinished() >= 1);
        assertEquals("ACTIVE", text("SELECT status FROM platform.tenants WHERE slug = '" + r.slug() + "'"));
        assertEquals(1, count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'"));
        assertEquals(1, count("SELECT count(*) FROM " + schema + ".users WHERE username = 'admin'"));
        assertEquals(200, app.get(r.slug() + ".localhost", "/api/portal", null).statusCode());
        // a further run changes nothing
        provisioning.approve(id, "operator", null);
        assertEquals(1, count("SELECT count(*) FROM platform.tenants WHERE slug = '" + r.slug() + "'"));
        assertEquals(1, count("SELECT count(*) FROM " + schema + ".users"));
    }

    @Test
    void provisioning_interrupted_after_seeding_is_completed_too() throws Exception {
        Provisioning provisioning = app.bean(Provisioning.class);
        SignupRequest r = TestApp.aSignup();
        long id = app.bean(SignupService.class).submit(r, null);
        provisioning.afterEachStep(step -> {
            if (step == Provisioning.Step.SEEDED) {
                throw new IllegalStateException("simulated crash");
            }
        });
        assertThrows(IllegalStateException.class, () -> provisioning.approve(id, "operator", null));
        provisioning.afterEachStep(null);
        Provisioning.Approval again = provisioning.approve(id, "operator", null);
        assertEquals(TenantStatus.ACTIVE, again.tenant().status());
        assertFalse(again.setupToken().isPresent(), "seeding happened before: no second account, no new link");
        assertEquals(1, count("SELECT count(*) FROM " + Slug.schemaOf(r.slug()) + ".users"));
    }

    @Test
    void unknown_hosts_get_404_and_suspended_tenants_403_from_the_api() throws Exception {
        for (String host : new String[]{"nosuchuniv.localhost", "evil.example.com", "a.b.localhost", "127.0.0.1"}) {
            HttpResponse<String> r = app.get(host, "/api/portal", null);
            assertEquals(404, r.statusCode(), host);
            assertTrue(r.body().contains("\"code\":\"tenant_unknown\""), r.body());
            assertFalse(r.body().toLowerCase().contains("sql") || r.body().contains("Exception"), r.body());
        }
        Tenant t = app.aTenant();
        String op = app.login("localhost", "operator", TestApp.OPERATOR_PASSWORD);
        assertEquals(200, app.post("localhost", "/api/platform/tenants/" + t.slug() + "/suspend",
                "{\"reason\":\"unpaid\"}", op).statusCode());
        HttpResponse<String> s = app.get(t.slug() + ".localhost", "/api/portal", null);
        assertEquals(403, s.statusCode());
        assertTrue(s.body().contains("\"code\":\"tenant_suspended\"") && s.body().contains("support@rollcheck.local"), s.body());
        assertEquals(200, app.post("localhost", "/api/platform/tenants/" + t.slug() + "/resume", "{}", op).statusCode());
        assertEquals(200, app.get(t.slug() + ".localhost", "/api/portal", null).statusCode());
    }

    @Test
    void rejecting_needs_a_reason_and_frees_the_slug() throws Exception {
        SignupRequest r = TestApp.aSignup();
        long id = app.bean(SignupService.class).submit(r, null);
        String op = app.login("localhost", "operator", TestApp.OPERATOR_PASSWORD);
        assertEquals(422, app.post("localhost", "/api/platform/signups/" + id + "/reject", "{\"reason\":\" \"}", op).statusCode());
        assertEquals(200, app.post("localhost", "/api/platform/signups/" + id + "/reject", "{\"reason\":\"duplicate\"}", op).statusCode());
        assertEquals(409, app.post("localhost", "/api/platform/signups/" + id + "/approve", "{}", op).statusCode());
        assertEquals(0, count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + Slug.schemaOf(r.slug()) + "'"));
        app.bean(SignupService.class).submit(r, null);
    }

    static SignupRequest with(SignupRequest r, String field, String v) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("nameZh", r.nameZh(), "nameEn", r.nameEn(),
                "slug", r.slug(), "contactName", r.contactName(), "email", r.email(), "phone", r.phone()));
        m.put(field, v);
        return new SignupRequest(m.get("nameZh"), m.get("nameEn"), m.get("slug"), m.get("contactName"), m.get("email"),
                m.get("phone"), null);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = TestServices.get().connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(String sql) throws SQLException {
        try (Connection c = TestServices.get().connect(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
