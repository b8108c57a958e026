package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.FieldRules;
import io.rollcheck.tenantadmin.record.RecordField;
import io.rollcheck.tenantadmin.record.RecordValues;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.Conflict;
import io.rollcheck.platform.validation.NotFound;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The student's signature as an evidence record: who (identity and re-authentication method), what
 * (SHA-256 of the canonical content: the record as checked, the open reports, the notice version),
 * when (server time), from where (IP, user agent), appended to the tenant's hash-chained audit log
 * in the same transaction. One signature per student and campaign version: a repeated or
 * concurrent submission returns the first one.
 */
@Singleton
public class Signatures {

    /** The exact content a student signs. Serialised in declaration order: the bytes are hashed. */
    @Serdeable
    public record Content(String tenant, long campaignId, String campaignName, int version, String campaignSha256,
                          String studentNo, String name, List<SignedField> fields, List<SignedReport> reports) {
    }

    @Serdeable
    public record SignedField(String field, @Nullable String value, String answer, @Nullable String resolution) {
    }

    @Serdeable
    public record SignedReport(long id, @Nullable String field, String status) {
    }

    /** What the confirmation screen shows (personal values masked) and the hash the client must echo. */
    @Serdeable
    public record Preview(Content masked, String contentSha256) {
    }

    /** The receipt of a signature. */
    @Serdeable
    public record Receipt(String code, long campaignId, String campaignName, int version, Instant signedAt, String method,
                          String contentSha256, boolean late, String maskedName, String studentNo) {
    }

    /** What {@code /verify/<code>} may show: nothing personal beyond a masked name. */
    @Serdeable
    public record Verification(String code, String campaignName, int version, Instant signedAt, String maskedName,
                               boolean late) {
    }

    private static final String F_CONTENT = "signature.content";

    private final Db db;
    private final SelfCheck check;
    private final RecordValues values;
    private final CampaignWindow window;
    private final ErrorReports reports;
    private final Pii pii;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final StateCache cache;
    private final Progress progress;

    public Signatures(Db db, SelfCheck check, RecordValues values, CampaignWindow window, ErrorReports reports, Pii pii,
                      AuditLog audit, ObjectMapper json, StateCache cache, Progress progress) {
        this.cache = cache;
        this.progress = progress;
        this.db = db;
        this.check = check;
        this.values = values;
        this.window = window;
        this.reports = reports;
        this.pii = pii;
        this.audit = audit;
        this.json = json;
    }

    /** The content the student would sign now, masked for display, with its hash. */
    public Preview preview(TenantContext t, String tenantSlug, long studentId) {
        return db.tenant(t, c -> {
            SelfCheck.Locked l = unlocked(c, t, studentId);
            Content clear = content(c, t, tenantSlug, l);
            return new Preview(masked(clear), sha256Hex(bytes(clear)));
        });
    }

