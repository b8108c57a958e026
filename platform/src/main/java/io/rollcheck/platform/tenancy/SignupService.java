package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.DataAccessException;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * University sign-up: validates every field (all problems at once), checks that the slug and names
 * are free, and records the request for an operator. A refused sign-up writes nothing.
 */
@Singleton
public class SignupService {

    private final Db db;
    private final AuditLog audit;

    public SignupService(Db db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Stores the sign-up and returns its id, or throws {@link ValidationFailed} having stored nothing. */
    public long submit(SignupRequest raw, String ip) {
        SignupRequest r = normalise(raw);
        List<FieldError> errors = check(r);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        long id;
        try {
            id = db.platform(c -> {
                List<FieldError> taken = taken(c, r);
                if (!taken.isEmpty()) {
                    throw new ValidationFailed(taken);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO signups (name_zh, name_en, slug, contact_name, email, phone, note) "
                                + "VALUES (?,?,?,?,?,?,?) RETURNING id")) {
                    ps.setString(1, r.nameZh());
                    ps.setString(2, r.nameEn());
                    ps.setString(3, r.slug());
                    ps.setString(4, r.contactName());
                    ps.setString(5, r.email());
                    ps.setString(6, r.phone());
                    ps.setString(7, r.note());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                // lost a race with an identical sign-up: report it as taken, like the check above
                throw ValidationFailed.of("slug", "slug.taken");
            }
            throw e;
        }
        audit.platform("anonymous", "signup.submitted", "signup:" + id, "slug=" + r.slug(), ip);
        return id;
    }

    static SignupRequest normalise(SignupRequest r) {
        return new SignupRequest(strip(r.nameZh()), strip(r.nameEn()), Slug.normalise(r.slug()),
                strip(r.contactName()), strip(r.email()), strip(r.phone()), strip(r.note()));
    }

    /** Field checks that need no database. */
    public static List<FieldError> check(SignupRequest r) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "nameZh", r.nameZh(), 2, 100);
        text(errors, "nameEn", r.nameEn(), 2, 150);
        Slug.problem(r.slug()).ifPresent(code -> errors.add(new FieldError("slug", code)));
        text(errors, "contactName", r.contactName(), 1, 60);
        if (blank(r.email())) {
            errors.add(new FieldError("email", "email.required"));
        } else if (!ContactRules.isEmail(r.email())) {
            errors.add(new FieldError("email", "email.format"));
        }
        if (blank(r.phone())) {
            errors.add(new FieldError("phone", "phone.required"));
        } else if (!ContactRules.isPhone(r.phone())) {
            errors.add(new FieldError("phone", "phone.format"));
        }
        if (r.note() != null && (r.note().length() > 1000 || !ContactRules.isPlainText(r.note(), true))) {
            errors.add(new FieldError("note", "note.tooLong"));
        }
        return errors;
    }

    private static List<FieldError> taken(Connection c, SignupRequest r) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        if (exists(c, "SELECT 1 FROM tenants WHERE slug = ? UNION ALL SELECT 1 FROM signups WHERE slug = ? AND status <> 'REJECTED'", r.slug())) {
            errors.add(new FieldError("slug", "slug.taken"));
        }
        if (exists(c, "SELECT 1 FROM tenants WHERE lower(name_zh) = lower(?) UNION ALL SELECT 1 FROM signups WHERE lower(name_zh) = lower(?) AND status <> 'REJECTED'", r.nameZh())) {
            errors.add(new FieldError("nameZh", "name.taken"));
        }
        if (exists(c, "SELECT 1 FROM tenants WHERE lower(name_en) = lower(?) UNION ALL SELECT 1 FROM signups WHERE lower(name_en) = lower(?) AND status <> 'REJECTED'", r.nameEn())) {
            errors.add(new FieldError("nameEn", "name.taken"));
        }
        return errors;
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int min, int max) {
        if (blank(value)) {
            errors.add(new FieldError(field, field + ".required"));
        } else if (value.codePointCount(0, value.length()) < min || value.codePointCount(0, value.length()) > max
                || !ContactRules.isPlainText(value, false)) {
            errors.add(new FieldError(field, field + ".length"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** Sign-ups for the operator, newest first; {@code status} null for all. */
    public List<Signup> list(String status) {
        return db.platform(c -> {
            String sql = "SELECT id, name_zh, name_en, slug, contact_name, email, phone, note, status, reject_reason,"
                    + " tenant_id, created_at FROM signups" + (status == null ? "" : " WHERE status = ?")
                    + " ORDER BY id DESC LIMIT 500";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (status != null) {
                    ps.setString(1, status);
                }
                List<Signup> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Signup(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"),
                                rs.getString("slug"), rs.getString("contact_name"), rs.getString("email"),
                                rs.getString("phone"), rs.getString("note"), rs.getString("status"),
                                rs.getString("reject_reason"), rs.getObject("tenant_id", Long.class),
                                rs.getTimestamp("created_at").toInstant()));
                    }
                }
                return out;
            }
        });
    }
}
