package io.rollcheck.tenantadmin.signoff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.selfcheck.CampaignWindow;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registrar's cockpit figures, read from the maintained counters ({@code class_progress},
 * {@code progress_daily}) and the sign-offs — never a count over the students on a page view.
 */
@Singleton
public class CampaignProgress {

    /** Completion of one unit (the campaign, a college, a class, a level). 核查率 = signed / students. */
    @Serdeable
    public record Unit(long id, String name, int students, int started, int signed, int reportsOpen, double rate,
                       @Nullable String signedOffAt, boolean overdue) {
    }

    @Serdeable
    public record Day(LocalDate day, int signed, int cumulative, double rate) {
    }

    @Serdeable
    public record View(long campaignId, String name, int version, Unit total, List<Unit> colleges, List<Unit> classes,
                       List<Unit> levels, List<Day> trend, Map<String, Integer> reportsByField, List<Unit> overdueClasses,
                       List<Unit> overdueColleges) {
    }

    private final Db db;
    private final Clock clock;

    public CampaignProgress(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public View view(TenantContext t, PublishedCampaign pc) {
        Instant now = clock.instant();
        CampaignContent.WorkflowStep classStep = SignOffs.step(pc, CampaignContent.SignLevel.CLASS_MONITOR);
        CampaignContent.WorkflowStep collegeStep = SignOffs.step(pc, CampaignContent.SignLevel.COLLEGE);
        boolean classLate = late(classStep, pc, now);
        boolean collegeLate = late(collegeStep, pc, now);
        return db.tenant(t, c -> {
            List<Unit> classes = new ArrayList<>();
            Map<Long, int[]> colleges = new LinkedHashMap<>();
            Map<Long, String> collegeNames = new java.util.HashMap<>();
            Map<String, int[]> levels = new LinkedHashMap<>();
            int[] total = new int[4];
            try (PreparedStatement ps = c.prepareStatement("SELECT p.class_id, coalesce(k.name, '—'), p.college_id, g.name_zh,"
                    + " coalesce(k.level, '—'), p.students, p.started, p.signed, p.reports_open, o.signed_at"
                    + " FROM class_progress p LEFT JOIN classes k ON k.id = p.class_id LEFT JOIN colleges g ON g.id = p.college_id"
                    + " LEFT JOIN signoffs o ON o.campaign_id = p.campaign_id AND o.level = 'CLASS_MONITOR' AND o.unit_id = p.class_id"
                    + " WHERE p.campaign_id = ? ORDER BY g.name_zh NULLS LAST, k.name")) {
                ps.setLong(1, pc.campaignId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int[] v = {rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)};
                        String signedOff = rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant().toString();
                        classes.add(unit(rs.getLong(1), rs.getString(2), v, signedOff, classLate && signedOff == null && v[0] > 0));
                        Long college = rs.getObject(3, Long.class);
                        long key = college == null ? 0 : college;
                        add(colleges.computeIfAbsent(key, k -> new int[4]), v);
                        collegeNames.put(key, rs.getString(4) == null ? "—" : rs.getString(4));
                        add(levels.computeIfAbsent(rs.getString(5), k -> new int[4]), v);
                        add(total, v);
                    }
                }
            }
            Map<Long, String> collegeSigned = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT unit_id, signed_at FROM signoffs WHERE campaign_id = ? AND level = 'COLLEGE'")) {
                ps.setLong(1, pc.campaignId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        collegeSigned.put(rs.getLong(1), rs.getTimestamp(2).toInstant().toString());
                    }
                }
            }
            List<Unit> collegeUnits = new ArrayList<>();
            colleges.forEach((id, v) -> collegeUnits.add(unit(id, collegeNames.get(id), v, collegeSigned.get(id),
                    collegeLate && id != 0 && !collegeSigned.containsKey(id))));
            List<Unit> levelUnits = new ArrayList<>();
            levels.forEach((name, v) -> levelUnits.add(unit(0, name, v, null, false)));
            List<Day> trend = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT day, signed FROM progress_daily WHERE campaign_id = ? ORDER BY day")) {
                ps.setLong(1, pc.campaignId());
                try (ResultSet rs = ps.executeQuery()) {
                    int cum = 0;
                    while (rs.next()) {
                        cum += rs.getInt(2);
                        trend.add(new Day(rs.getObject(1, LocalDate.class), rs.getInt(2), cum, rate(cum, total[0])));
                    }
                }
            }
            Map<String, Integer> byField = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(field, 'account'), count(*) FROM error_reports"
                    + " WHERE campaign_id = ? AND status <> 'WITHDRAWN' GROUP BY 1 ORDER BY 2 DESC")) {
                ps.setLong(1, pc.campaignId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byField.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return new View(pc.campaignId(), pc.name(), pc.version(), unit(0, pc.name(), total, null, false), collegeUnits,
                    classes, levelUnits, trend, byField, classes.stream().filter(Unit::overdue).toList(),
                    collegeUnits.stream().filter(Unit::overdue).toList());
        });
    }

    private static boolean late(CampaignContent.WorkflowStep step, PublishedCampaign pc, Instant now) {
        if (step == null || !step.enabled() || step.deadline() == null) {
            return false;
        }
        return !now.isBefore(CampaignWindow.endOf(step.deadline(), pc.content().deadlines()));
    }

    private static Unit unit(long id, String name, int[] v, String signedOff, boolean overdue) {
        return new Unit(id, name, v[0], v[1], v[2], v[3], rate(v[2], v[0]), signedOff, overdue);
    }

    private static void add(int[] into, int[] v) {
        for (int i = 0; i < 4; i++) {
            into[i] += v[i];
        }
    }

    private static double rate(int signed, int students) {
        return students == 0 ? 0 : Math.round(1000.0 * signed / students) / 10.0;
    }
}