    /**
     * Signs. The caller has re-authenticated the student ({@code method}). Refused before every field
     * is answered, outside the campaign window (late when the late policy allows), or when the content
     * changed since the student saw it ({@code expectedSha256}, optional for API clients).
     */
    public Receipt sign(TenantContext t, String tenantSlug, String actor, long studentId, String method,
                        @Nullable String expectedSha256, String ip, @Nullable String userAgent) {
        Receipt out = db.tenant(t, c -> {
            SelfCheck.Locked l = check.lock(c, t, studentId);
            PublishedCampaign pc = l.campaign();
            Optional<Receipt> existing = receipt(c, pc.campaignId(), pc.version(), studentId, pc.name(), l.record());
            if (existing.isPresent()) {
                return existing.get();
            }
            boolean late = window.requireOpen(pc.content().deadlines());
            Content content = content(c, t, tenantSlug, l);
            if (content.fields().stream().anyMatch(f -> "UNANSWERED".equals(f.answer()))) {
                throw new Conflict("signature.incomplete");
            }
            byte[] canonical = bytes(content);
            byte[] sha = Sha256.of(canonical);
            if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(HexFormat.of().formatHex(sha))) {
                throw new Conflict("signature.contentChanged");
            }
            Instant at = window.now().truncatedTo(ChronoUnit.MICROS);
            String code = ReceiptCodes.next((char) 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO student_signatures (campaign_id, version, student_id,"
                    + " username, method, content_sha256, content_enc, receipt_code, signed_at, ip, user_agent, late)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (campaign_id, student_id, version) DO NOTHING")) {
                ps.setLong(1, pc.campaignId());
                ps.setInt(2, pc.version());
                ps.setLong(3, studentId);
                ps.setString(4, actor);
                ps.setString(5, method);
                ps.setBytes(6, sha);
                ps.setBytes(7, pii.sealBytes(t, F_CONTENT, canonical));
                ps.setString(8, code);
                ps.setTimestamp(9, Timestamp.from(at));
                ps.setString(10, ip);
                ps.setString(11, userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 400)));
                ps.setBoolean(12, late);
                if (ps.executeUpdate() == 1) {
                    // the tenant-wide hot spots (the day's counter, the audit chain) come last: their locks
                    // are held only for these statements and the commit
                    progress.signed(c, pc.campaignId(), l.record(), Progress.day(at, pc.content().deadlines()));
                    audit.append(c, actor, "signature.signed", "student:" + studentId, "campaign=" + pc.campaignId()
                            + " version=" + pc.version() + " sha256=" + HexFormat.of().formatHex(sha) + " method=" + method
                            + " code=" + code + (late ? " late" : ""), ip);
                    return new Receipt(code, pc.campaignId(), pc.name(), pc.version(), at, method, HexFormat.of().formatHex(sha),
                            late, Masking.name(l.record().get(RecordField.NAME)), l.record().studentNo());
                }
            }
            return receipt(c, pc.campaignId(), pc.version(), studentId, pc.name(), l.record()).orElseThrow();
        });
        cache.invalidate(t, studentId);
        return out;
    }

    /** The student's latest receipt in his campaign. */
    public Optional<Receipt> latestReceipt(TenantContext t, long studentId) {
        return db.tenant(t, c -> {
            SelfCheck.Locked l = unlocked(c, t, studentId);
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM student_signatures WHERE campaign_id = ?"
                    + " AND student_id = ? ORDER BY version DESC LIMIT 1")) {
                ps.setLong(1, l.campaign().campaignId());
                ps.setLong(2, studentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Receipt>empty();
                    }
                    return receipt(c, l.campaign().campaignId(), rs.getInt(1), studentId, l.campaign().name(), l.record());
                }
            }
        });
    }

    /** A receipt code of this tenant, as the public verification page shows it. */
    public Optional<Verification> verify(TenantContext t, String code) {
        String k = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!k.matches("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$")) {
            return Optional.empty();
        }
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.receipt_code, c.name, s.version, s.signed_at, st.name,"
                    + " s.late FROM student_signatures s JOIN campaigns c ON c.id = s.campaign_id"
                    + " JOIN students st ON st.id = s.student_id WHERE s.receipt_code = ?")) {
                ps.setString(1, k);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Verification>empty();
                    }
                    return Optional.of(new Verification(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getTimestamp(4).toInstant(), Masking.name(rs.getString(5)), rs.getBoolean(6)));
                }
            }
        });
    }

    private Optional<Receipt> receipt(Connection c, long campaignId, int version, long studentId, String campaignName,
                                      RecordValues.Record r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT receipt_code, signed_at, method, content_sha256, late"
                + " FROM student_signatures WHERE campaign_id = ? AND student_id = ? AND version = ?")) {
            ps.setLong(1, campaignId);
            ps.setLong(2, studentId);
            ps.setInt(3, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Receipt(rs.getString(1), campaignId, campaignName, version,
                        rs.getTimestamp(2).toInstant(), rs.getString(3), HexFormat.of().formatHex(rs.getBytes(4)),
                        rs.getBoolean(5), Masking.name(r.get(RecordField.NAME)), r.studentNo()));
            }
        }
    }

    /** The student's latest signature in this campaign; {@code current} when it is of the served version. */
    static CheckState.Signature latest(Connection c, PublishedCampaign pc, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, receipt_code, signed_at, method, content_sha256, late"
                + " FROM student_signatures WHERE campaign_id = ? AND student_id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setLong(1, pc.campaignId());
            ps.setLong(2, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new CheckState.Signature(rs.getInt(1), rs.getInt(1) == pc.version(), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), HexFormat.of().formatHex(rs.getBytes(5)),
                        rs.getBoolean(6));
            }
        }
    }

    private SelfCheck.Locked unlocked(Connection c, TenantContext t, long studentId) throws SQLException {
        RecordValues.Record r = values.read(c, t, studentId).orElseThrow(() -> new NotFound("student"));
        return new SelfCheck.Locked(r, window.campaignFor(t, r).orElseThrow(() -> new NotFound("campaign")));
    }

    private Content content(Connection c, TenantContext t, String slug, SelfCheck.Locked l) throws SQLException {
        PublishedCampaign pc = l.campaign();
        Map<String, String[]> answers = SelfCheck.answers(c, pc.campaignId(), l.record().id());
        List<SignedField> fields = new ArrayList<>();
        for (CampaignContent.ChecklistItem item : pc.content().checklist()) {
            String value = FieldRules.byKey(item.field()).map(l.record()::get).orElse(null);
            String[] a = answers.get(item.field());
            fields.add(new SignedField(item.field(), value, a == null ? "UNANSWERED" : a[0], a == null ? null : a[1]));
        }
        List<SignedReport> reps = reports.list(c, t, pc.campaignId(), l.record().id()).stream()
                .filter(ErrorReports::live).map(r -> new SignedReport(r.id(), r.field(), r.status())).toList();
        return new Content(slug, pc.campaignId(), pc.name(), pc.version(), pc.sha256(), l.record().studentNo(),
                l.record().get(RecordField.NAME), fields, reps);
    }

    private static Content masked(Content c) {
        List<SignedField> fields = c.fields().stream().map(f -> new SignedField(f.field(),
                FieldRules.byKey(f.field()).map(rf -> RecordValues.masked(rf, f.value(), true)).orElse(f.value()),
                f.answer(), f.resolution())).toList();
        return new Content(c.tenant(), c.campaignId(), c.campaignName(), c.version(), c.campaignSha256(), c.studentNo(),
                c.name(), fields, c.reports());
    }

    private byte[] bytes(Content c) {
        try {
            return json.writeValueAsBytes(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static String sha256Hex(byte[] b) {
        return Sha256.hex(b);
    }

}
