package io.rollcheck.platform.audit;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditChainIT {

    @Test
    void editing_one_entry_in_sql_makes_verify_name_that_entry() throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant t = app.aTenant();
            AuditLog audit = app.bean(AuditLog.class);
            for (int i = 0; i < 10; i++) {
                audit.tenant(t.context(), "admin", "test.action", "thing:" + i, null, "127.0.0.1");
            }
            AuditLog.Verification ok = audit.verifyTenant(t.context());
            assertTrue(ok.entries() >= 10);
            assertEquals(Optional.empty(), ok.firstBroken());

            long victim;
            try (Connection c = TestServices.get().connect(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT id FROM " + Db.quote(t.schemaName()) + ".audit_log WHERE target = 'thing:4'");
                rs.next();
                victim = rs.getLong(1);
                s.executeUpdate("UPDATE " + Db.quote(t.schemaName()) + ".audit_log SET actor = 'someone-else' WHERE id = " + victim);
            }
            assertEquals(Optional.of(victim), audit.verifyTenant(t.context()).firstBroken());
        }
    }

    @Test
    void the_registrar_filters_the_log_and_verifies_it_through_the_api() throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant t = app.aTenant();
            app.bean(io.rollcheck.platform.tenancy.TenantAccounts.class).setPassword(t.context(), "admin", "registrar-pass-1");
            String host = t.slug() + ".localhost";
            String token = app.login(host, "admin", "registrar-pass-1");
            var list = app.get(host, "/api/admin/audit?action=auth.&limit=5", token);
            assertEquals(200, list.statusCode(), list.body());
            assertTrue(list.body().contains("\"action\":\"auth.signIn\""), list.body());
            assertTrue(!list.body().contains("account.") && !list.body().contains("test.action"));
            var verify = app.get(host, "/api/admin/audit/verify", token);
            assertTrue(verify.body().contains("\"intact\":true"), verify.body());
            try (Connection c = TestServices.get().connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + Db.quote(t.schemaName()) + ".audit_log SET detail = 'x' WHERE id = 1");
            }
            var broken = app.get(host, "/api/admin/audit/verify", token);
            assertTrue(broken.body().contains("\"intact\":false") && broken.body().contains("\"firstBrokenId\":1"), broken.body());
            // an ordinary student or another tenant's admin cannot read it
            Tenant other = app.aTenant();
            app.bean(io.rollcheck.platform.tenancy.TenantAccounts.class).setPassword(other.context(), "admin", "registrar-pass-1");
            String otherToken = app.login(other.slug() + ".localhost", "admin", "registrar-pass-1");
            int status = app.get(host, "/api/admin/audit", otherToken).statusCode();
            assertTrue(status == 401 || status == 403, "status " + status);
        }
    }

    @Test
    void deleting_an_entry_breaks_the_chain_at_the_next_one() throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant t = app.aTenant();
            AuditLog audit = app.bean(AuditLog.class);
            for (int i = 0; i < 5; i++) {
                audit.tenant(t.context(), "admin", "test.action", "del:" + i, null, null);
            }
            long next;
            try (Connection c = TestServices.get().connect(); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT id FROM " + Db.quote(t.schemaName()) + ".audit_log WHERE target IN ('del:2','del:3') ORDER BY id");
                rs.next();
                long gone = rs.getLong(1);
                rs.next();
                next = rs.getLong(1);
                s.executeUpdate("DELETE FROM " + Db.quote(t.schemaName()) + ".audit_log WHERE id = " + gone);
            }
            assertEquals(Optional.of(next), audit.verifyTenant(t.context()).firstBroken());
        }
    }
}
