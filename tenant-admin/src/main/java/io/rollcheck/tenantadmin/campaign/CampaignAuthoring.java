package io.rollcheck.tenantadmin.campaign;

import io.rollcheck.platform.digest.Sha256;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.NotFound;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The registrar's campaigns: made from the default (or the tenant's own) template, edited as a
 * draft, published as immutable numbered versions. Publishing checks the preconditions and reports
 * every broken one; a new version is served to every node at once (cache invalidation).
 */
@Singleton
public class CampaignAuthoring {

    @Serdeable
    public record Summary(long id, String name, String status, int publishedVersion, Instant updatedAt) {
    }

    @Serdeable
    public record Draft(long id, String name, String status, int publishedVersion, CampaignContent content,
                        Instant updatedAt) {
    }

    private final Db db;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final PublishedCampaigns published;
    private final Clock clock;
    private final io.rollcheck.platform.files.BlobStore blobs;

    public static final long MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;

    private final io.rollcheck.tenantadmin.selfcheck.Progress progress;

    public CampaignAuthoring(Db db, ObjectMapper json, AuditLog audit, PublishedCampaigns published, Clock clock,
                             io.rollcheck.platform.files.BlobStore blobs, io.rollcheck.tenantadmin.selfcheck.Progress progress) {
        this.progress = progress;
        this.blobs = blobs;
        this.db = db;
        this.json = json;
        this.audit = audit;
        this.published = published;
        this.clock = clock;
    }

