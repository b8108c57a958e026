package io.rollcheck.platform.security;

import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The secret a student types at his first sign-in, chosen by the university: the last 6 characters
 * of the ID number, or the birth date as {@code yyyyMMdd}.
 */
@Singleton
public class InitialSecret {

    /** The choices. */
    @Serdeable
    public enum Mode { ID_LAST6, BIRTH_DATE }

    private static final String KEY = "student.initialSecret";

    private final Db db;
    private final AuditLog audit;

    public InitialSecret(Db db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    public Mode mode(TenantContext t) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM tenant_settings WHERE key = ?")) {
                ps.setString(1, KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && "BIRTH_DATE".equals(rs.getString(1)) ? Mode.BIRTH_DATE : Mode.ID_LAST6;
                }
            }
        });
    }

    public void set(TenantContext t, String actor, String mode) {
        Mode m;
        try {
            m = Mode.valueOf(mode == null ? "" : mode);
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.of("mode", "initialSecret.mode");
        }
        db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tenant_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
                ps.setString(1, KEY);
                ps.setString(2, m.name());
                ps.executeUpdate();
            }
            audit.append(c, actor, "config.initialSecretChanged", "settings", m.name(), null);
            return null;
        });
    }
}
