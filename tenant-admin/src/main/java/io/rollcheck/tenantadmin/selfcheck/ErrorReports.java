package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.EditPolicy;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.RecordValues;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Error reports: a field found wrong (reviewed online with evidence, or settled on paper at an
 * office) or an account problem with CHSI. Values, reason and evidence are sealed; a retry updates
 * the live report of that field and never stores the same file twice.
 */
@Singleton
public class ErrorReports {

    /** What the student reports. {@code kind}: FIELD (needs {@code field}) or ACCOUNT. */
    @Serdeable
    public record Input(String kind, @Nullable String field, @Nullable String shown, @Nullable String correct,
                        @Nullable String reason) {
    }

    /** A reviewer's decision (the back office's queue). */
    public enum Decision { FORWARDED, RETURNED, RESOLVED, REJECTED }

    public static final int MAX_FILES = 5;
    private static final int MAX_TEXT = 500;
    private static final Set<String> LIVE = Set.of("OPEN", "FORWARDED", "RETURNED");
    private static final String F_SHOWN = "report.shown";
    private static final String F_CORRECT = "report.correct";
    private static final String F_REASON = "report.reason";
    private static final String F_FILE = "evidence";

    private final Db db;
    private final Pii pii;
    private final RecordValues values;
    private final CampaignWindow window;
    private final AuditLog audit;
    private final StateCache cache;
    private final Progress progress;

    public ErrorReports(Db db, Pii pii, RecordValues values, CampaignWindow window, AuditLog audit, StateCache cache,
                        Progress progress) {
        this.progress = progress;
        this.db = db;
        this.pii = pii;
        this.values = values;
        this.window = window;
        this.audit = audit;
        this.cache = cache;
    }

    static boolean live(CheckState.Report r) {
        return LIVE.contains(r.status());
    }

    /**
     * Files a report (or updates the field's live one) with evidence files, and records the field's
     * answer as 不一致. ONLINE_REVIEW needs at least one file, here or already on the live report.
     */
    public CheckState.Report submit(TenantContext t, String actor, long studentId, Input in,
                                    List<EvidenceFiles.Clean> files, String ip) {
        if (in == null || in.kind() == null || !Set.of("FIELD", "ACCOUNT").contains(in.kind())) {
            throw ValidationFailed.of("kind", "report.kind");
        }
        if (files.size() > MAX_FILES) {
            throw ValidationFailed.of("file", "evidence.tooMany");
        }
        for (String[] f : new String[][]{{"shown", in.shown()}, {"correct", in.correct()}, {"reason", in.reason()}}) {
            if (f[1] != null && (f[1].length() > MAX_TEXT || !ContactRules.isPlainText(f[1], true))) {
                throw ValidationFailed.of(f[0], "report.text");
            }
        }
        if ("ACCOUNT".equals(in.kind()) && (in.reason() == null || in.reason().isBlank())) {
            throw ValidationFailed.of("reason", "report.reason.required");
        }
        CheckState.Report out = db.tenant(t, c -> {
            SelfCheck.Locked l = lockFor(c, t, studentId);
            boolean late = window.requireOpen(l.campaign().content().deadlines());
            long campaignId = l.campaign().campaignId();
            long id;
            if ("ACCOUNT".equals(in.kind())) {
                id = insert(c, t, l.record(), campaignId, "ACCOUNT", null, "ACCOUNT", in, late);
            } else {
                if (in.field() == null) {
                    throw ValidationFailed.of("field", "report.field.required");
                }
                CampaignContent.ChecklistItem item = SelfCheck.item(l.campaign(), in.field());
                if (item.policy() == EditPolicy.DIRECT) {
                    throw ValidationFailed.of("field", "report.useDirect");
                }
                SelfCheck.requireNotSigned(c, l.campaign(), studentId);
                if (in.correct() == null || in.correct().isBlank()) {
                    throw ValidationFailed.of("correct", "report.correct.required");
                }
                id = upsertLive(c, t, l.record(), campaignId, "FIELD", in.field(), item.policy().name(), in.shown(),
                        in.correct(), in.reason(), late);
                if (item.policy() == EditPolicy.ONLINE_REVIEW && files.isEmpty() && evidenceCount(c, id) == 0) {
                    throw ValidationFailed.of("file", "evidence.required");
                }
                if (SelfCheck.firstAnswer(c, campaignId, studentId)) {
                    progress.started(c, campaignId, l.record());
                }
                SelfCheck.save(c, campaignId, studentId, in.field(), SelfCheck.MISMATCH,
                        item.policy() == EditPolicy.ONLINE_REVIEW ? "REPORTED" : "PAPER", id, l.campaign().version(), late);
            }
            int added = 0;
            for (EvidenceFiles.Clean f : files) {
                added += addEvidence(c, t, id, f) ? 1 : 0;
            }
            audit.append(c, actor, "report.submitted", "report:" + id, "kind=" + in.kind()
                    + (in.field() == null ? "" : " field=" + in.field()) + " files=" + added + (late ? " late" : ""), ip);
            return list(c, t, campaignId, studentId).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        });
        cache.invalidate(t, studentId);
        return out;
    }

