package io.rollcheck.platform.security;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sign-in for every role, used by the API and the UI alike: throttled ({@link LoginGuard}), audited,
 * and never telling whether a user exists. Staff sign in with a password; a student's first sign-in
 * uses the 学号 and the tenant's initial secret (last 6 characters of the ID number, or the birth
 * date {@code yyyyMMdd}) and must then set a password.
 */
@Singleton
public class SignIn {

    /**
     * How recent a single sign-on must be to stand for re-authentication, for an account without a
     * password of its own (the API and the UI hold the same line).
     */
    public static final long SSO_FRESH_SECONDS = 600;

    /** What came of an attempt. */
    public sealed interface Outcome permits Signed, MustChangePassword, Refused {
    }

    public record Signed(Principal principal) implements Outcome {
    }

    /** Credentials were right, but the password has to be changed before anything else. */
    public record MustChangePassword(String username) implements Outcome {
    }

    /**
     * Refused: {@code bad_credentials}, {@code totp_required}, {@code account_locked} or {@code rate_limited};
     * the last two with the seconds to wait before a try is worth it.
     */
    public record Refused(String code, long retryAfterSeconds) implements Outcome {
        public Refused(String code) {
            this(code, 0);
        }

        /** The message to show: with the wait when there is one. */
        public String messageKey() {
            return retryAfterSeconds > 0 ? "problem." + code + ".wait" : "problem." + code;
        }
    }

    public static final String BAD_CREDENTIALS = "bad_credentials";
    public static final String TOTP_REQUIRED = "totp_required";

    private final Db db;
    private final Operators operators;
    private final PasswordHasher hasher;
    private final LoginGuard guard;
    private final AuditLog audit;
    private final Pii pii;
    private final Totp totp;
    private final TokenRevocation revocation;

    public SignIn(Db db, Operators operators, PasswordHasher hasher, LoginGuard guard, AuditLog audit, Pii pii, Totp totp,
                  TokenRevocation revocation) {
        this.revocation = revocation;
        this.totp = totp;
        this.db = db;
        this.operators = operators;
        this.hasher = hasher;
        this.guard = guard;
        this.audit = audit;
        this.pii = pii;
    }

    /** Platform operators, on the platform site. */
    public Outcome operator(String username, String password, String ip) {
        return operator(username, password, null, ip);
    }

