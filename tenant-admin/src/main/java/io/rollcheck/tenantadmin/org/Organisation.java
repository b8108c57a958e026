package io.rollcheck.tenantadmin.org;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.DataAccessException;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.security.Tokens;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A university's structure: colleges, majors, classes, and staff accounts with their roles and
 * scopes (college staff → colleges; counselors and class monitors → classes). New staff get a
 * one-time setup link instead of a password.
 */
@Singleton
public class Organisation {

    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{1,32}$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._-]{2,32}$");
    private static final Set<String> STAFF_ROLES = Set.of(Roles.TENANT_ADMIN, Roles.COLLEGE_STAFF, Roles.COUNSELOR);
    private static final Duration SETUP_TTL = Duration.ofDays(7);

    @Serdeable
    public record College(long id, String code, String nameZh, @Nullable String nameEn) {
    }

    @Serdeable
    public record SchoolClass(long id, long collegeId, String code, String name, @Nullable Integer cohort,
                              @Nullable String level) {
    }

    @Serdeable
    public record Major(long id, @Nullable Long collegeId, String name) {
    }

    @Serdeable
    public record Staff(long id, String username, String displayName, @Nullable String email, List<String> roles,
                        List<Long> collegeIds, List<Long> classIds) {
    }

    /** A new account and the token of its one-time setup link. */
    @Serdeable
    public record NewAccount(long id, String setupToken) {
    }

    private final Db db;
    private final AuditLog audit;
    private final Clock clock;

    public Organisation(Db db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public long addCollege(TenantContext t, String actor, String code, String nameZh, String nameEn) {
        List<FieldError> e = new ArrayList<>();
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            e.add(new FieldError("code", "org.code"));
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 100) {
            e.add(new FieldError("nameZh", "org.name"));
        }
        if (!e.isEmpty()) {
            throw new ValidationFailed(e);
        }
        return insert(t, actor, "org.collegeAdded", "code",
                "INSERT INTO colleges (code, name_zh, name_en) VALUES (?, ?, ?) RETURNING id",
                code.strip(), nameZh.strip(), nameEn == null ? null : nameEn.strip());
    }

    public long addClass(TenantContext t, String actor, long collegeId, String code, String name, Integer cohort, String level) {
        List<FieldError> e = new ArrayList<>();
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            e.add(new FieldError("code", "org.code"));
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            e.add(new FieldError("name", "org.name"));
        }
        if (cohort != null && (cohort < 1990 || cohort > 2100)) {
            e.add(new FieldError("cohort", "org.cohort"));
        }
        if (!e.isEmpty()) {
            throw new ValidationFailed(e);
        }
        requireExists(t, "colleges", collegeId, "collegeId");
        return insert(t, actor, "org.classAdded", "code",
                "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (?, ?, ?, ?, ?) RETURNING id",
                collegeId, code.strip(), name.strip(), cohort, level);
    }

    public long addMajor(TenantContext t, String actor, Long collegeId, String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ValidationFailed.of("name", "org.name");
        }
        if (collegeId != null) {
            requireExists(t, "colleges", collegeId, "collegeId");
        }
        return insert(t, actor, "org.majorAdded", "name", "INSERT INTO majors (college_id, name) VALUES (?, ?) RETURNING id",
                collegeId, name.strip());
    }

    public List<College> colleges(TenantContext t) {
        return db.tenant(t, c -> {
            List<College> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, code, name_zh, name_en FROM colleges ORDER BY code");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new College(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    public List<SchoolClass> classes(TenantContext t, Long collegeId) {
        return db.tenant(t, c -> {
            List<SchoolClass> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, college_id, code, name, cohort, level FROM classes"
                    + (collegeId == null ? "" : " WHERE college_id = ?") + " ORDER BY code")) {
                if (collegeId != null) {
                    ps.setLong(1, collegeId);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SchoolClass(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, Integer.class), rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    public List<Major> majors(TenantContext t) {
        return db.tenant(t, c -> {
            List<Major> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, college_id, name FROM majors ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Major(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** A staff account with roles and scopes; returns it with a one-time setup link token. */
    public NewAccount addStaff(TenantContext t, String actor, String username, String displayName, String email,
                               List<String> roles, List<Long> collegeIds, List<Long> classIds) {
        checkStaff(username, displayName, email, roles, collegeIds, classIds);
        List<Long> colleges = collegeIds == null ? List.of() : collegeIds;
        List<Long> classes = classIds == null ? List.of() : classIds;
        colleges.forEach(id -> requireExists(t, "colleges", id, "collegeIds"));
        classes.forEach(id -> requireExists(t, "classes", id, "classIds"));
        try {
            return db.tenant(t, c -> addStaff(c, t, actor, username, displayName, email, roles, colleges, classes));
        } catch (DataAccessException ex) {
            if (ex.isUniqueViolation()) {
                throw ValidationFailed.of("username", "org.usernameTaken");
            }
            throw ex;
        }
    }

    /** The field checks of a staff account (the form, the API and the import use the same). */
    static void checkStaff(String username, String displayName, String email, List<String> roles, List<Long> collegeIds,
                           List<Long> classIds) {
        List<FieldError> e = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            e.add(new FieldError("username", "org.username"));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 60) {
            e.add(new FieldError("displayName", "org.name"));
        }
        if (email != null && !email.isBlank() && !ContactRules.isEmail(email.strip())) {
            e.add(new FieldError("email", "email.format"));
        }
        if (roles == null || roles.isEmpty() || !STAFF_ROLES.containsAll(roles)) {
            e.add(new FieldError("roles", "org.roles"));
        }
        List<Long> colleges = collegeIds == null ? List.of() : collegeIds;
        List<Long> classes = classIds == null ? List.of() : classIds;
        if (roles != null && roles.contains(Roles.COLLEGE_STAFF) && colleges.isEmpty()) {
            e.add(new FieldError("collegeIds", "org.scopeMissing"));
        }
        if (roles != null && roles.contains(Roles.COUNSELOR) && classes.isEmpty()) {
            e.add(new FieldError("classIds", "org.scopeMissing"));
        }
        if (!e.isEmpty()) {
            throw new ValidationFailed(e);
        }
    }

    /** Inserts a checked staff account in the caller's transaction. */
    NewAccount addStaff(Connection c, TenantContext t, String actor, String username, String displayName, String email,
                        List<String> roles, List<Long> colleges, List<Long> classes) throws SQLException {
        String token = Tokens.random(32);
        long uid;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, display_name, email, roles, setup_token_hash, setup_expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, username.strip());
            ps.setString(2, displayName.strip());
            ps.setString(3, email == null || email.isBlank() ? null : email.strip());
            ps.setArray(4, c.createArrayOf("text", roles.toArray()));
            ps.setBytes(5, Sha256.of(token));
            ps.setTimestamp(6, Timestamp.from(clock.instant().plus(SETUP_TTL)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                uid = rs.getLong(1);
            }
        }
        scopes(c, uid, colleges, classes);
        audit.append(c, actor, "org.staffAdded", "user:" + username.strip(), "roles=" + roles, null);
        return new NewAccount(uid, token);
    }

    public List<Staff> staff(TenantContext t) {
        return db.tenant(t, c -> {
            List<Staff> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT u.id, u.username, u.display_name, u.email, u.roles,"
                            + " coalesce(array_agg(s.college_id) FILTER (WHERE s.college_id IS NOT NULL), '{}'),"
                            + " coalesce(array_agg(s.class_id) FILTER (WHERE s.class_id IS NOT NULL), '{}')"
                            + " FROM users u LEFT JOIN user_scopes s ON s.user_id = u.id"
                            + " WHERE u.roles && ARRAY['TENANT_ADMIN','COLLEGE_STAFF','COUNSELOR','CLASS_MONITOR']"
                            + " GROUP BY u.id ORDER BY u.username");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Staff(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            List.of((String[]) rs.getArray(5).getArray()), List.of((Long[]) rs.getArray(6).getArray()),
                            List.of((Long[]) rs.getArray(7).getArray())));
                }
            }
            return out;
        });
    }

    /**
     * Makes the student with this 学号 the class monitor (汇总人) of the class: his account gets the
     * CLASS_MONITOR role with the class as scope (created if he has not signed in yet).
     */
    public void assignMonitor(TenantContext t, String actor, long classId, String studentNo) {
        requireExists(t, "classes", classId, "classId");
        db.tenant(t, c -> {
            Long studentId = null;
            String name = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM students WHERE student_no = ? AND class_id = ?")) {
                ps.setString(1, studentNo);
                ps.setLong(2, classId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        studentId = rs.getLong(1);
                        name = rs.getString(2);
                    }
                }
            }
            if (studentId == null) {
                throw ValidationFailed.of("studentNo", "org.notInClass");
            }
            long uid;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO users (username, display_name, roles, student_id, must_change_password)"
                            + " VALUES (?, ?, ARRAY['STUDENT','CLASS_MONITOR'], ?, false)"
                            + " ON CONFLICT (username) DO UPDATE SET roles = (SELECT array_agg(DISTINCT r) FROM"
                            + " unnest(users.roles || ARRAY['CLASS_MONITOR']) r) RETURNING id")) {
                ps.setString(1, studentNo);
                ps.setString(2, name);
                ps.setLong(3, studentId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    uid = rs.getLong(1);
                }
            }
            scopes(c, uid, List.of(), List.of(classId));
            audit.append(c, actor, "org.monitorAssigned", "class:" + classId, "student=" + studentNo, null);
            return null;
        });
    }

    private static void scopes(Connection c, long userId, List<Long> colleges, List<Long> classes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO user_scopes (user_id, college_id, class_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Long id : colleges) {
                ps.setLong(1, userId);
                ps.setLong(2, id);
                ps.setObject(3, null);
                ps.addBatch();
            }
            for (Long id : classes) {
                ps.setLong(1, userId);
                ps.setObject(2, null);
                ps.setLong(3, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void requireExists(TenantContext t, String table, long id, String field) {
        boolean ok = db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!ok) {
            throw ValidationFailed.of(field, "org.unknown");
        }
    }

    private long insert(TenantContext t, String actor, String action, String uniqueField, String sql, Object... args) {
        try {
            return db.tenant(t, c -> {
                long id;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < args.length; i++) {
                        ps.setObject(i + 1, args[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                audit.append(c, actor, action, action.substring(4) + ":" + id, String.valueOf(args[args.length > 1 ? 1 : 0]), null);
                return id;
            });
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw ValidationFailed.of(uniqueField, "org.taken");
            }
            throw e;
        }
    }
}
