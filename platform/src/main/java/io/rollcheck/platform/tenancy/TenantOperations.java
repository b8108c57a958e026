package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;

/** What an operator does to a provisioned tenant: suspend and resume. */
@Singleton
public class TenantOperations {

    private final Db db;
    private final TenantRegistry registry;
    private final AuditLog audit;

    public TenantOperations(Db db, TenantRegistry registry, AuditLog audit) {
        this.db = db;
        this.registry = registry;
        this.audit = audit;
    }

    public void suspend(String slug, String reason, String operator, String ip) {
        change(slug, "ACTIVE", "SUSPENDED", reason, operator, ip, "tenant.suspended");
    }

    public void resume(String slug, String operator, String ip) {
        change(slug, "SUSPENDED", "ACTIVE", null, operator, ip, "tenant.resumed");
    }

    private void change(String slug, String from, String to, String reason, String operator, String ip, String action) {
        if (!Slug.isValid(slug)) {
            throw new NotFound("tenant");
        }
        int n = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tenants SET status = ?, suspended_reason = ?, updated_at = now() WHERE slug = ? AND status = ?")) {
                ps.setString(1, to);
                ps.setString(2, reason);
                ps.setString(3, slug);
                ps.setString(4, from);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            boolean exists = registry.allUncached().stream().anyMatch(t -> t.slug().equals(slug));
            throw exists ? new Conflict("tenant.wrongStatus") : new NotFound("tenant");
        }
        registry.changed(slug);
        audit.platform(operator, action, "tenant:" + slug, null, ip);
    }
}
