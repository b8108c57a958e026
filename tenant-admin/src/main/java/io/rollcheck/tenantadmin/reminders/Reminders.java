package io.rollcheck.tenantadmin.reminders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.CampaignContent.SignLevel;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.notify.Mailer;
import io.rollcheck.platform.notify.SmsGateway;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.tenantadmin.selfcheck.CampaignWindow;
import io.rollcheck.tenantadmin.selfcheck.Progress;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.validation.ValidationFailed;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reminder rules per campaign ("3 days before each deadline, then daily in the last 3 days") sent to
 * everyone not yet done at that level: students who have not signed, class monitors whose class is
 * not signed off, college staff whose college is not. Channels: in-app (always for students), e-mail,
 * SMS. A reminder goes out once per rule, day, recipient and channel: the send log's primary key
 * decides, so two instances running the same minute send it once. Quiet hours push the time out.
 */
@Singleton
public class Reminders {

    /** A rule as the registrar sets it. */
    @Serdeable
    public record Rule(@Nullable Long id, String level, List<Integer> daysBefore, int dailyLastDays, String sendAt,
                       String quietStart, String quietEnd, List<String> channels, boolean enabled) {
    }

    /** What one run did. */
    public record Run(int due, int sent, int skipped) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
    private static final Set<String> LEVELS = Set.of("STUDENT", "CLASS_MONITOR", "COLLEGE");
    private static final Set<String> CHANNELS = Set.of("IN_APP", "EMAIL", "SMS");

    static {
        Messages.register("i18n/admin");
    }

    private final Db db;
    private final PublishedCampaigns campaigns;
    private final Pii pii;
    private final Mailer mailer;
    private final SmsGateway sms;

    private final io.rollcheck.tenantadmin.selfcheck.StateCache states;

    public Reminders(Db db, PublishedCampaigns campaigns, Pii pii, Mailer mailer, SmsGateway sms,
                     io.rollcheck.tenantadmin.selfcheck.StateCache states) {
        this.states = states;
        this.db = db;
        this.campaigns = campaigns;
        this.pii = pii;
        this.mailer = mailer;
        this.sms = sms;
    }

