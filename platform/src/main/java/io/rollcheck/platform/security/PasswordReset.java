package io.rollcheck.platform.security;

import io.rollcheck.platform.digest.Sha256;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.notify.Mailer;
import io.rollcheck.platform.tenancy.PublicUrls;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Password reset by a one-time link sent over SMTP. The request answers the same whether or not
 * the account exists (or has an address); links live one hour and work once.
 */
@Singleton
public class PasswordReset {

    private static final Duration TTL = Duration.ofHours(1);

    private final Db db;
    private final Mailer mailer;
    private final PasswordHasher hasher;
    private final LoginGuard guard;
    private final AuditLog audit;
    private final PublicUrls urls;
    private final Clock clock;
    private final TokenRevocation revocation;

    public PasswordReset(Db db, Mailer mailer, PasswordHasher hasher, LoginGuard guard, AuditLog audit,
                         PublicUrls urls, Clock clock, TokenRevocation revocation) {
        this.revocation = revocation;
        this.db = db;
        this.mailer = mailer;
        this.hasher = hasher;
        this.guard = guard;
        this.audit = audit;
        this.urls = urls;
        this.clock = clock;
    }

    /** Sends a reset link to the account's address, if there is one. Returns false only when rate-limited. */
    public boolean request(Tenant tenant, String usernameOrEmail, Locale locale, String ip) {
        if (!guard.allow("reset", ip, 5)) {
            return false;
        }
        String key = usernameOrEmail == null ? "" : usernameOrEmail.strip();
        Optional<Object[]> user = db.tenant(tenant.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, username, email FROM users WHERE (username = ? OR lower(email) = lower(?))"
                            + " AND email IS NOT NULL AND NOT disabled LIMIT 1")) {
                ps.setString(1, key);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)})
                            : Optional.<Object[]>empty();
                }
            }
        });
        if (user.isEmpty()) {
            audit.tenant(tenant.context(), "anonymous", "auth.resetRequestedUnknown", null, null, ip);
            return true;
        }
        String token = Tokens.random(32);
        long userId = (Long) user.get()[0];
        db.tenant(tenant.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
                ps.setBytes(1, Sha256.of(token));
                ps.setLong(2, userId);
                ps.setTimestamp(3, Timestamp.from(clock.instant().plus(TTL)));
                return ps.executeUpdate();
            }
        });
        String link = urls.portal(tenant.slug()) + "/reset/" + token;
        String name = tenant.name(locale);
        mailer.send((String) user.get()[2], name, Messages.get(locale, "mail.reset.subject", name),
                Messages.get(locale, "mail.reset.body", name, link, 60));
        audit.tenant(tenant.context(), (String) user.get()[1], "auth.resetRequested", "user:" + user.get()[1], null, ip);
        return true;
    }

    /** Sets the new password if the link is live; spends it and every other open link of the account. */
    public void complete(Tenant tenant, String token, String newPassword, String ip) {
        TenantAccounts.passwordProblem(newPassword).ifPresent(code -> {
            throw ValidationFailed.of("newPassword", code);
        });
        String hash = hasher.hash(newPassword);
        Optional<String> username = db.tenant(tenant.context(), c -> {
            Long userId = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE password_resets SET used_at = now() WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?"
                            + " RETURNING user_id")) {
                ps.setBytes(1, Sha256.of(token == null ? "" : token));
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        userId = rs.getLong(1);
                    }
                }
            }
            if (userId == null) {
                return Optional.<String>empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE password_resets SET used_at = now() WHERE user_id = ? AND used_at IS NULL")) {
                ps.setLong(1, userId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET password_hash = ?, must_change_password = false, updated_at = now() WHERE id = ?"
                            + " RETURNING username")) {
                ps.setString(1, hash);
                ps.setLong(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(rs.getString(1));
                }
            }
        });
        String u = username.orElseThrow(() -> ValidationFailed.of("token", "reset.invalid"));
        guard.reset(Long.toString(tenant.id()), u);
        revocation.revokeUser(tenant.slug(), u);
        audit.tenant(tenant.context(), u, "auth.passwordReset", "user:" + u, null, ip);
    }
}
