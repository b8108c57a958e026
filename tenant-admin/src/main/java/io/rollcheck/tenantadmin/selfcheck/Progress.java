package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.record.RecordValues;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The completion counters per campaign and class ({@code class_progress}) and signatures per day
 * ({@code progress_daily}). Student writes bump them inside their own transaction, under the
 * student's row lock, so a counter moves exactly when its fact commits. {@link #rebuild} recounts a
 * campaign from the facts (after a publish or a roster import) under an exclusive table lock: writers
 * that already updated a counter finish first, later ones wait, and the recount sees every committed
 * fact — no increment is lost or counted twice.
 */
@Singleton
public class Progress {

    /** The first answer of a student in a campaign. */
    void started(Connection c, long campaignId, RecordValues.Record r) throws SQLException {
        bump(c, campaignId, r, "started", 1);
    }

    /** A signature of the campaign's current version, on {@code day} in the campaign's zone. */
    void signed(Connection c, long campaignId, RecordValues.Record r, LocalDate day) throws SQLException {
        // both counters in one statement: one round trip while their rows are locked
        try (PreparedStatement ps = c.prepareStatement("WITH k AS (INSERT INTO class_progress (campaign_id, class_id, college_id,"
                + " signed) VALUES (?,?,?,1) ON CONFLICT (campaign_id, class_id) DO UPDATE SET signed = class_progress.signed + 1,"
                + " updated_at = now() RETURNING 1)"
                + " INSERT INTO progress_daily (campaign_id, day, signed) SELECT ?, ?, 1 FROM k"
                + " ON CONFLICT (campaign_id, day) DO UPDATE SET signed = progress_daily.signed + 1")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, r.classId() == null ? 0 : r.classId());
            ps.setObject(3, r.collegeId());
            ps.setLong(4, campaignId);
            ps.setObject(5, day);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("progress counters not bumped");
            }
        }
    }

    /** A live report opened (+1) or settled (-1). */
    void reports(Connection c, long campaignId, Long classId, Long collegeId, int delta) throws SQLException {
        bump(c, campaignId, classId, collegeId, "reports_open", delta);
    }

    private void bump(Connection c, long campaignId, RecordValues.Record r, String column, int delta) throws SQLException {
        bump(c, campaignId, r.classId(), r.collegeId(), column, delta);
    }

    private void bump(Connection c, long campaignId, Long classId, Long collegeId, String column, int delta)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO class_progress (campaign_id, class_id, college_id, "
                + column + ") VALUES (?,?,?,?) ON CONFLICT (campaign_id, class_id) DO UPDATE SET " + column
                + " = class_progress." + column + " + EXCLUDED." + column + ", updated_at = now()")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, classId == null ? 0 : classId);
            ps.setObject(3, collegeId);
            ps.setInt(4, delta);
            ps.executeUpdate();
        }
    }

    /** Recounts one campaign's counters from the facts (students in its audience, answers, signatures, reports). */
    public void rebuild(Connection c, PublishedCampaign pc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("LOCK TABLE class_progress IN EXCLUSIVE MODE")) {
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM class_progress WHERE campaign_id = ?")) {
            ps.setLong(1, pc.campaignId());
            ps.executeUpdate();
        }
        CampaignContent.Audience a = pc.content().audience();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO class_progress (campaign_id, class_id, college_id,"
                + " students, started, signed, reports_open)"
                + " SELECT ?, coalesce(s.class_id, 0), max(s.college_id), count(*),"
                + " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM field_checks f WHERE f.campaign_id = ? AND f.student_id = s.id)),"
                + " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM student_signatures g WHERE g.campaign_id = ? AND g.version = ?"
                + "   AND g.student_id = s.id)),"
                + " coalesce(sum((SELECT count(*) FROM error_reports e WHERE e.campaign_id = ? AND e.student_id = s.id"
                + "   AND e.status IN ('OPEN', 'FORWARDED', 'RETURNED'))), 0)"
                + " FROM students s WHERE " + AUDIENCE
                + " GROUP BY coalesce(s.class_id, 0)")) {
            int i = 1;
            ps.setLong(i++, pc.campaignId());
            ps.setLong(i++, pc.campaignId());
            ps.setLong(i++, pc.campaignId());
            ps.setInt(i++, pc.version());
            ps.setLong(i++, pc.campaignId());
            bindAudience(c, ps, i, a);
            ps.executeUpdate();
        }
    }

    /**
     * The campaign's audience as SQL over {@code students s} (the same rule as
     * {@link CampaignWindow#includes}); bind with {@link #bindAudience}.
     */
    public static final String AUDIENCE = "(?::int IS NULL OR s.admission_year IS NULL OR s.admission_year = ?::int)"
            + " AND (cardinality(?::text[]) = 0 OR s.level IS NULL OR s.level = ANY(?::text[]))"
            + " AND NOT (coalesce(s.level, '') = ANY(?::text[]) OR coalesce(s.study_mode, '') = ANY(?::text[])"
            + "   OR coalesce(s.category, '') = ANY(?::text[]) OR coalesce(s.class_name, '') = ANY(?::text[]))";

    /** Binds {@link #AUDIENCE}'s 8 parameters from {@code index}; returns the next index. */
    public static int bindAudience(Connection c, PreparedStatement ps, int index, CampaignContent.Audience a)
            throws SQLException {
        List<String> levels = a == null || a.levels() == null ? List.of() : a.levels();
        List<String> excluded = a == null || a.excludedGroups() == null ? List.of() : a.excludedGroups();
        Integer cohort = a == null ? null : a.cohort();
        java.sql.Array lv = c.createArrayOf("text", levels.toArray());
        java.sql.Array ex = c.createArrayOf("text", excluded.toArray());
        int i = index;
        ps.setObject(i++, cohort);
        ps.setObject(i++, cohort);
        ps.setArray(i++, lv);
        ps.setArray(i++, lv);
        for (int k = 0; k < 4; k++) {
            ps.setArray(i++, ex);
        }
        return i;
    }

    /** Day of {@code at} in the campaign's zone. */
    static LocalDate day(Instant at, CampaignContent.Deadlines d) {
        return at.atZone(CampaignWindow.zone(d)).toLocalDate();
    }
}
