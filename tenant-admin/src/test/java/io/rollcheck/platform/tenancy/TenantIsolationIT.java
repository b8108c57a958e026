package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.db.DataAccessException;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantIsolationIT {

    static TestApp app;
    static Tenant a;
    static Tenant b;
    static String tokenA;
    static String tokenB;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        a = app.aTenant();
        b = app.aTenant();
        app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-A-pass1");
        app.bean(TenantAccounts.class).setPassword(b.context(), "admin", "registrar-B-pass1");
        tokenA = app.login(host(a), "admin", "registrar-A-pass1");
        tokenB = app.login(host(b), "admin", "registrar-B-pass1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String host(Tenant t) {
        return t.slug() + ".localhost";
    }

    @Test
    void rows_written_through_each_tenant_stay_in_its_schema_and_the_other_host_cannot_read_them() throws Exception {
        for (int i = 1; i <= 3; i++) {
            assertEquals(201, app.post(host(a), "/api/portal/notices",
                    "{\"title\":\"A-secret-" + i + "\",\"body\":\"only for A\"}", tokenA).statusCode());
        }
        assertEquals(201, app.post(host(b), "/api/portal/notices",
                "{\"title\":\"B-own-1\",\"body\":\"only for B\"}", tokenB).statusCode());

        assertEquals(3, count(a.schemaName(), "SELECT count(*) FROM %s.portal_notices WHERE title LIKE 'A-secret-%%'"));
        assertEquals(0, count(a.schemaName(), "SELECT count(*) FROM %s.portal_notices WHERE title LIKE 'B-%%'"));
        assertEquals(1, count(b.schemaName(), "SELECT count(*) FROM %s.portal_notices WHERE title LIKE 'B-own-%%'"));
        assertEquals(0, count(b.schemaName(), "SELECT count(*) FROM %s.portal_notices WHERE title LIKE 'A-%%'"));

        HttpResponse<String> portalB = app.get(host(b), "/api/portal", null);
        assertEquals(200, portalB.statusCode());
        assertEquals("nosniff", portalB.headers().firstValue("x-content-type-options").orElse(""));
        assertTrue(portalB.headers().firstValue("content-security-policy").orElse("").contains("frame-ancestors 'none'"));
        assertTrue(portalB.body().contains("B-own-1"));
        assertFalse(portalB.body().contains("A-secret"), portalB.body());

        long highestA = count(a.schemaName(), "SELECT max(id) FROM %s.portal_notices");
        HttpResponse<String> probe = app.get(host(b), "/api/portal/notices/" + highestA, null);
        assertEquals(404, probe.statusCode());
        assertFalse(probe.body().contains("A-secret"));
        assertEquals(200, app.get(host(a), "/api/portal/notices/" + highestA, null).statusCode());
    }

    @Test
    void token_of_tenant_a_is_refused_on_tenant_b_and_the_attempt_is_audited() throws Exception {
        long before = count(b.schemaName(), "SELECT count(*) FROM %s.portal_notices");
        HttpResponse<String> r = app.post(host(b), "/api/portal/notices",
                "{\"title\":\"intruder\",\"body\":\"x\"}", tokenA);
        assertTrue(r.statusCode() == 401 || r.statusCode() == 403, "status " + r.statusCode());
        assertFalse(r.body().contains("intruder"));
        assertEquals(before, count(b.schemaName(), "SELECT count(*) FROM %s.portal_notices"));
        assertEquals(0, count(b.schemaName(),
                "SELECT count(*) FROM %s.audit_log WHERE action = 'security.crossTenantRefused'"),
                "not in B's own log: B must not learn A's user names");
        assertTrue(count("platform", "SELECT count(*) FROM %s.audit_log WHERE action = 'security.crossTenantRefused'"
                + " AND detail = 'host=" + b.slug() + "'") >= 1, "on the platform's log");
    }

    @Test
    void operator_endpoints_are_not_reachable_from_a_tenant_host() {
        String op = app.login("localhost", "operator", TestApp.OPERATOR_PASSWORD);
        HttpResponse<String> r = app.get(host(a), "/api/platform/tenants", op);
        assertTrue(r.statusCode() == 401 || r.statusCode() == 403, "status " + r.statusCode());
        assertEquals(401, app.get("localhost", "/api/platform/tenants", null).statusCode());
        assertEquals(200, app.get("localhost", "/api/platform/tenants", op).statusCode());
        // a tenant admin's token does not open the operator API either
        HttpResponse<String> t = app.get("localhost", "/api/platform/tenants", tokenA);
        assertTrue(t.statusCode() == 401 || t.statusCode() == 403, "status " + t.statusCode());
    }

    @Test
    void a_pooled_connection_never_carries_the_previous_schema() throws Exception {
        try (com.zaxxer.hikari.HikariDataSource one = new com.zaxxer.hikari.HikariDataSource()) {
            TestServices s = TestServices.get();
            one.setJdbcUrl(s.jdbcUrl());
            one.setUsername(s.user);
            one.setPassword(s.password);
            one.setMaximumPoolSize(1);
            Db db = new Db(one, 1);
            for (int round = 0; round < 3; round++) {
                assertEquals(a.schemaName(), db.tenant(a.context(), Db::currentSearchPath));
                assertEquals(Db.PLATFORM_SCHEMA, db.platform(Db::currentSearchPath));
                assertEquals(b.schemaName(), db.tenant(b.context(), Db::currentSearchPath));
                // unqualified tenant tables are invisible from the platform after tenant work
                DataAccessException e = org.junit.jupiter.api.Assertions.assertThrows(DataAccessException.class,
                        () -> db.platform(c -> {
                            try (Statement st = c.createStatement()) {
                                st.executeQuery("SELECT count(*) FROM portal_notices");
                            }
                            return null;
                        }), "platform work must not see a tenant table");
                assertEquals("42P01", e.sqlState());
                // a failed tenant transaction does not leave its path behind either
                try {
                    db.tenant(a.context(), c -> {
                        throw new SQLException("boom", "XX000");
                    });
                } catch (RuntimeException expected) {
                    // rolled back
                }
                assertEquals(Db.PLATFORM_SCHEMA, db.platform(Db::currentSearchPath));
            }
        }
    }

    static long count(String schema, String sqlTemplate) throws SQLException {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(String.format(sqlTemplate, Db.quote(schema)))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
