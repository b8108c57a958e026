package io.rollcheck.platform.security;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * TOTP enrolment: {@link #begin} stores a new secret (sealed) as pending and returns it for the
 * authenticator app; {@link #confirm} makes it the active one once the app produced a right code.
 * An active second factor keeps working during a re-enrolment: starting one never switches it off.
 */
@Singleton
public class SecondFactor {

    /** What the authenticator app needs. */
    @io.micronaut.serde.annotation.Serdeable
    public record Enrollment(String secret, String uri) {
    }

    private final Db db;
    private final Pii pii;
    private final Totp totp;
    private final AuditLog audit;

    public SecondFactor(Db db, Pii pii, Totp totp, AuditLog audit) {
        this.db = db;
        this.pii = pii;
        this.totp = totp;
        this.audit = audit;
    }

    public Enrollment begin(TenantContext t, Principal p) {
        String secret = totp.newSecret();
        byte[] sealed = pii.seal(t, "totp", secret);
        db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET totp_pending_enc = ? WHERE id = ?")) {
                ps.setBytes(1, sealed);
                ps.setLong(2, p.userId());
                return ps.executeUpdate();
            }
        });
        audit.tenant(t, p.username(), "auth.totpEnrolmentStarted", "user:" + p.username(), null, null);
        return new Enrollment(secret, totp.uri("Rollcheck " + t.slug(), p.username(), secret));
    }

    public void confirm(TenantContext t, Principal p, String code) {
        byte[] sealed = db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_pending_enc FROM users WHERE id = ?")) {
                ps.setLong(1, p.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            throw ValidationFailed.of("code", "totp.notStarted");
        }
        var step = totp.verify(pii.open(t, "totp", sealed), code, null);
        if (step.isEmpty()) {
            throw ValidationFailed.of("code", "totp.invalid");
        }
        db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET totp_secret_enc = totp_pending_enc, totp_pending_enc = NULL, totp_enabled = true,"
                            + " totp_last_step = ? WHERE id = ?")) {
                ps.setLong(1, step.getAsLong());
                ps.setLong(2, p.userId());
                return ps.executeUpdate();
            }
        });
        audit.tenant(t, p.username(), "auth.totpEnabled", "user:" + p.username(), null, null);
    }

    /** Whether the user's second factor is on. */
    public boolean enabled(TenantContext t, Principal p) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_enabled FROM users WHERE id = ?")) {
                ps.setLong(1, p.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** Operators: the same on the platform schema, sealed under the platform's data key. */
    public Enrollment beginOperator(String username) {
        String secret = totp.newSecret();
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operators SET totp_pending_enc = ? WHERE username = ?")) {
                ps.setBytes(1, pii.sealPlatform("totp", secret));
                ps.setString(2, username);
                return ps.executeUpdate();
            }
        });
        audit.platform(username, "auth.totpEnrolmentStarted", "operator:" + username, null, null);
        return new Enrollment(secret, totp.uri("Rollcheck platform", username, secret));
    }

    public void confirmOperator(String username, String code) {
        byte[] sealed = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT totp_pending_enc FROM operators WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
        if (sealed == null) {
            throw ValidationFailed.of("code", "totp.notStarted");
        }
        var step = totp.verify(pii.openPlatform("totp", sealed), code, null);
        if (step.isEmpty()) {
            throw ValidationFailed.of("code", "totp.invalid");
        }
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE operators SET totp_secret_enc = totp_pending_enc, totp_pending_enc = NULL, totp_enabled = true,"
                            + " totp_last_step = ? WHERE username = ?")) {
                ps.setLong(1, step.getAsLong());
                ps.setString(2, username);
                return ps.executeUpdate();
            }
        });
        audit.platform(username, "auth.totpEnabled", "operator:" + username, null, null);
    }
}
