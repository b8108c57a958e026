package io.rollcheck.tenantadmin.signoff;

import io.rollcheck.platform.digest.Sha256;
import io.rollcheck.platform.audit.AuditLog;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.NotFound;
import jakarta.inject.Singleton;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything about a campaign in one workbook (completion by college and class, every student's
 * result, every report), and closing: the campaign stops taking answers and its workbook is frozen,
 * sealed, as the archive that can be exported later. Exports are audited; cells never evaluate.
 */
@Singleton
public class CampaignExport {

    private final Db db;
    private final CampaignProgress progress;
    private final ErrorReports reports;
    private final PublishedCampaigns campaigns;
    private final Pii pii;
    private final AuditLog audit;

    public CampaignExport(Db db, CampaignProgress progress, ErrorReports reports, PublishedCampaigns campaigns, Pii pii,
                          AuditLog audit) {
        this.db = db;
        this.progress = progress;
        this.reports = reports;
        this.campaigns = campaigns;
        this.pii = pii;
        this.audit = audit;
    }

    public byte[] workbook(TenantContext t, PublishedCampaign pc, Locale locale, ZoneId zone) {
        CampaignProgress.View v = progress.view(t, pc);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Rollcheck", "1.0");
            Worksheet sum = wb.newWorksheet(Messages.get(locale, "export.summary"));
            String[] h = {"unit", "students", "started", "signed", "rate", "reportsOpen", "signedOff"};
            header(sum, h, locale);
            int r = 1;
            r = units(sum, r, java.util.List.of(v.total()));
            r = units(sum, r, v.colleges());
            units(sum, r, v.classes());
            Worksheet st = wb.newWorksheet(Messages.get(locale, "export.students"));
            header(st, new String[]{"studentNo", "name", "class", "result", "signedAt", "code"}, locale);
            int[] row = {1};
            db.tenant(t, c -> {
                db.allowLongWork(c); // every student of the campaign
                try (PreparedStatement ps = c.prepareStatement("SELECT s.student_no, s.name, coalesce(k.name, s.class_name),"
                        + " g.signed_at, g.receipt_code, (SELECT count(*) FROM field_checks f WHERE f.campaign_id = ? AND f.student_id = s.id)"
                        + " FROM students s LEFT JOIN classes k ON k.id = s.class_id"
                        + " LEFT JOIN student_signatures g ON g.campaign_id = ? AND g.version = ? AND g.student_id = s.id"
                        + " WHERE " + io.rollcheck.tenantadmin.selfcheck.Progress.AUDIENCE + " ORDER BY s.student_no")) {
                    ps.setLong(1, pc.campaignId());
                    ps.setLong(2, pc.campaignId());
                    ps.setInt(3, pc.version());
                    io.rollcheck.tenantadmin.selfcheck.Progress.bindAudience(c, ps, 4, pc.content().audience());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String result = rs.getTimestamp(4) != null ? "SIGNED" : rs.getInt(6) > 0 ? "CHECKING" : "NOT_STARTED";
                            st.value(row[0], 0, ReportsXlsx.safe(rs.getString(1)));
                            st.value(row[0], 1, ReportsXlsx.safe(rs.getString(2)));
                            st.value(row[0], 2, ReportsXlsx.safe(rs.getString(3)));
                            st.value(row[0], 3, Messages.get(locale, "sheet.result." + result));
                            st.value(row[0], 4, rs.getTimestamp(4) == null ? "" : when.format(rs.getTimestamp(4).toInstant()));
                            st.value(row[0], 5, rs.getString(5) == null ? "" : rs.getString(5));
                            row[0]++;
                        }
                    }
                }
                return null;
            });
            Worksheet rep = wb.newWorksheet(Messages.get(locale, "export.sheet"));
            header(rep, new String[]{"studentNo", "name", "class", "field", "shown", "correct", "reason", "evidence", "status"}, locale);
            int k = 1;
            for (ErrorReports.QueueItem q : reports.queue(t, pc.campaignId(), null, null, false)) {
                String field = q.field() == null ? Messages.get(locale, "sheet.errors.account") : Messages.get(locale, "field." + q.field());
                String[] vals = {q.studentNo(), q.name(), q.className(), field, q.shown(), q.correct(), q.reason(),
                        Messages.get(locale, "export.evidence", q.evidence()), Messages.get(locale, "export.status." + q.status())};
                for (int i = 0; i < vals.length; i++) {
                    rep.value(k, i, ReportsXlsx.safe(vals[i]));
                }
                k++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void header(Worksheet ws, String[] keys, Locale locale) {
        for (int c = 0; c < keys.length; c++) {
            ws.value(0, c, Messages.get(locale, "export.col." + keys[c]));
            ws.style(0, c).bold().set();
        }
    }

    private static int units(Worksheet ws, int r, java.util.List<CampaignProgress.Unit> units) {
        for (CampaignProgress.Unit u : units) {
            ws.value(r, 0, ReportsXlsx.safe(u.name()));
            ws.value(r, 1, u.students());
            ws.value(r, 2, u.started());
            ws.value(r, 3, u.signed());
            ws.value(r, 4, u.rate());
            ws.value(r, 5, u.reportsOpen());
            ws.value(r, 6, u.signedOffAt() == null ? "" : u.signedOffAt());
            r++;
        }
        return r;
    }

    /** Closes an open campaign: students can no longer answer or sign; the workbook is frozen as the archive. */
    public void close(TenantContext t, String actor, long campaignId, Locale locale, ZoneId zone, String ip) {
        PublishedCampaign pc = campaigns.open(t, campaignId).orElseThrow(() -> new NotFound("campaign"));
        byte[] x = workbook(t, pc, locale, zone);
        db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE campaigns SET status = 'CLOSED', updated_at = now()"
                    + " WHERE id = ? AND status = 'PUBLISHED'")) {
                ps.setLong(1, campaignId);
                if (ps.executeUpdate() == 0) {
                    throw new NotFound("campaign");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO campaign_archives (campaign_id, closed_by, sha256, xlsx_enc)"
                    + " VALUES (?,?,?,?)")) {
                ps.setLong(1, campaignId);
                ps.setString(2, actor);
                ps.setBytes(3, Sha256.of(x));
                ps.setBytes(4, pii.sealBytes(t, "campaign.archive", x));
                ps.executeUpdate();
            }
            audit.append(c, actor, "campaign.closed", "campaign:" + campaignId, "version=" + pc.version(), ip);
            return null;
        });
        campaigns.changed(t);
    }

    /** The frozen workbook of a closed campaign. */
    public Optional<byte[]> archive(TenantContext t, String actor, long campaignId, String ip) {
        Optional<byte[]> x = db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT xlsx_enc FROM campaign_archives WHERE campaign_id = ?")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(pii.openBytes(t, "campaign.archive", rs.getBytes(1))) : Optional.<byte[]>empty();
                }
            }
        });
        x.ifPresent(b -> audit.tenant(t, actor, "export.archive", "campaign:" + campaignId, null, ip));
        return x;
    }
}
