package io.rollcheck.tenantadmin.selfcheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.EditPolicy;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.FieldRules;
import io.rollcheck.tenantadmin.record.RecordField;
import io.rollcheck.tenantadmin.record.RecordValues;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The student's field-by-field check: his state in the campaign he belongs to, and one answer at a
 * time (一致 / 不一致), handled by the field's edit policy. Every rule is enforced here, whatever the
 * client: the campaign window, no change after signing the current version, valid corrections.
 */
@Singleton
public class SelfCheck {

    /** One answer. {@code correct}/{@code shown}/{@code reason} matter on a mismatch only. */
    @Serdeable
    public record Answer(String answer, @Nullable String correct, @Nullable String shown, @Nullable String reason) {
    }

    static final String MATCH = "MATCH";
    static final String MISMATCH = "MISMATCH";

    private final Db db;
    private final RecordValues values;
    private final CampaignWindow window;
    private final ErrorReports reports;
    private final AuditLog audit;
    private final StateCache cache;
    private final Progress progress;

    public SelfCheck(Db db, RecordValues values, CampaignWindow window, ErrorReports reports, AuditLog audit,
                     StateCache cache, Progress progress) {
        this.progress = progress;
        this.db = db;
        this.values = values;
        this.window = window;
        this.reports = reports;
        this.audit = audit;
        this.cache = cache;
    }

    /** The student's state (from the state cache); not found when no open campaign includes him. */
    public CheckState state(TenantContext t, long studentId) {
        return now(cache.get(t, studentId, () -> db.tenant(t, c -> state(c, t, studentId))));
    }

    /** The state when this node holds it in memory; empty when it must be loaded (for callers on an event loop). */
    public Optional<CheckState> stateIfHeld(TenantContext t, long studentId) {
        return cache.peek(t, studentId).map(this::now);
    }

    /** The same with the phase and next step of this moment (a cached state may be a few seconds old). */
    private CheckState now(CheckState s) {
        CheckState.Phase phase = window.phase(s.deadlines());
        return new CheckState(s.campaignId(), s.campaignName(), s.version(), s.campaignSha256(), s.notice(), s.noticeHtml(),
                s.deadlines(), s.opensAt(), s.studentDeadlineAt(), phase, s.status(),
                nextStep(s.status(), phase, s.answered(), s.fields().size()), s.maskedName(), s.studentNo(), s.fields(),
                s.answered(), s.reports(), s.signature(), s.unreadMessages());
    }

    CheckState state(Connection c, TenantContext t, long studentId) throws SQLException {
        RecordValues.Record r = values.read(c, t, studentId).orElseThrow(() -> new NotFound("student"));
        PublishedCampaign pc = window.campaignFor(t, r).orElseThrow(() -> new NotFound("campaign"));
        return build(c, t, r, pc);
    }

