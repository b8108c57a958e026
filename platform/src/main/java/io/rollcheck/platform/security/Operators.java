package io.rollcheck.platform.security;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Platform operator accounts (platform schema): bootstrap and password sign-in. */
@Singleton
public class Operators {

    public static final String BOOTSTRAP_USERNAME = "operator";

    private final Db db;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public Operators(Db db, PasswordHasher hasher, AuditLog audit) {
        this.db = db;
        this.hasher = hasher;
        this.audit = audit;
    }

    /**
     * Creates {@code operator} when no operator exists. Uses {@code configuredPassword} when given;
     * otherwise generates one and returns it so that it can be printed once.
     */
    public Optional<String> bootstrap(String configuredPassword) {
        boolean any = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM operators LIMIT 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (any) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? Tokens.password() : configuredPassword;
        String hash = hasher.hash(password);
        int inserted = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO operators (username, password_hash) VALUES (?, ?) ON CONFLICT (username) DO NOTHING")) {
                ps.setString(1, BOOTSTRAP_USERNAME);
                ps.setString(2, hash);
                return ps.executeUpdate();
            }
        });
        if (inserted == 1) {
            audit.platform("system", "operator.bootstrap", BOOTSTRAP_USERNAME, null, null);
        }
        return inserted == 1 && generated ? Optional.of(password) : Optional.empty();
    }

    /** The operator's username when the password matches; costs the same time when the user is unknown. */
    public Optional<String> authenticate(String username, String password) {
        Optional<String> hash = db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM operators WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        if (hash.isEmpty()) {
            hasher.burnEquivalentTime(password == null ? "" : password);
            return Optional.empty();
        }
        if (!hasher.verify(password, hash.get())) {
            return Optional.empty();
        }
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE operators SET last_login_at = now() WHERE username = ?")) {
                ps.setString(1, username);
                return ps.executeUpdate();
            }
        });
        return Optional.of(username);
    }

    /** Sets a password (tests and the reset command). */
    public void setPassword(String username, String password) {
        String hash = hasher.hash(password);
        db.platform(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO operators (username, password_hash) VALUES (?, ?) "
                            + "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash")) {
                ps.setString(1, username);
                ps.setString(2, hash);
                return ps.executeUpdate();
            }
        });
    }
}