    public Outcome operator(String username, String password, String totpCode, String ip) {
        String u = clean(username);
        Optional<LoginGuard.Wait> refused = guard.refusal("platform", u, ip);
        if (refused.isPresent()) {
            audit.platform(u, "auth.signInRefused", "operator", refused.get().code(), ip);
            return new Refused(refused.get().code(), refused.get().seconds());
        }
        Optional<String> ok = operators.authenticate(u, password);
        if (ok.isEmpty()) {
            guard.failed("platform", u, ip);
            audit.platform("anonymous", "auth.signInFailed", "operator", null, ip);
            return new Refused(BAD_CREDENTIALS);
        }
        Optional<Object[]> second = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT totp_enabled, totp_secret_enc, totp_last_step FROM operators WHERE username = ?")) {
                ps.setString(1, u);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1) ? Optional.of(new Object[]{rs.getBytes(2), rs.getObject(3, Long.class)})
                            : Optional.<Object[]>empty();
                }
            }
        });
        if (second.isPresent()) {
            if (totpCode == null || totpCode.isBlank()) {
                return new Refused(TOTP_REQUIRED);
            }
            String secret = pii.openPlatform("totp", (byte[]) second.get()[0]);
            var step = totp.verify(secret, totpCode, (Long) second.get()[1]);
            if (step.isEmpty() || db.platform(c -> update(c, "UPDATE operators SET totp_last_step = ? WHERE username = ?"
                    + " AND (totp_last_step IS NULL OR totp_last_step < ?)", step.getAsLong(), u, step.getAsLong())) == 0) {
                guard.failed("platform", u, ip);
                audit.platform(u, "auth.totpFailed", "operator", null, ip);
                return new Refused(BAD_CREDENTIALS);
            }
        }
        guard.succeeded("platform", u, ip);
        audit.platform(u, "auth.signIn", "operator", second.isPresent() ? "password+totp" : "password", ip);
        return new Signed(new Principal(ApiAuth.PLATFORM, 0, u, u, List.of(Roles.PLATFORM_OPERATOR), null));
    }

    /** Any user of a tenant, on that tenant's host. */
    public Outcome tenantUser(TenantContext tenant, String username, String password, String ip) {
        return tenantUser(tenant, username, password, null, ip);
    }

    public Outcome tenantUser(TenantContext tenant, String username, String password, String totpCode, String ip) {
        String u = clean(username);
        String scope = Long.toString(tenant.tenantId());
        Optional<LoginGuard.Wait> refused = guard.refusal(scope, u, ip);
        if (refused.isPresent()) {
            audit.tenant(tenant, u, "auth.signInRefused", "user", refused.get().code(), ip);
            return new Refused(refused.get().code(), refused.get().seconds());
        }
        Outcome o = check(tenant, u, password);
        if (o instanceof Signed signed) {
            o = secondFactor(tenant, signed, totpCode);
            if (o instanceof Refused r && TOTP_REQUIRED.equals(r.code())) {
                return o;
            }
        }
        if (o instanceof Refused) {
            guard.failed(scope, u, ip);
            audit.tenant(tenant, "anonymous", "auth.signInFailed", "user", null, ip);
        } else {
            guard.succeeded(scope, u, ip);
            audit.tenant(tenant, u, o instanceof Signed ? "auth.signIn" : "auth.initialSecretAccepted", "user",
                    "password", ip);
            if (o instanceof Signed) {
                db.tenant(tenant, c -> update(c, "UPDATE users SET last_login_at = now() WHERE username = ?", u));
            }
        }
        return o;
    }

    /**
     * Asks a signed-in user for his password again (and his TOTP code when he has one) before an act
     * that needs it, such as signing. Locked after repeated failures with a count of its own: other
     * people's failed sign-ins and the address's budget never hold back the session's holder. Empty
     * when he proved it, else the refusal (with the wait when locked).
     */
    public Optional<Refused> reauthenticate(TenantContext tenant, String username, String password, String totpCode,
                                            String ip) {
        String u = clean(username);
        String scope = Long.toString(tenant.tenantId());
        Optional<LoginGuard.Wait> refused = guard.reauthRefusal(scope, u);
        if (refused.isPresent()) {
            audit.tenant(tenant, u, "auth.reauthRefused", "user", refused.get().code(), ip);
            return Optional.of(new Refused(refused.get().code(), refused.get().seconds()));
        }
        Outcome o = check(tenant, u, password == null ? "" : password);
        if (o instanceof Signed signed) {
            o = secondFactor(tenant, signed, totpCode);
        }
        if (o instanceof Signed) {
            guard.reauthSucceeded(scope, u);
            audit.tenant(tenant, u, "auth.reauthenticated", "user", "password", ip);
            return Optional.empty();
        }
        if (o instanceof Refused r && TOTP_REQUIRED.equals(r.code())) {
            return Optional.of(r);
        }
        guard.reauthFailed(scope, u);
        audit.tenant(tenant, u, "auth.reauthFailed", "user", null, ip);
        return Optional.of(new Refused(BAD_CREDENTIALS));
    }

    /**
     * {@link #reauthenticate} for an API call: a missing or wrong password (or TOTP code) is a
     * validation error on that field; a lock is {@link TooManyAttempts}, with the wait.
     */
    public void requireReauthentication(TenantContext tenant, String username, String password, String totpCode,
                                        String ip) {
        if (password == null || password.isEmpty()) {
            throw io.rollcheck.platform.validation.ValidationFailed.of("password", "reauth.password.required");
        }
        reauthenticate(tenant, username, password, totpCode, ip).ifPresent(r -> {
            if (r.retryAfterSeconds() > 0) {
                throw new TooManyAttempts(r.code(), r.retryAfterSeconds());
            }
            boolean totp = TOTP_REQUIRED.equals(r.code());
            throw io.rollcheck.platform.validation.ValidationFailed.of(totp ? "totp" : "password",
                    totp ? "reauth.totp.required" : "reauth.password.wrong");
        });
    }

    /** True when the account has a password of its own (false: single sign-on only, or not set up yet). */
    public boolean hasPassword(TenantContext tenant, String username) {
        return db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash IS NOT NULL FROM users WHERE username = ?")) {
                ps.setString(1, clean(username));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /**
     * Sets a new password for a user who proves the current one (or, before the first change, the
     * initial secret). Throttled and audited like a sign-in.
     */
    public Outcome changePassword(TenantContext tenant, String username, String current, String newPassword, String ip) {
        return changePassword(tenant, username, current, newPassword, null, ip);
    }

    /**
     * The same with a TOTP code for accounts that have a second factor: it is checked before the
     * password changes (a signed-in user) or before the new password signs in (a forced change).
     */
    public Outcome changePassword(TenantContext tenant, String username, String current, String newPassword,
                                  String totpCode, String ip) {
        String u = clean(username);
        TenantAccounts.passwordProblem(newPassword).ifPresent(code -> {
            throw ValidationFailed.of("newPassword", code);
        });
        if (newPassword.equals(current)) {
            throw ValidationFailed.of("newPassword", "password.sameAsOld");
        }
        Outcome o = tenantUser(tenant, u, current, totpCode, ip);
        if (o instanceof Refused) {
            return o;
        }
        if (o instanceof MustChangePassword) {
            Optional<Long> id = db.tenant(tenant, c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM users WHERE username = ? AND totp_enabled")) {
                    ps.setString(1, u);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                    }
                }
            });
            if (id.isPresent()) {
                Outcome second = secondFactor(tenant, new Signed(new Principal(tenant.slug(), id.get(), u, u, List.of(), null)),
                        totpCode);
                if (second instanceof Refused) {
                    return second;
                }
            }
        }
        String hash = hasher.hash(newPassword);
        db.tenant(tenant, c -> update(c,
                "UPDATE users SET password_hash = ?, must_change_password = false, updated_at = now() WHERE username = ?",
                hash, u));
        revocation.revokeUser(tenant.slug(), u);
        audit.tenant(tenant, u, "auth.passwordChanged", "user:" + u, null, ip);
        return check(tenant, u, newPassword);
    }

    private Outcome secondFactor(TenantContext tenant, Signed signed, String code) {
        long userId = signed.principal().userId();
        Optional<Object[]> second = db.tenant(tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT totp_enabled, totp_secret_enc, totp_last_step FROM users WHERE id = ?")) {
                ps.setLong(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1) ? Optional.of(new Object[]{rs.getBytes(2), rs.getObject(3, Long.class)})
                            : Optional.<Object[]>empty();
                }
            }
        });
        if (second.isEmpty()) {
            return signed;
        }
        if (code == null || code.isBlank()) {
            return new Refused(TOTP_REQUIRED);
        }
        String secret = pii.open(tenant, "totp", (byte[]) second.get()[0]);
        var step = totp.verify(secret, code, (Long) second.get()[1]);
        if (step.isEmpty()) {
            return new Refused(BAD_CREDENTIALS);
        }
        int claimed = db.tenant(tenant, c -> update(c, "UPDATE users SET totp_last_step = ? WHERE id = ?"
                + " AND (totp_last_step IS NULL OR totp_last_step < ?)", step.getAsLong(), userId, step.getAsLong()));
        return claimed == 1 ? signed : new Refused(BAD_CREDENTIALS);
    }

    private Outcome check(TenantContext tenant, String username, String password) {
        Optional<Object[]> user = db.tenant(tenant, c -> loadUser(c, username));
        if (user.isPresent() && user.get()[4] != null && !(Boolean) user.get()[6]) {
            Object[] r = user.get();
            if (!hasher.verify(password, (String) r[4])) {
                return new Refused(BAD_CREDENTIALS);
            }
            if ((Boolean) r[5]) {
                return new MustChangePassword(username);
            }
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) r[3];
            return new Signed(new Principal(tenant.slug(), (Long) r[0], (String) r[1], (String) r[2], roles, (Long) r[7]));
        }
        // no password yet: a student's first sign-in with the initial secret
        hasher.burnEquivalentTime(password == null ? "" : password);
        if (user.isPresent() && (user.get()[6] == Boolean.TRUE)) {
            return new Refused(BAD_CREDENTIALS);
        }
        return initialSecret(tenant, username, password)
                .<Outcome>map(MustChangePassword::new)
                .orElse(new Refused(BAD_CREDENTIALS));
    }

    /** The 学号 when {@code secret} is the student's initial secret; creates the account on first use. */
    private Optional<String> initialSecret(TenantContext tenant, String studentNo, String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        return db.tenant(tenant, c -> {
            String mode = setting(c, "student.initialSecret").orElse("ID_LAST6");
            Long studentId = null;
            String expected = null;
            String name = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, id_number_enc, birth_date_enc FROM students WHERE student_no = ?")) {
                ps.setString(1, studentNo);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        studentId = rs.getLong(1);
                        name = rs.getString(2);
                        if ("BIRTH_DATE".equals(mode)) {
                            String birth = pii.open(tenant, "birth_date", rs.getBytes(4));
                            expected = birth == null ? null : birth.replace("-", "");
                        } else {
                            String id = pii.open(tenant, "id_number", rs.getBytes(3));
                            expected = id == null || id.length() < 6 ? null
                                    : id.substring(id.length() - 6).toUpperCase(Locale.ROOT);
                        }
                    }
                }
            }
            if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    secret.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
                return Optional.<String>empty();
            }
            try (PreparedStatement ins = c.prepareStatement(
                    "INSERT INTO users (username, display_name, roles, student_id, must_change_password)"
                            + " VALUES (?, ?, ARRAY['STUDENT'], ?, true) ON CONFLICT (username) DO NOTHING")) {
                ins.setString(1, studentNo);
                ins.setString(2, name);
                ins.setLong(3, studentId);
                ins.executeUpdate();
            }
            // a student who already set a password cannot fall back to the initial secret
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash IS NULL OR must_change_password FROM users WHERE username = ?")) {
                ps.setString(1, studentNo);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1) ? Optional.of(studentNo) : Optional.<String>empty();
                }
            }
        });
    }

    private static Optional<Object[]> loadUser(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, username, display_name, roles, password_hash, must_change_password, disabled, student_id"
                        + " FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3),
                        Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getBoolean(6),
                        rs.getBoolean(7), rs.getObject(8, Long.class)});
            }
        }
    }

    private static Optional<String> setting(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM tenant_settings WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static String clean(String username) {
        return username == null ? "" : username.strip();
    }
}