    private CheckState build(Connection c, TenantContext t, RecordValues.Record r, PublishedCampaign pc) throws SQLException {
        Map<String, String[]> answers = answers(c, pc.campaignId(), r.id());
        List<CheckState.Field> fields = new ArrayList<>();
        int answered = 0;
        for (CampaignContent.ChecklistItem item : pc.content().checklist()) {
            Optional<RecordField> rf = FieldRules.byKey(item.field());
            String value = rf.map(f -> RecordValues.masked(f, r.get(f), true)).orElse(null);
            String[] a = answers.get(item.field());
            if (a != null) {
                answered++;
            }
            fields.add(new CheckState.Field(item.field(), value, rf.map(RecordField::personal).orElse(false), item.note(),
                    item.keyField(), item.policy(), item.evidence() == null ? List.of() : item.evidence(),
                    a == null ? null : a[0], a == null ? null : a[1], a == null || a[2] == null ? null : Long.valueOf(a[2])));
        }
        List<CheckState.Report> reps = reports.list(c, t, pc.campaignId(), r.id());
        CheckState.Signature sig = Signatures.latest(c, pc, r.id());
        CheckState.Phase phase = window.phase(pc.content().deadlines());
        CheckState.Status status;
        if (sig != null && sig.current()) {
            status = CheckState.Status.SIGNED;
        } else if (sig != null) {
            status = CheckState.Status.RECONFIRM;
        } else if (answered == 0) {
            status = CheckState.Status.NOT_STARTED;
        } else if (answered < fields.size()) {
            status = CheckState.Status.CHECKING;
        } else if (reps.stream().anyMatch(ErrorReports::live)) {
            status = CheckState.Status.REPORTED;
        } else {
            status = CheckState.Status.CONFIRMED;
        }
        String next = nextStep(status, phase, answered, fields.size());
        CampaignContent.Deadlines d = pc.content().deadlines();
        return new CheckState(pc.campaignId(), pc.name(), pc.version(), pc.sha256(), pc.content().notice(), pc.noticeHtml(),
                d, d == null ? null : CampaignWindow.startOf(d.opens(), d),
                d == null ? null : CampaignWindow.endOf(d.studentDeadline(), d), phase, status, next,
                Masking.name(r.get(RecordField.NAME)), r.studentNo(), fields, answered, reps, sig, unread(c, r.id()));
    }

    private static String nextStep(CheckState.Status s, CheckState.Phase p, int answered, int total) {
        if (p == CheckState.Phase.NOT_OPEN) {
            return "WAIT_FOR_OPENING";
        }
        if (p == CheckState.Phase.CLOSED && s != CheckState.Status.SIGNED) {
            return "CONTACT_OFFICE";
        }
        return switch (s) {
            case NOT_STARTED, CHECKING -> "CHECK_FIELDS";
            case CONFIRMED, REPORTED, RECONFIRM -> answered == total ? "SIGN" : "CHECK_FIELDS";
            case SIGNED -> "DONE";
        };
    }

    /**
     * Records one answer. On a mismatch: {@code DIRECT} applies the corrected value (checked, audited
     * with before/after, personal values masked in the log); {@code PAPER_EVIDENCE} opens a paper
     * report; {@code ONLINE_REVIEW} needs the report with evidence first ({@link ErrorReports#submit}).
     * Answering 一致 withdraws a live report of that field.
     */
    public CheckState answer(TenantContext t, String actor, long studentId, String field, Answer a, String ip) {
        if (a == null || a.answer() == null || !(MATCH.equals(a.answer()) || MISMATCH.equals(a.answer()))) {
            throw ValidationFailed.of("answer", "check.answer.required");
        }
        CheckState after = db.tenant(t, c -> {
            Locked l = lock(c, t, studentId);
            CampaignContent.ChecklistItem item = item(l.campaign(), field);
            boolean late = window.requireOpen(l.campaign().content().deadlines());
            requireNotSigned(c, l.campaign(), studentId);
            long campaignId = l.campaign().campaignId();
            if (firstAnswer(c, campaignId, studentId)) {
                progress.started(c, campaignId, l.record());
            }
            if (MATCH.equals(a.answer())) {
                reports.withdrawLive(c, campaignId, l.record(), field);
                save(c, campaignId, studentId, field, MATCH, null, null, l.campaign().version(), late);
            } else {
                switch (item.policy()) {
                    case DIRECT -> correct(c, t, actor, l, field, a.correct(), ip, late);
                    case PAPER_EVIDENCE -> {
                        long reportId = reports.upsertLive(c, t, l.record(), campaignId, "FIELD", field,
                                EditPolicy.PAPER_EVIDENCE.name(), a.shown(), a.correct(), a.reason(), late);
                        save(c, campaignId, studentId, field, MISMATCH, "PAPER", reportId, l.campaign().version(), late);
                        audit.append(c, actor, "report.submitted", "report:" + reportId, "field=" + field + " policy=PAPER_EVIDENCE", ip);
                    }
                    case ONLINE_REVIEW -> {
                        Long live = reports.liveId(c, campaignId, studentId, field)
                                .orElseThrow(() -> ValidationFailed.of("answer", "check.reportRequired"));
                        save(c, campaignId, studentId, field, MISMATCH, "REPORTED", live, l.campaign().version(), late);
                    }
                }
            }
            return build(c, t, values.read(c, t, studentId).orElseThrow(), l.campaign());
        });
        cache.invalidate(t, studentId);
        return after;
    }