    public List<Rule> rules(Tenant t, long campaignId) {
        return db.tenant(t.context(), c -> {
            List<Rule> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, level, days_before, daily_last_days, send_at, quiet_start,"
                    + " quiet_end, channels, enabled FROM reminder_rules WHERE campaign_id = ? ORDER BY id")) {
                ps.setLong(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Rule(rs.getLong(1), rs.getString(2), List.of((Integer[]) rs.getArray(3).getArray()),
                                rs.getInt(4), rs.getTime(5).toLocalTime().toString(), rs.getTime(6).toLocalTime().toString(),
                                rs.getTime(7).toLocalTime().toString(), List.of((String[]) rs.getArray(8).getArray()),
                                rs.getBoolean(9)));
                    }
                }
            }
            return out;
        });
    }

    /** Replaces a campaign's rules (the send log of removed rules is kept). */
    public List<Rule> replace(Tenant t, long campaignId, List<Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String at = "rules[" + i + "].";
            if (!LEVELS.contains(r.level())) {
                throw ValidationFailed.of(at + "level", "reminder.level");
            }
            if (r.channels() == null || r.channels().isEmpty() || !CHANNELS.containsAll(r.channels())) {
                throw ValidationFailed.of(at + "channels", "reminder.channels");
            }
            if (r.daysBefore() == null || r.daysBefore().stream().anyMatch(d -> d == null || d < 0 || d > 60)
                    || r.dailyLastDays() < 0 || r.dailyLastDays() > 14) {
                throw ValidationFailed.of(at + "daysBefore", "reminder.days");
            }
            for (String time : List.of(r.sendAt(), r.quietStart(), r.quietEnd())) {
                try {
                    LocalTime.parse(time);
                } catch (RuntimeException e) {
                    throw ValidationFailed.of(at + "sendAt", "reminder.time");
                }
            }
        }
        db.tenant(t.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminder_rules SET enabled = false WHERE campaign_id = ?")) {
                ps.setLong(1, campaignId);
                ps.executeUpdate();
            }
            for (Rule r : rules) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_rules (campaign_id, level, days_before,"
                        + " daily_last_days, send_at, quiet_start, quiet_end, channels, enabled) VALUES (?,?,?,?,?::time,?::time,?::time,?,?)")) {
                    ps.setLong(1, campaignId);
                    ps.setString(2, r.level());
                    ps.setArray(3, c.createArrayOf("int", r.daysBefore().toArray()));
                    ps.setInt(4, r.dailyLastDays());
                    ps.setString(5, r.sendAt());
                    ps.setString(6, r.quietStart());
                    ps.setString(7, r.quietEnd());
                    ps.setArray(8, c.createArrayOf("text", r.channels().toArray()));
                    ps.setBoolean(9, r.enabled());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM reminder_rules r WHERE campaign_id = ? AND NOT enabled"
                    + " AND NOT EXISTS (SELECT 1 FROM reminders_sent s WHERE s.rule_id = r.id)")) {
                ps.setLong(1, campaignId);
                ps.executeUpdate();
            }
            return null;
        });
        return rules(t, campaignId).stream().filter(Rule::enabled).toList();
    }

    /** Sends what is due at {@code now} for every open campaign of the tenant. */
    public Run run(Tenant t, Instant now) {
        int due = 0;
        int sent = 0;
        int skipped = 0;
        for (PublishedCampaign pc : campaigns.open(t.context())) {
            for (Rule r : rules(t, pc.campaignId())) {
                if (!r.enabled()) {
                    continue;
                }
                LocalDate deadline = deadline(pc, r.level());
                ZoneId zone = CampaignWindow.zone(pc.content().deadlines());
                if (deadline == null || !dueNow(r, deadline, now, zone)) {
                    continue;
                }
                due++;
                LocalDate slot = now.atZone(zone).toLocalDate();
                for (Recipient who : recipients(t, pc, r.level())) {
                    for (String channel : r.channels()) {
                        if (deliver(t, pc, r, slot, deadline, who, channel)) {
                            sent++;
                        } else {
                            skipped++;
                        }
                    }
                }
            }
        }
        if (sent > 0) {
            states.invalidateTenant(t.context()); // the in-app reminders count as unread messages
        }
        return new Run(due, sent, skipped);
    }

    /** The deadline of a level; null when the campaign switched that level off. */
    static LocalDate deadline(PublishedCampaign pc, String level) {
        if ("STUDENT".equals(level)) {
            return pc.content().deadlines() == null ? null : pc.content().deadlines().studentDeadline();
        }
        SignLevel l = SignLevel.valueOf(level);
        return pc.content().workflow() == null ? null : pc.content().workflow().stream()
                .filter(s -> s.level() == l && s.enabled()).map(CampaignContent.WorkflowStep::deadline).findFirst().orElse(null);
    }

    /** A slot day (k days before, or one of the last days), past the send time and outside quiet hours. */
    static boolean dueNow(Rule r, LocalDate deadline, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        long daysLeft = ChronoUnit.DAYS.between(local.toLocalDate(), deadline);
        boolean slotDay = r.daysBefore().contains((int) daysLeft) || (daysLeft >= 0 && daysLeft < r.dailyLastDays());
        if (!slotDay) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        LocalTime qs = LocalTime.parse(r.quietStart());
        LocalTime qe = LocalTime.parse(r.quietEnd());
        boolean quiet = qs.isAfter(qe) ? !time.isBefore(qs) || time.isBefore(qe) : !time.isBefore(qs) && time.isBefore(qe);
        return !quiet && !time.isBefore(LocalTime.parse(r.sendAt()));
    }

    record Recipient(String key, @Nullable Long studentId, @Nullable String email, @Nullable byte[] phoneSealed,
                     String unitName) {
    }

    private List<Recipient> recipients(Tenant t, PublishedCampaign pc, String level) {
        return db.tenant(t.context(), c -> {
            List<Recipient> out = new ArrayList<>();
            String sql = switch (level) {
                case "STUDENT" -> "SELECT 'student:' || s.id, s.id, u.email, s.phone_enc, coalesce(s.class_name, '') FROM students s"
                        + " LEFT JOIN users u ON u.student_id = s.id WHERE " + Progress.AUDIENCE
                        + " AND NOT EXISTS (SELECT 1 FROM student_signatures g WHERE g.campaign_id = ? AND g.version = ? AND g.student_id = s.id)"
                        + " ORDER BY s.id";
                case "CLASS_MONITOR" -> "SELECT DISTINCT 'user:' || u.id, u.student_id, u.email, st.phone_enc, k.name FROM users u"
                        + " JOIN user_scopes sc ON sc.user_id = u.id JOIN classes k ON k.id = sc.class_id"
                        + " LEFT JOIN students st ON st.id = u.student_id"
                        + " WHERE 'CLASS_MONITOR' = ANY(u.roles) AND NOT u.disabled AND EXISTS (SELECT 1 FROM students x WHERE x.class_id = k.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM signoffs o WHERE o.campaign_id = ? AND o.level = 'CLASS_MONITOR' AND o.unit_id = k.id)";
                default -> "SELECT DISTINCT 'user:' || u.id, u.student_id, u.email, NULL::bytea, g.name_zh FROM users u"
                        + " JOIN user_scopes sc ON sc.user_id = u.id JOIN colleges g ON g.id = sc.college_id"
                        + " WHERE 'COLLEGE_STAFF' = ANY(u.roles) AND NOT u.disabled"
                        + " AND NOT EXISTS (SELECT 1 FROM signoffs o WHERE o.campaign_id = ? AND o.level = 'COLLEGE' AND o.unit_id = g.id)";
            };
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if ("STUDENT".equals(level)) {
                    int i = Progress.bindAudience(c, ps, 1, pc.content().audience());
                    ps.setLong(i++, pc.campaignId());
                    ps.setInt(i, pc.version());
                } else {
                    ps.setLong(1, pc.campaignId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Recipient(rs.getString(1), rs.getObject(2, Long.class), rs.getString(3), rs.getBytes(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** Claims the (rule, day, recipient, channel) slot, then sends; false when claimed before or not deliverable. */
    private boolean deliver(Tenant t, PublishedCampaign pc, Rule r, LocalDate slot, LocalDate deadline, Recipient who,
                            String channel) {
        boolean possible = switch (channel) {
            case "IN_APP" -> who.studentId() != null;
            case "EMAIL" -> who.email() != null && !who.email().isBlank() && mailer.configured();
            default -> who.phoneSealed() != null;
        };
        if (!possible) {
            return false;
        }
        boolean claimed = db.tenant(t.context(), c -> claim(c, r.id(), slot, who.key(), channel));
        if (!claimed) {
            return false;
        }
        Locale zh = Messages.ZH;
        String name = t.name(zh);
        String text = Messages.get(zh, "reminder.text." + r.level(), name, pc.name(),
                deadline.getYear() + "年" + deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日", who.unitName());
        boolean ok;
        switch (channel) {
            case "IN_APP" -> ok = db.tenant(t.context(), c -> message(c, who.studentId()));
            case "EMAIL" -> ok = mailer.send(who.email(), name, Messages.get(zh, "reminder.subject", name), text);
            default -> ok = sms.send(pii.open(t.context(), Students.F_PHONE, who.phoneSealed()), text);
        }
        if (!ok) {
            db.tenant(t.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE reminders_sent SET status = 'FAILED' WHERE rule_id = ?"
                        + " AND slot = ? AND recipient = ? AND channel = ?")) {
                    ps.setLong(1, r.id());
                    ps.setObject(2, slot);
                    ps.setString(3, who.key());
                    ps.setString(4, channel);
                    ps.executeUpdate();
                }
                return null;
            });
            LOG.warn("event=reminder_failed rule={} channel={}", r.id(), channel);
        }
        return ok;
    }

    private static boolean claim(Connection c, long rule, LocalDate slot, String recipient, String channel) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminders_sent (rule_id, slot, recipient, channel)"
                + " VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
            ps.setLong(1, rule);
            ps.setObject(2, slot);
            ps.setString(3, recipient);
            ps.setString(4, channel);
            return ps.executeUpdate() == 1;
        }
    }

    private static boolean message(Connection c, long studentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO student_messages (student_id, kind) VALUES (?, 'REMINDER')")) {
            ps.setLong(1, studentId);
            return ps.executeUpdate() == 1;
        }
    }
}
