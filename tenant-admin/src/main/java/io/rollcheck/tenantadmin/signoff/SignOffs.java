package io.rollcheck.tenantadmin.signoff;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.SignLevel;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.tenantadmin.selfcheck.CampaignWindow;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paper chain made digital: a class's roll with every student's result, the class monitor's
 * sign-off as 汇总人 (allowed when every student signed, or with an explicit list of exceptions and
 * reasons), and the college's sign-off once its classes are signed. Levels the campaign switched off
 * are skipped; each level's deadline is enforced here (late work refused, or marked late under the
 * late policy). A sign-off is an evidence record like a student's signature.
 */
@Singleton
public class SignOffs {

    /** A student who did not sign, and why the class is signed off anyway. */
    @Serdeable
    public record Exception(long studentId, String reason) {
    }

    /** What a sign-off signs (hashed; kept sealed). */
    @Serdeable
    record Content(String tenant, long campaignId, int version, String level, long unitId, List<String> lines,
                   List<String> exceptions, List<Long> openReports) {
    }


    private final Db db;
    private final PublishedCampaigns campaigns;
    private final ErrorReports reports;
    private final Pii pii;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public SignOffs(Db db, PublishedCampaigns campaigns, ErrorReports reports, Pii pii, AuditLog audit, ObjectMapper json,
                    Clock clock) {
        this.db = db;
        this.campaigns = campaigns;
        this.reports = reports;
        this.pii = pii;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The campaign asked for, or the newest open one. */
    public PublishedCampaign campaign(TenantContext t, Long campaignId) {
        if (campaignId != null) {
            return campaigns.open(t, campaignId).orElseThrow(() -> new NotFound("campaign"));
        }
        return campaigns.open(t).stream().findFirst().orElseThrow(() -> new NotFound("campaign"));
    }

    /** The class's roll in {@code pc}, the monitor's view (phones masked). */
    public ClassRoll classRoll(TenantContext t, String university, PublishedCampaign pc, long classId) {
        int total = pc.content().checklist().size();
        CampaignContent.WorkflowStep step = step(pc, SignLevel.CLASS_MONITOR);
        return db.tenant(t, c -> {
            String[] names = names(c, classId);
            List<ClassRoll.Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.student_no, s.name,"
                    + " (SELECT count(*) FROM field_checks f WHERE f.campaign_id = ? AND f.student_id = s.id),"
                    + " g.signed_at, g.receipt_code,"
                    + " (SELECT count(*) FROM error_reports e WHERE e.campaign_id = ? AND e.student_id = s.id"
                    + "   AND e.status IN ('OPEN', 'FORWARDED', 'RETURNED'))"
                    + " FROM students s LEFT JOIN student_signatures g ON g.campaign_id = ? AND g.version = ? AND g.student_id = s.id"
                    + " WHERE s.class_id = ? ORDER BY s.student_no")) {
                ps.setLong(1, pc.campaignId());
                ps.setLong(2, pc.campaignId());
                ps.setLong(3, pc.campaignId());
                ps.setInt(4, pc.version());
                ps.setLong(5, classId);
                try (ResultSet rs = ps.executeQuery()) {
                    int no = 0;
                    while (rs.next()) {
                        int answered = rs.getInt(4);
                        int open = rs.getInt(7);
                        Timestamp signed = rs.getTimestamp(5);
                        String result = signed != null ? "SIGNED" : answered >= total && open > 0 ? "REPORTED"
                                : answered > 0 ? "CHECKING" : "NOT_STARTED";
                        rows.add(new ClassRoll.Row(++no, rs.getLong(1), rs.getString(2), rs.getString(3), result, open,
                                signed == null ? null : signed.toInstant(), rs.getString(6)));
                    }
                }
            }
            Map<Long, String> phones = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, phone_enc FROM students WHERE class_id = ?")) {
                ps.setLong(1, classId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        phones.put(rs.getLong(1), Masking.phone(pii.open(t, Students.F_PHONE, rs.getBytes(2))));
                    }
                }
            }
            List<ClassRoll.ErrorRow> errors = reports.queue(t, pc.campaignId(), null, classId, true).stream()
                    .map(q -> new ClassRoll.ErrorRow(q.id(), q.studentNo(), q.name(), q.field(), q.shown(), q.correct(),
                            q.status(), phones.get(q.studentId()))).toList();
            return new ClassRoll(university, pc.campaignId(), pc.name(), pc.version(), classId, names[0],
                    names[2] == null ? null : Long.valueOf(names[2]), names[1], rows, errors,
                    signOff(c, pc, SignLevel.CLASS_MONITOR, classId).orElse(null),
                    step == null ? null : CampaignWindow.endOf(step.deadline(), pc.content().deadlines()),
                    step != null && step.enabled());
        });
    }

    /**
     * The class monitor (or the registrar) signs the class summary. Every student who has not signed
     * must be listed in {@code exceptions} with a reason. Idempotent: a second call returns the first.
     */
    public ClassRoll.SignOff signClass(TenantContext t, String tenantSlug, String university, String actor, long classId,
                                       Long campaignId, String method, List<Exception> exceptions, String ip,
                                       String userAgent) {
        PublishedCampaign pc = campaign(t, campaignId);
        ClassRoll roll = classRoll(t, university, pc, classId);
        if (roll.signOff() != null) {
            return roll.signOff();
        }
        Map<Long, String> why = new java.util.HashMap<>();
        for (Exception e : exceptions == null ? List.<Exception>of() : exceptions) {
            if (e.reason() == null || e.reason().isBlank() || e.reason().length() > 200) {
                throw ValidationFailed.of("exceptions", "signoff.exception.reason");
            }
            why.put(e.studentId(), e.reason().strip());
        }
        List<String> lines = new ArrayList<>();
        List<String> exc = new ArrayList<>();
        for (ClassRoll.Row r : roll.rows()) {
            lines.add(r.no() + "|" + r.studentNo() + "|" + r.result() + "|" + (r.receiptCode() == null ? "" : r.receiptCode()));
            if (!"SIGNED".equals(r.result())) {
                String reason = why.get(r.studentId());
                if (reason == null) {
                    throw new Conflict("signoff.unsignedStudents");
                }
                exc.add(r.studentNo() + "|" + reason);
            }
        }
        if (roll.rows().isEmpty()) {
            throw new Conflict("signoff.emptyClass");
        }
        Content content = new Content(tenantSlug, pc.campaignId(), pc.version(), SignLevel.CLASS_MONITOR.name(), classId,
                lines, exc, roll.errors().stream().map(ClassRoll.ErrorRow::reportId).toList());
        return sign(t, pc, SignLevel.CLASS_MONITOR, classId, actor, method, content, exc.size(), ip, userAgent);
    }

    /** The college signs once each of its classes is signed off (when the class level is on). */
    public ClassRoll.SignOff signCollege(TenantContext t, String tenantSlug, String actor, long collegeId, Long campaignId,
                                         String method, String ip, String userAgent) {
        PublishedCampaign pc = campaign(t, campaignId);
        Optional<ClassRoll.SignOff> done = db.tenant(t, c -> signOff(c, pc, SignLevel.COLLEGE, collegeId));
        if (done.isPresent()) {
            return done.get();
        }
        CampaignContent.WorkflowStep classStep = step(pc, SignLevel.CLASS_MONITOR);
        List<String> lines = db.tenant(t, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.id, k.name, o.receipt_code, p.students, p.signed"
                    + " FROM classes k LEFT JOIN signoffs o ON o.campaign_id = ? AND o.level = 'CLASS_MONITOR' AND o.unit_id = k.id"
                    + " LEFT JOIN class_progress p ON p.campaign_id = ? AND p.class_id = k.id"
                    + " WHERE k.college_id = ? AND EXISTS (SELECT 1 FROM students s WHERE s.class_id = k.id) ORDER BY k.name")) {
                ps.setLong(1, pc.campaignId());
                ps.setLong(2, pc.campaignId());
                ps.setLong(3, collegeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (classStep != null && classStep.enabled() && rs.getString(3) == null) {
                            throw new Conflict("signoff.classesPending");
                        }
                        out.add(rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(5) + "/" + rs.getInt(4));
                    }
                }
            }
            return out;
        });
        List<Long> open = reports.queue(t, pc.campaignId(), collegeId, null, true).stream()
                .map(ErrorReports.QueueItem::id).toList();
        Content content = new Content(tenantSlug, pc.campaignId(), pc.version(), SignLevel.COLLEGE.name(), collegeId, lines,
                List.of(), open);
        return sign(t, pc, SignLevel.COLLEGE, collegeId, actor, method, content, 0, ip, userAgent);
    }

    /** The sheets of every class of a college with students, as one ZIP. */
    public byte[] collegeSheets(TenantContext t, String university, PublishedCampaign pc, long collegeId,
                                java.util.Locale locale, java.time.ZoneId zone) {
        List<Long> classes = db.tenant(t, c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.id FROM classes k WHERE k.college_id = ?"
                    + " AND EXISTS (SELECT 1 FROM students s WHERE s.class_id = k.id) ORDER BY k.name")) {
                ps.setLong(1, collegeId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (long id : classes) {
                ClassRoll roll = classRoll(t, university, pc, id);
                String name = roll.className().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".pdf";
                if (!names.add(name)) {
                    name = id + "-" + name;
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(ClassSheetPdf.render(roll, locale, zone));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private ClassRoll.SignOff sign(TenantContext t, PublishedCampaign pc, SignLevel level, long unit, String actor,
                                   String method, Content content, int exceptions, String ip, String userAgent) {
        CampaignContent.WorkflowStep step = step(pc, level);
        if (step == null || !step.enabled()) {
            throw new Conflict("signoff.levelDisabled");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant deadline = CampaignWindow.endOf(step.deadline(), pc.content().deadlines());
        boolean late = deadline != null && !now.isBefore(deadline);
        if (late && pc.content().deadlines().latePolicy() != CampaignContent.LatePolicy.ACCEPT_MARKED_LATE) {
            throw new Conflict("signoff.deadlinePassed");
        }
        byte[] canonical;
        try {
            canonical = json.writeValueAsBytes(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] sha = Sha256.of(canonical);
        String code = io.rollcheck.tenantadmin.selfcheck.ReceiptCodes.next('S');
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO signoffs (campaign_id, version, level, unit_id, username,"
                    + " method, content_sha256, content_enc, exceptions, receipt_code, signed_at, ip, user_agent, late)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (campaign_id, level, unit_id) DO NOTHING")) {
                ps.setLong(1, pc.campaignId());
                ps.setInt(2, pc.version());
                ps.setString(3, level.name());
                ps.setLong(4, unit);
                ps.setString(5, actor);
                ps.setString(6, method);
                ps.setBytes(7, sha);
                ps.setBytes(8, pii.sealBytes(t, "signoff.content", canonical));
                ps.setInt(9, exceptions);
                ps.setString(10, code);
                ps.setTimestamp(11, Timestamp.from(now));
                ps.setString(12, ip);
                ps.setString(13, userAgent == null ? null : userAgent.substring(0, Math.min(400, userAgent.length())));
                ps.setBoolean(14, late);
                if (ps.executeUpdate() == 1) {
                    audit.append(c, actor, "signoff.signed", level.name().toLowerCase(java.util.Locale.ROOT) + ":" + unit,
                            "campaign=" + pc.campaignId() + " version=" + pc.version() + " sha256=" + HexFormat.of().formatHex(sha)
                                    + " exceptions=" + exceptions + " code=" + code + (late ? " late" : ""), ip);
                }
            }
            return signOff(c, pc, level, unit).orElseThrow();
        });
    }

    static Optional<ClassRoll.SignOff> signOff(Connection c, PublishedCampaign pc, SignLevel level, long unit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT level, username, signed_at, receipt_code, exceptions, late,"
                + " content_sha256 FROM signoffs WHERE campaign_id = ? AND level = ? AND unit_id = ?")) {
            ps.setLong(1, pc.campaignId());
            ps.setString(2, level.name());
            ps.setLong(3, unit);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClassRoll.SignOff(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getInt(5), rs.getBoolean(6), HexFormat.of().formatHex(rs.getBytes(7))));
            }
        }
    }

    static CampaignContent.WorkflowStep step(PublishedCampaign pc, SignLevel level) {
        return pc.content().workflow() == null ? null
                : pc.content().workflow().stream().filter(s -> s.level() == level).findFirst().orElse(null);
    }

    /** {class name, college name, college id}. */
    private static String[] names(Connection c, long classId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT k.name, g.name_zh, k.college_id FROM classes k"
                + " LEFT JOIN colleges g ON g.id = k.college_id WHERE k.id = ?")) {
            ps.setLong(1, classId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFound("class");
                }
                return new String[]{rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }


}
