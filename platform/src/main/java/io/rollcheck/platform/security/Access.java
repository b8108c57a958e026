package io.rollcheck.platform.security;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.NotFound;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Scope inside a tenant, decided in one place for the API and the UI: the registrar sees every
 * record; college staff their colleges; counselors and class monitors their classes; a student
 * only himself. Out of scope answers "not found", so that ids of others cannot be probed.
 */
@Singleton
public class Access {

    private final Db db;

    public Access(Db db) {
        this.db = db;
    }

    /** Fails with {@link NotFound} unless the principal may see this class. */
    public void requireClass(TenantContext t, Principal p, long classId) {
        if (!sameTenant(t, p)) {
            throw new NotFound("class");
        }
        if (p.has(Roles.TENANT_ADMIN)) {
            if (!db.tenant(t, c -> exists(c, "SELECT 1 FROM classes WHERE id = ? AND ? >= 0", classId, 0))) {
                throw new NotFound("class");
            }
            return;
        }
        boolean ok = db.tenant(t, c -> exists(c,
                "SELECT 1 FROM classes k JOIN user_scopes s ON (s.class_id = k.id OR s.college_id = k.college_id)"
                        + " JOIN users u ON u.id = s.user_id"
                        + " WHERE k.id = ? AND u.id = ? AND NOT u.disabled AND ("
                        + " (s.class_id IS NOT NULL AND u.roles && ARRAY['COUNSELOR','CLASS_MONITOR','COLLEGE_STAFF'])"
                        + " OR (s.college_id IS NOT NULL AND 'COLLEGE_STAFF' = ANY(u.roles)))", classId, p.userId()));
        if (!ok) {
            throw new NotFound("class");
        }
    }

    /** Fails with {@link NotFound} unless the principal is the registrar or college staff of this college. */
    public void requireCollege(TenantContext t, Principal p, long collegeId) {
        if (!sameTenant(t, p)) {
            throw new NotFound("college");
        }
        String sql = p.has(Roles.TENANT_ADMIN) ? "SELECT 1 FROM colleges WHERE id = ? AND ? >= 0"
                : "SELECT 1 FROM user_scopes s JOIN users u ON u.id = s.user_id WHERE s.college_id = ? AND u.id = ?"
                + " AND NOT u.disabled AND 'COLLEGE_STAFF' = ANY(u.roles)";
        if (!db.tenant(t, c -> exists(c, sql, collegeId, p.has(Roles.TENANT_ADMIN) ? 0 : p.userId()))) {
            throw new NotFound("college");
        }
    }

    /** Fails with {@link NotFound} unless the principal may see this student's record. */
    public void requireStudent(TenantContext t, Principal p, long studentId) {
        if (!sameTenant(t, p)) {
            throw new NotFound("student");
        }
        if (p.has(Roles.TENANT_ADMIN) || (p.studentId() != null && p.studentId() == studentId)) {
            return;
        }
        boolean ok = db.tenant(t, c -> exists(c,
                "SELECT 1 FROM students st JOIN user_scopes s ON (s.class_id = st.class_id OR s.college_id = st.college_id)"
                        + " JOIN users u ON u.id = s.user_id"
                        + " WHERE st.id = ? AND u.id = ? AND NOT u.disabled AND ("
                        + " (s.class_id IS NOT NULL AND u.roles && ARRAY['COUNSELOR','CLASS_MONITOR','COLLEGE_STAFF'])"
                        + " OR (s.college_id IS NOT NULL AND 'COLLEGE_STAFF' = ANY(u.roles)))", studentId, p.userId()));
        if (!ok) {
            throw new NotFound("student");
        }
    }

    /** Whether the principal sees personal values with the wider mask (registrar, college staff, self). */
    public boolean seesWide(Principal p, long studentId) {
        return mayReveal(p, studentId);
    }

    /** Who may ask for a personal value in clear (each reveal is audited by the caller). */
    public boolean mayReveal(Principal p, long studentId) {
        return p.has(Roles.TENANT_ADMIN) || p.has(Roles.COLLEGE_STAFF)
                || (p.studentId() != null && p.studentId() == studentId);
    }

    private static boolean sameTenant(TenantContext t, Principal p) {
        return t.slug().equals(p.tenant());
    }

    private static boolean exists(Connection c, String sql, long a, long b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
