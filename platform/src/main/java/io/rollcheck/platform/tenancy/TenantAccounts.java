package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.digest.Sha256;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.security.PasswordHasher;
import io.rollcheck.platform.security.TokenRevocation;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Accounts inside a tenant schema: the registrar's first password through the one-time setup link,
 * and password sign-in. (Roles beyond the registrar, lockout and SSO come with the identity work.)
 */
@Singleton
public class TenantAccounts {

    /** A signed-in tenant user. */
    public record Account(long id, String username, String displayName, List<String> roles) {
    }

    private final Db db;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenRevocation revocation;

    public TenantAccounts(Db db, PasswordHasher hasher, AuditLog audit, Clock clock, TokenRevocation revocation) {
        this.revocation = revocation;
        this.db = db;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    /** Minimal policy until the identity work brings the full one: 10+ characters, not all one kind. */
    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < 10) {
            return Optional.of("password.tooShort");
        }
        if (password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
            return Optional.of("password.tooSimple");
        }
        return Optional.empty();
    }

    /** True when the token is a live setup link of this tenant. */
    public boolean setupTokenValid(TenantContext tenant, String token) {
        return db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM users WHERE setup_token_hash = ? AND setup_expires_at > ?")) {
                ps.setBytes(1, Sha256.of(token));
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Sets the password of the account the setup link belongs to, and spends the link. */
    public String completeSetup(TenantContext tenant, String token, String password, String ip) {
        passwordProblem(password).ifPresent(code -> {
            throw ValidationFailed.of("password", code);
        });
        String hash = hasher.hash(password);
        Optional<String> user = db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, setup_token_hash = NULL, setup_expires_at = NULL, updated_at = now()"
                            + " WHERE setup_token_hash = ? AND setup_expires_at > ? RETURNING username")) {
                ps.setString(1, hash);
                ps.setBytes(2, Sha256.of(token));
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        String username = user.orElseThrow(() -> ValidationFailed.of("token", "setup.invalid"));
        revocation.revokeUser(tenant.slug(), username);
        audit.tenant(tenant, username, "account.setupCompleted", "user:" + username, null, ip);
        return username;
    }

    /** Password sign-in inside the tenant; the same cost and answer whether or not the user exists. */
    public Optional<Account> authenticate(TenantContext tenant, String username, String password) {
        Optional<Object[]> row = db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, username, display_name, roles, password_hash FROM users WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Object[]>empty();
                    }
                    return Optional.of(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3),
                            Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5)});
                }
            }
        });
        if (row.isEmpty() || row.get()[4] == null) {
            hasher.burnEquivalentTime(password == null ? "" : password);
            return Optional.empty();
        }
        Object[] r = row.get();
        if (!hasher.verify(password, (String) r[4])) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) r[3];
        return Optional.of(new Account((Long) r[0], (String) r[1], (String) r[2], roles));
    }

    /** Sets a password directly (demo data and tests); the user's tokens issued before are revoked. */
    public void setPassword(TenantContext tenant, String username, String password) {
        String hash = hasher.hash(password);
        int changed = db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, setup_token_hash = NULL, setup_expires_at = NULL WHERE username = ?")) {
                ps.setString(1, hash);
                ps.setString(2, username);
                return ps.executeUpdate();
            }
        });
        if (changed > 0) {
            revocation.revokeUser(tenant.slug(), username);
        }
    }
}