    private SelfCheck.Locked lockFor(Connection c, TenantContext t, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM students WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, studentId);
            ps.executeQuery().close();
        }
        RecordValues.Record r = values.read(c, t, studentId).orElseThrow(() -> new NotFound("student"));
        return new SelfCheck.Locked(r, window.campaignFor(t, r).orElseThrow(() -> new NotFound("campaign")));
    }

    /** The live report of a field updated (back to OPEN if it was returned), or a new one. */
    long upsertLive(Connection c, TenantContext t, RecordValues.Record r, long campaignId, String kind, String field,
                    String policy, String shown, String correct, String reason, boolean late) throws SQLException {
        Optional<Long> live = liveId(c, campaignId, r.id(), field);
        if (live.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE error_reports SET shown_enc = ?, correct_enc = ?,"
                    + " reason_enc = ?, policy = ?, status = CASE WHEN status = 'RETURNED' THEN 'OPEN' ELSE status END,"
                    + " late = ?, updated_at = now() WHERE id = ?")) {
                ps.setBytes(1, pii.seal(t, F_SHOWN, blankToNull(shown)));
                ps.setBytes(2, pii.seal(t, F_CORRECT, blankToNull(correct)));
                ps.setBytes(3, pii.seal(t, F_REASON, blankToNull(reason)));
                ps.setString(4, policy);
                ps.setBoolean(5, late);
                ps.setLong(6, live.get());
                ps.executeUpdate();
            }
            return live.get();
        }
        return insert(c, t, r, campaignId, kind, field, policy, new Input(kind, field, shown, correct, reason), late);
    }

    private long insert(Connection c, TenantContext t, RecordValues.Record r, long campaignId, String kind, String field,
                        String policy, Input in, boolean late) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO error_reports (campaign_id, student_id, class_id,"
                + " college_id, kind, field, policy, shown_enc, correct_enc, reason_enc, late) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                + " RETURNING id")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, r.id());
            ps.setObject(3, r.classId());
            ps.setObject(4, r.collegeId());
            ps.setString(5, kind);
            ps.setString(6, field);
            ps.setString(7, policy);
            ps.setBytes(8, pii.seal(t, F_SHOWN, blankToNull(in.shown())));
            ps.setBytes(9, pii.seal(t, F_CORRECT, blankToNull(in.correct())));
            ps.setBytes(10, pii.seal(t, F_REASON, blankToNull(in.reason())));
            ps.setBoolean(11, late);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                progress.reports(c, campaignId, r.classId(), r.collegeId(), 1);
                return id;
            }
        }
    }

    Optional<Long> liveId(Connection c, long campaignId, long studentId, String field) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM error_reports WHERE campaign_id = ? AND student_id = ?"
                + " AND field = ? AND kind = 'FIELD' AND status IN ('OPEN', 'FORWARDED', 'RETURNED')")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            ps.setString(3, field);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    void withdrawLive(Connection c, long campaignId, RecordValues.Record r, String field) throws SQLException {
        long studentId = r.id();
        try (PreparedStatement ps = c.prepareStatement("UPDATE error_reports SET status = 'WITHDRAWN', updated_at = now()"
                + " WHERE campaign_id = ? AND student_id = ? AND field = ? AND kind = 'FIELD'"
                + " AND status IN ('OPEN', 'FORWARDED', 'RETURNED')")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            ps.setString(3, field);
            int n = ps.executeUpdate();
            if (n > 0) {
                progress.reports(c, campaignId, r.classId(), r.collegeId(), -n);
            }
        }
    }

    private boolean addEvidence(Connection c, TenantContext t, long reportId, EvidenceFiles.Clean f) throws SQLException {
        String sha = Sha256.hex(f.bytes());
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM evidence_files WHERE report_id = ? AND sha256 = ?")) {
            ps.setLong(1, reportId);
            ps.setString(2, sha);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        if (evidenceCount(c, reportId) >= MAX_FILES) {
            throw ValidationFailed.of("file", "evidence.tooMany");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence_files (report_id, file_name, content_type, size,"
                + " sha256, data_enc) VALUES (?,?,?,?,?,?)")) {
            ps.setLong(1, reportId);
            ps.setString(2, f.fileName());
            ps.setString(3, f.contentType());
            ps.setLong(4, f.bytes().length);
            ps.setString(5, sha);
            ps.setBytes(6, pii.sealBytes(t, F_FILE + ":" + reportId, f.bytes()));
            ps.executeUpdate();
        }
        return true;
    }

    private static int evidenceCount(Connection c, long reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM evidence_files WHERE report_id = ?")) {
            ps.setLong(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** An evidence file in clear, if it belongs to a report of {@code studentId} (null: any student; reviewers). */
    public Optional<EvidenceFiles.Clean> evidence(TenantContext t, Long studentId, long evidenceId) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.report_id, e.file_name, e.content_type, e.data_enc"
                    + " FROM evidence_files e JOIN error_reports r ON r.id = e.report_id WHERE e.id = ?"
                    + " AND (?::bigint IS NULL OR r.student_id = ?)")) {
                ps.setLong(1, evidenceId);
                ps.setObject(2, studentId);
                ps.setObject(3, studentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<EvidenceFiles.Clean>empty();
                    }
                    return Optional.of(new EvidenceFiles.Clean(rs.getString(2), rs.getString(3),
                            pii.openBytes(t, F_FILE + ":" + rs.getLong(1), rs.getBytes(4))));
                }
            }
        });
    }

    /** The student's reports in a campaign, newest first, with their evidence files. */
    List<CheckState.Report> list(Connection c, TenantContext t, long campaignId, long studentId) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, field, policy, status, shown_enc, correct_enc,"
                + " reason_enc, reviewer_comment, created_at, updated_at, late FROM error_reports"
                + " WHERE campaign_id = ? AND student_id = ? AND status <> 'WITHDRAWN' ORDER BY id DESC")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            pii.open(t, F_SHOWN, rs.getBytes(6)), pii.open(t, F_CORRECT, rs.getBytes(7)),
                            pii.open(t, F_REASON, rs.getBytes(8)), rs.getString(9), rs.getTimestamp(10).toInstant(),
                            rs.getTimestamp(11).toInstant(), rs.getBoolean(12)});
                }
            }
        }
        Map<Long, List<CheckState.Evidence>> files = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.report_id, e.file_name, e.content_type, e.size"
                    + " FROM evidence_files e JOIN error_reports r ON r.id = e.report_id"
                    + " WHERE r.campaign_id = ? AND r.student_id = ? ORDER BY e.id")) {
                ps.setLong(1, campaignId);
                ps.setLong(2, studentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                                .add(new CheckState.Evidence(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5)));
                    }
                }
            }
        }
        List<CheckState.Report> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new CheckState.Report((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (java.time.Instant) r[9],
                    (java.time.Instant) r[10], (Boolean) r[11], files.getOrDefault((Long) r[0], List.of())));
        }
        return out;
    }

    /**
     * A reviewer's decision on a live report, with a comment (required to return or reject). The
     * student gets an in-app message; the decision is audited.
     */
    public void review(TenantContext t, String actor, long reportId, Decision decision, String comment, String ip) {
        if ((decision == Decision.RETURNED || decision == Decision.REJECTED) && (comment == null || comment.isBlank())) {
            throw ValidationFailed.of("comment", "report.comment.required");
        }
        if (comment != null && (comment.length() > MAX_TEXT || !ContactRules.isPlainText(comment, true))) {
            throw ValidationFailed.of("comment", "report.text");
        }
        long student = db.tenant(t, c -> reviewIn(c, actor, reportId, decision, comment, ip));
        cache.invalidate(t, student);
    }

    /** A report as reviewers see it: the student's 学号 and name, the values in clear (reviewers need them). */
    @Serdeable
    public record QueueItem(long id, long studentId, String studentNo, String name, @Nullable Long classId,
                            @Nullable String className, @Nullable Long collegeId, String kind, @Nullable String field,
                            String policy, String status, @Nullable String shown, @Nullable String correct,
                            @Nullable String reason, @Nullable String reviewerComment, java.time.Instant createdAt,
                            boolean late, int evidence) {
    }

    /** Reports of a campaign, optionally of one college or class, live ones only or all; oldest first. */
    public List<QueueItem> queue(TenantContext t, long campaignId, @Nullable Long collegeId, @Nullable Long classId,
                                 boolean liveOnly) {
        return db.tenant(t, c -> {
            List<QueueItem> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.student_id, s.student_no, s.name, r.class_id,"
                    + " k.name, r.college_id, r.kind, r.field, r.policy, r.status, r.shown_enc, r.correct_enc, r.reason_enc,"
                    + " r.reviewer_comment, r.created_at, r.late,"
                    + " (SELECT count(*) FROM evidence_files e WHERE e.report_id = r.id)"
                    + " FROM error_reports r JOIN students s ON s.id = r.student_id LEFT JOIN classes k ON k.id = r.class_id"
                    + " WHERE r.campaign_id = ? AND (?::bigint IS NULL OR r.college_id = ?) AND (?::bigint IS NULL OR r.class_id = ?)"
                    + (liveOnly ? " AND r.status IN ('OPEN', 'FORWARDED', 'RETURNED')" : " AND r.status <> 'WITHDRAWN'")
                    + " ORDER BY r.id")) {
                ps.setLong(1, campaignId);
                ps.setObject(2, collegeId);
                ps.setObject(3, collegeId);
                ps.setObject(4, classId);
                ps.setObject(5, classId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new QueueItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, Long.class), rs.getString(6), rs.getObject(7, Long.class), rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), pii.open(t, F_SHOWN, rs.getBytes(12)),
                                pii.open(t, F_CORRECT, rs.getBytes(13)), pii.open(t, F_REASON, rs.getBytes(14)),
                                rs.getString(15), rs.getTimestamp(16).toInstant(), rs.getBoolean(17), rs.getInt(18)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The registrar settles a report as corrected in the national system. With {@code apply}, the
     * correct value is also written to the university's record (checked like a student's correction,
     * audited with before/after, personal values masked in the log).
     */
    public void resolve(TenantContext t, String actor, long reportId, String note, boolean apply, String ip) {
        if (note != null && (note.length() > MAX_TEXT || !ContactRules.isPlainText(note, true))) {
            throw ValidationFailed.of("comment", "report.text");
        }
        long student = db.tenant(t, c -> {
            if (apply) {
                try (PreparedStatement ps = c.prepareStatement("SELECT student_id, field, correct_enc, kind FROM error_reports"
                        + " WHERE id = ? AND status IN ('OPEN', 'FORWARDED', 'RETURNED') FOR UPDATE")) {
                    ps.setLong(1, reportId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new Conflict("report.notLive");
                        }
                        var rf = rs.getString(2) == null ? java.util.Optional.<io.rollcheck.tenantadmin.record.RecordField>empty()
                                : io.rollcheck.tenantadmin.record.FieldRules.byKey(rs.getString(2));
                        if (rf.isEmpty() || !"FIELD".equals(rs.getString(4))) {
                            throw ValidationFailed.of("apply", "report.notApplicable");
                        }
                        long studentId = rs.getLong(1);
                        RecordValues.Record r = values.read(c, t, studentId).orElseThrow(() -> new NotFound("student"));
                        var checked = io.rollcheck.tenantadmin.record.FieldRules.check(rf.get(), pii.open(t, F_CORRECT, rs.getBytes(3)),
                                r.idType());
                        if (!checked.ok()) {
                            throw ValidationFailed.of("correct", checked.error());
                        }
                        String before = r.get(rf.get());
                        values.write(c, t, studentId, rf.get(), checked.value());
                        audit.append(c, actor, "record.corrected", "student:" + studentId, "field=" + rs.getString(2)
                                + " before=" + RecordValues.masked(rf.get(), before, false) + " after="
                                + RecordValues.masked(rf.get(), checked.value(), false) + " by=registrar report=" + reportId, ip);
                    }
                }
            }
            return reviewIn(c, actor, reportId, Decision.RESOLVED, note, ip);
        });
        cache.invalidate(t, student);
    }

    private long reviewIn(Connection c, String actor, long reportId, Decision decision, String comment, String ip)
            throws SQLException {
        long studentId;
        try (PreparedStatement ps = c.prepareStatement("UPDATE error_reports SET status = ?, reviewer_comment = ?,"
                + " reviewed_by = ?, reviewed_at = now(), updated_at = now() WHERE id = ?"
                + " AND status IN ('OPEN', 'FORWARDED', 'RETURNED') RETURNING student_id, campaign_id, class_id, college_id")) {
            ps.setString(1, decision.name());
            ps.setString(2, blankToNull(comment));
            ps.setString(3, actor);
            ps.setLong(4, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new Conflict("report.notLive");
                }
                studentId = rs.getLong(1);
                if (decision == Decision.RESOLVED || decision == Decision.REJECTED) {
                    progress.reports(c, rs.getLong(2), rs.getObject(3, Long.class), rs.getObject(4, Long.class), -1);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO student_messages (student_id, kind, report_id, status) VALUES (?, 'REPORT_STATUS', ?, ?)")) {
            ps.setLong(1, studentId);
            ps.setLong(2, reportId);
            ps.setString(3, decision.name());
            ps.executeUpdate();
        }
        audit.append(c, actor, "report.reviewed", "report:" + reportId, "decision=" + decision, ip);
        return studentId;
    }

    /** A student's in-app message. */
    @Serdeable
    public record Message(long id, String kind, @Nullable Long reportId, @Nullable String status, java.time.Instant at,
                          boolean read) {
    }

    /** The student's messages, newest first; marks them read when {@code markRead}. */
    public List<Message> messages(TenantContext t, long studentId, boolean markRead) {
        List<Message> result = db.tenant(t, c -> {
            List<Message> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, report_id, status, created_at, read_at"
                    + " FROM student_messages WHERE student_id = ? ORDER BY id DESC LIMIT 100")) {
                ps.setLong(1, studentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Message(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4),
                                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6) != null));
                    }
                }
            }
            if (markRead) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE student_messages SET read_at = now() WHERE student_id = ? AND read_at IS NULL")) {
                    ps.setLong(1, studentId);
                    ps.executeUpdate();
                }
            }
            return out;
        });
        if (markRead && result.stream().anyMatch(m -> !m.read())) {
            cache.invalidate(t, studentId);
        }
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