    /** A new campaign from the tenant's template {@code template}, or the built-in one in {@code locale}. */
    public long create(TenantContext t, String actor, String name, Integer cohort, Locale locale, String template) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ValidationFailed.of("name", "campaign.name");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        CampaignContent content = template == null ? CampaignTemplates.defaults(locale, cohort == null ? today.getYear() : cohort, today)
                : db.tenant(t, c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT content::text FROM campaign_templates WHERE name = ?")) {
                        ps.setString(1, template);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw ValidationFailed.of("template", "campaign.template");
                            }
                            return read(rs.getString(1));
                        }
                    }
                });
        return db.tenant(t, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaigns (name, draft) VALUES (?, ?::jsonb) RETURNING id")) {
                ps.setString(1, name.strip());
                ps.setString(2, write(content));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            audit.append(c, actor, "campaign.created", "campaign:" + id, name.strip(), null);
            return id;
        });
    }

    public List<Summary> list(TenantContext t) {
        return db.tenant(t, c -> {
            List<Summary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, status, published_version, updated_at FROM campaigns ORDER BY id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        });
    }

    public Draft get(TenantContext t, long id) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, status, published_version, draft::text, updated_at FROM campaigns WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFound("campaign");
                    }
                    return new Draft(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), read(rs.getString(5)),
                            rs.getTimestamp(6).toInstant());
                }
            }
        });
    }

    /** Saves the draft; shape errors (bad e-mail, unknown field…) are refused, gaps are allowed until publishing. */
    public void saveDraft(TenantContext t, String actor, long id, CampaignContent content) {
        List<FieldError> errors = shapeErrors(content);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        int n = db.tenant(t, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE campaigns SET draft = ?::jsonb, updated_at = now() WHERE id = ? AND status <> 'CLOSED'")) {
                ps.setString(1, write(content));
                ps.setLong(2, id);
                updated = ps.executeUpdate();
            }
            if (updated == 1) {
                audit.append(c, actor, "campaign.draftSaved", "campaign:" + id, null, null);
            }
            return updated;
        });
        if (n == 0) {
            throw new NotFound("campaign");
        }
    }

    /** Publishes the draft as the next version; returns its number. */
    public int publish(TenantContext t, String actor, long id) {
        Draft d = get(t, id);
        List<FieldError> errors = new ArrayList<>(shapeErrors(d.content()));
        errors.addAll(publishErrors(d.content()));
        if (audienceTaken(t, id, d.content())) {
            errors.add(new FieldError("audience", "publish.audienceTaken"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String body = write(d.content());
        String html = NoticeRenderer.html(d.content().notice().bodyMarkdown());
        int version = db.tenant(t, c -> {
            int v;
            try (PreparedStatement ps = c.prepareStatement("SELECT published_version FROM campaigns WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    v = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO campaign_versions (campaign_id, version, content, content_sha256, notice_html, published_by)"
                            + " VALUES (?, ?, ?::jsonb, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setInt(2, v);
                ps.setString(3, body);
                ps.setBytes(4, Sha256.of(body));
                ps.setString(5, html);
                ps.setString(6, actor);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE campaigns SET published_version = ?, status = 'PUBLISHED', updated_at = now() WHERE id = ?")) {
                ps.setInt(1, v);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            audit.append(c, actor, "campaign.published", "campaign:" + id, "version=" + v, null);
            // counters of the new version: students who signed an older one count as not signed
            progress.rebuild(c, new PublishedCampaign(id, d.name(), v, HexFormat.of().formatHex(Sha256.of(body)),
                    d.content(), html, clock.instant()));
            return v;
        });
        published.changed(t);
        return version;
    }

    /**
     * Stores an attachment (PDF, DOCX, XLSX, PNG or JPEG, decided from the bytes; at most 20 MB) and
     * adds it to the draft notice's attachments.
     */
    public io.rollcheck.platform.files.BlobStore.Info addAttachment(TenantContext t, String actor, long id, String fileName,
                                                                 java.nio.file.Path file) throws IOException {
        Draft d = get(t, id);
        if (java.nio.file.Files.size(file) > MAX_ATTACHMENT_BYTES) {
            throw ValidationFailed.of("file", "attachment.tooLarge");
        }
        String type = io.rollcheck.platform.files.ContentTypes.attachment(file)
                .orElseThrow(() -> ValidationFailed.of("file", "attachment.type"));
        var info = blobs.put(t, fileName, type, java.nio.file.Files.readAllBytes(file));
        CampaignContent c = d.content();
        List<Long> ids = new ArrayList<>(c.notice().attachmentIds() == null ? List.of() : c.notice().attachmentIds());
        ids.add(info.id());
        var n = c.notice();
        saveDraft(t, actor, id, new CampaignContent(new CampaignContent.Notice(n.title(), n.docNo(), n.issueDate(),
                n.draftingOffice(), n.signer(), n.addressees(), n.bodyMarkdown(), ids), c.checklist(), c.offices(),
                c.deadlines(), c.audience(), c.workflow(), c.guide(), c.faq()));
        audit.tenant(t, actor, "campaign.attachmentAdded", "campaign:" + id, info.fileName() + " " + type, null);
        return info;
    }

    /** What is known of the draft notice's attachments (name, type, size), in the notice's order. */
    public List<io.rollcheck.platform.files.BlobStore.Info> attachments(TenantContext t, long id) {
        CampaignContent.Notice notice = get(t, id).content().notice();
        List<Long> ids = notice == null ? null : notice.attachmentIds();
        List<io.rollcheck.platform.files.BlobStore.Info> out = new ArrayList<>();
        for (Long blob : ids == null ? List.<Long>of() : ids) {
            blobs.get(t, blob).ifPresent(b -> out.add(b.info()));
        }
        return out;
    }

    /** True when another published campaign serves the same cohort and a level of this one. */
    private boolean audienceTaken(TenantContext t, long id, CampaignContent c) {
        if (c.audience() == null || c.audience().cohort() == null) {
            return false;
        }
        java.util.Set<String> levels = new java.util.HashSet<>(c.audience().levels() == null ? List.of() : c.audience().levels());
        return published.open(t).stream()
                .filter(p -> p.campaignId() != id && p.content().audience() != null)
                .filter(p -> c.audience().cohort().equals(p.content().audience().cohort()))
                .anyMatch(p -> {
                    List<String> other = p.content().audience().levels() == null ? List.of() : p.content().audience().levels();
                    return levels.isEmpty() || other.isEmpty() || other.stream().anyMatch(levels::contains);
                });
    }

    /** The draft as students would see it once published (nothing is stored). */
    public PublishedCampaign preview(TenantContext t, long id) {
        Draft d = get(t, id);
        String body = write(d.content());
        return new PublishedCampaign(d.id(), d.name(), d.publishedVersion() + 1, HexFormat.of().formatHex(Sha256.of(body)),
                d.content(), NoticeRenderer.html(d.content().notice().bodyMarkdown()), clock.instant());
    }

    /** Keeps this campaign's draft as a named template for the tenant's later campaigns. */
    public void saveAsTemplate(TenantContext t, String actor, long id, String name) {
        if (name == null || name.isBlank()) {
            throw ValidationFailed.of("name", "campaign.name");
        }
        Draft d = get(t, id);
        db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO campaign_templates (name, content) VALUES (?, ?::jsonb)"
                            + " ON CONFLICT (name) DO UPDATE SET content = EXCLUDED.content")) {
                ps.setString(1, name.strip());
                ps.setString(2, write(d.content()));
                ps.executeUpdate();
            }
            audit.append(c, actor, "campaign.templateSaved", "template:" + name.strip(), null, null);
            return null;
        });
    }

    static List<FieldError> shapeErrors(CampaignContent c) {
        List<FieldError> e = new ArrayList<>();
        if (c.notice() == null) {
            e.add(new FieldError("notice", "campaign.notice"));
        } else if (c.notice().title() != null && c.notice().title().length() > 200) {
            e.add(new FieldError("notice.title", "campaign.tooLong"));
        } else if (c.notice().bodyMarkdown() != null && c.notice().bodyMarkdown().length() > 50_000) {
            e.add(new FieldError("notice.bodyMarkdown", "campaign.tooLong"));
        }
        List<CampaignContent.ChecklistItem> items = c.checklist() == null ? List.of() : c.checklist();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            var it = items.get(i);
            if (it.field() == null || !ChecklistFields.KEYS.contains(it.field())) {
                e.add(new FieldError("checklist[" + i + "].field", "checklist.unknownField"));
            } else if (!seen.add(it.field())) {
                e.add(new FieldError("checklist[" + i + "].field", "checklist.duplicate"));
            }
            if (it.policy() == null) {
                e.add(new FieldError("checklist[" + i + "].policy", "checklist.policy"));
            }
        }
        List<CampaignContent.Office> offices = c.offices() == null ? List.of() : c.offices();
        for (int i = 0; i < offices.size(); i++) {
            var o = offices.get(i);
            if (o.name() == null || o.name().isBlank()) {
                e.add(new FieldError("offices[" + i + "].name", "office.name"));
            }
            if (o.email() != null && !o.email().isBlank() && !ContactRules.isEmail(o.email())) {
                e.add(new FieldError("offices[" + i + "].email", "email.format"));
            }
            List<String> phones = o.phones() == null ? List.of() : o.phones();
            for (int j = 0; j < phones.size(); j++) {
                if (!ContactRules.isPhone(phones.get(j))) {
                    e.add(new FieldError("offices[" + i + "].phones[" + j + "]", "phone.format"));
                }
            }
        }
        if (c.deadlines() != null && c.deadlines().timeZone() != null) {
            try {
                ZoneId.of(c.deadlines().timeZone());
            } catch (DateTimeException ex) {
                e.add(new FieldError("deadlines.timeZone", "deadlines.timeZone"));
            }
        }
        return e;
    }

    List<FieldError> publishErrors(CampaignContent c) {
        List<FieldError> e = new ArrayList<>();
        if (c.notice() == null || c.notice().title() == null || c.notice().title().isBlank()) {
            e.add(new FieldError("notice.title", "publish.noticeTitle"));
        }
        if (c.notice() == null || c.notice().bodyMarkdown() == null || c.notice().bodyMarkdown().isBlank()) {
            e.add(new FieldError("notice.bodyMarkdown", "publish.noticeBody"));
        }
        if (c.checklist() == null || c.checklist().isEmpty()) {
            e.add(new FieldError("checklist", "publish.noChecklist"));
        }
        if (c.offices() == null || c.offices().isEmpty()) {
            e.add(new FieldError("offices", "publish.noOffice"));
        }
        var d = c.deadlines();
        if (d == null || d.opens() == null || d.studentDeadline() == null || d.closes() == null) {
            e.add(new FieldError("deadlines", "publish.deadlinesMissing"));
        } else {
            ZoneId zone = d.timeZone() == null ? ZoneId.of("Asia/Shanghai") : safeZone(d.timeZone());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            List<LocalDate> ordered = new ArrayList<>();
            ordered.add(d.opens());
            ordered.add(d.studentDeadline());
            if (d.classDeadline() != null) {
                ordered.add(d.classDeadline());
            }
            if (d.collegeDeadline() != null) {
                ordered.add(d.collegeDeadline());
            }
            ordered.add(d.closes());
            for (int i = 1; i < ordered.size(); i++) {
                if (ordered.get(i).isBefore(ordered.get(i - 1))) {
                    e.add(new FieldError("deadlines", "publish.deadlineOrder"));
                    break;
                }
            }
            if (d.studentDeadline().isBefore(today)) {
                e.add(new FieldError("deadlines.studentDeadline", "publish.deadlinePast"));
            }
        }
        if (c.audience() == null || c.audience().cohort() == null) {
            e.add(new FieldError("audience.cohort", "publish.cohort"));
        }
        return e;
    }

    private static ZoneId safeZone(String z) {
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    private String write(CampaignContent c) {
        try {
            return json.writeValueAsString(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CampaignContent read(String s) {
        try {
            return json.readValue(s, Argument.of(CampaignContent.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