    private void correct(Connection c, TenantContext t, String actor, Locked l, String field, String raw, String ip,
                         boolean late) throws SQLException {
        RecordField rf = FieldRules.byKey(field).orElseThrow(() -> ValidationFailed.of("correct", "check.notCorrectable"));
        FieldRules.Checked v = FieldRules.check(rf, raw, l.record().idType());
        if (!v.ok()) {
            throw ValidationFailed.of("correct", v.error());
        }
        String before = l.record().get(rf);
        if (!v.value().equals(before)) {
            values.write(c, t, l.record().id(), rf, v.value());
            audit.append(c, actor, "record.corrected", "student:" + l.record().id(), "field=" + field + " before="
                    + RecordValues.masked(rf, before, false) + " after=" + RecordValues.masked(rf, v.value(), false)
                    + " by=student", ip);
        }
        save(c, l.campaign().campaignId(), l.record().id(), field, MISMATCH, "CORRECTED", null, l.campaign().version(), late);
    }

    /** The student's row locked for this transaction (serialises his answers, reports and signature). */
    record Locked(RecordValues.Record record, PublishedCampaign campaign) {
    }

    Locked lock(Connection c, TenantContext t, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM students WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFound("student");
                }
            }
        }
        RecordValues.Record r = values.read(c, t, studentId).orElseThrow(() -> new NotFound("student"));
        PublishedCampaign pc = window.campaignFor(t, r).orElseThrow(() -> new NotFound("campaign"));
        return new Locked(r, pc);
    }

    static CampaignContent.ChecklistItem item(PublishedCampaign pc, String field) {
        return pc.content().checklist().stream().filter(i -> i.field().equals(field)).findFirst()
                .orElseThrow(() -> new NotFound("field"));
    }

    static void requireNotSigned(Connection c, PublishedCampaign pc, long studentId) throws SQLException {
        CheckState.Signature s = Signatures.latest(c, pc, studentId);
        if (s != null && s.current()) {
            throw new Conflict("check.alreadySigned");
        }
    }

    static void save(Connection c, long campaignId, long studentId, String field, String answer, String resolution,
                     Long reportId, int version, boolean late) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO field_checks (campaign_id, student_id, field, answer, resolution, report_id, version, late)"
                        + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (campaign_id, student_id, field) DO UPDATE SET"
                        + " answer = EXCLUDED.answer, resolution = EXCLUDED.resolution, report_id = EXCLUDED.report_id,"
                        + " version = EXCLUDED.version, late = EXCLUDED.late, answered_at = now()")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            ps.setString(3, field);
            ps.setString(4, answer);
            ps.setString(5, resolution);
            ps.setObject(6, reportId);
            ps.setInt(7, version);
            ps.setBoolean(8, late);
            ps.executeUpdate();
        }
    }

    static boolean firstAnswer(Connection c, long campaignId, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT NOT EXISTS (SELECT 1 FROM field_checks WHERE campaign_id = ? AND student_id = ?)")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** field → {answer, resolution, reportId}. */
    static Map<String, String[]> answers(Connection c, long campaignId, long studentId) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT field, answer, resolution, report_id FROM field_checks WHERE campaign_id = ? AND student_id = ?")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object rid = rs.getObject(4);
                    out.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3), rid == null ? null : rid.toString()});
                }
            }
        }
        return out;
    }

    private static int unread(Connection c, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM student_messages WHERE student_id = ? AND read_at IS NULL")) {
            ps.setLong(1, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
