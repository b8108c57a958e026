package io.rollcheck.tenantadmin.signoff;

import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.security.Access;
import io.rollcheck.platform.security.Principal;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the sign-off screens need beside {@link SignOffs}: the classes and colleges a user's scope
 * holds, a nudge (an in-app message to every student of a class who has not signed yet) and the class
 * sheet PDF. Scope is checked here as in the API, so a screen cannot forget it.
 */
@Singleton
public class ClassDesk {

    /** A class or a college the user may open. {@code collegeId} is null for a college. */
    public record Unit(long id, String name, Long collegeId) {
    }

    private final Db db;
    private final Access access;
    private final AuditLog audit;
    private final ErrorReports reports;

    private final io.rollcheck.tenantadmin.selfcheck.StateCache states;

    public ClassDesk(Db db, Access access, AuditLog audit, ErrorReports reports, io.rollcheck.tenantadmin.selfcheck.StateCache states) {
        this.states = states;
        this.reports = reports;
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    /** The classes in the user's scope, by name: all for the registrar; own classes and own colleges' classes otherwise. */
    public List<Unit> classes(TenantContext t, Principal p) {
        String sql = p.has(Roles.TENANT_ADMIN)
                ? "SELECT k.id, k.name, k.college_id FROM classes k WHERE ? >= 0 ORDER BY k.name, k.id"
                : "SELECT DISTINCT k.id, k.name, k.college_id FROM classes k JOIN user_scopes s"
                + " ON (s.class_id = k.id OR (s.college_id = k.college_id AND s.class_id IS NULL)) JOIN users u ON u.id = s.user_id"
                + " WHERE u.id = ? AND NOT u.disabled AND ((s.class_id IS NOT NULL AND u.roles && ARRAY['COUNSELOR','CLASS_MONITOR','COLLEGE_STAFF'])"
                + " OR (s.college_id IS NOT NULL AND 'COLLEGE_STAFF' = ANY(u.roles))) ORDER BY k.name, k.id";
        return units(t, sql, p.has(Roles.TENANT_ADMIN) ? 0 : p.userId(), true);
    }

    /** The colleges in the user's scope: all for the registrar, own ones for college staff, none otherwise. */
    public List<Unit> colleges(TenantContext t, Principal p) {
        if (!p.has(Roles.TENANT_ADMIN) && !p.has(Roles.COLLEGE_STAFF)) {
            return List.of();
        }
        String sql = p.has(Roles.TENANT_ADMIN)
                ? "SELECT g.id, g.name_zh, NULL FROM colleges g WHERE ? >= 0 ORDER BY g.code, g.id"
                : "SELECT DISTINCT g.id, g.name_zh, NULL, g.code FROM colleges g JOIN user_scopes s ON s.college_id = g.id"
                + " JOIN users u ON u.id = s.user_id WHERE u.id = ? AND NOT u.disabled AND 'COLLEGE_STAFF' = ANY(u.roles)"
                + " ORDER BY g.code, g.id";
        return units(t, sql, p.has(Roles.TENANT_ADMIN) ? 0 : p.userId(), false);
    }

    /**
     * Sends an in-app message (kind {@code NUDGE}) to every student of the class who has not signed
     * the campaign's current version. Returns how many were nudged.
     */
    public int nudge(TenantContext t, Principal p, PublishedCampaign pc, long classId, String ip) {
        access.requireClass(t, p, classId);
        int n = db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO student_messages (student_id, kind)"
                    + " SELECT s.id, 'NUDGE' FROM students s WHERE s.class_id = ? AND NOT EXISTS (SELECT 1 FROM student_signatures g"
                    + " WHERE g.campaign_id = ? AND g.version = ? AND g.student_id = s.id)")) {
                ps.setLong(1, classId);
                ps.setLong(2, pc.campaignId());
                ps.setInt(3, pc.version());
                return ps.executeUpdate();
            }
        });
        if (n > 0) {
            states.invalidateTenant(t); // the nudged students see the message as unread
        }
        audit.tenant(t, p.username(), "class.nudge", "class:" + classId, "count=" + n, ip);
        return n;
    }

    /** The class's sign-off sheet (登记表) as a PDF. */
    public byte[] sheet(ClassRoll roll, Locale locale, ZoneId zone) {
        return ClassSheetPdf.render(roll, locale, zone);
    }

    /** 学院新生学籍信息有误学生名单: the college's live reports as XLSX (scope checked). */
    public byte[] collegeReportsXlsx(TenantContext t, Principal p, PublishedCampaign pc, long collegeId, Locale locale) {
        access.requireCollege(t, p, collegeId);
        return ReportsXlsx.write(reports.queue(t, pc.campaignId(), collegeId, null, true), locale);
    }

    private List<Unit> units(TenantContext t, String sql, long param, boolean withCollege) {
        return db.tenant(t, c -> {
            List<Unit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long college = rs.getLong(3);
                        out.add(new Unit(rs.getLong(1), rs.getString(2), withCollege && !rs.wasNull() ? college : null));
                    }
                }
            }
            return out;
        });
    }
}
