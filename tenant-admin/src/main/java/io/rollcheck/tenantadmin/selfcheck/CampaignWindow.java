package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.PublishedCampaign;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.tenantadmin.record.RecordField;
import io.rollcheck.tenantadmin.record.RecordValues;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.Conflict;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Which published campaign a student is in (audience: cohort, level, excluded groups) and whether it
 * takes his answers now (opens, student deadline with the late policy, closes — each a date in the
 * campaign's time zone, a deadline meaning the end of that day).
 */
@Singleton
public class CampaignWindow {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final PublishedCampaigns campaigns;
    private final Clock clock;

    public CampaignWindow(PublishedCampaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** The newest open campaign whose audience includes this record. */
    public Optional<PublishedCampaign> campaignFor(TenantContext t, RecordValues.Record r) {
        return campaigns.open(t).stream().filter(c -> includes(c.content().audience(), r)).findFirst();
    }

    static boolean includes(CampaignContent.Audience a, RecordValues.Record r) {
        if (a == null) {
            return true;
        }
        String year = r.get(RecordField.ADMISSION_YEAR);
        if (a.cohort() != null && year != null && !year.equals(a.cohort().toString())) {
            return false;
        }
        String level = r.get(RecordField.LEVEL);
        if (a.levels() != null && !a.levels().isEmpty() && level != null && !a.levels().contains(level)) {
            return false;
        }
        List<String> excluded = a.excludedGroups();
        if (excluded != null) {
            for (RecordField f : List.of(RecordField.LEVEL, RecordField.STUDY_MODE, RecordField.CATEGORY, RecordField.CLASS)) {
                String v = r.get(f);
                if (v != null && excluded.contains(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    public static ZoneId zone(CampaignContent.Deadlines d) {
        try {
            return d == null || d.timeZone() == null ? DEFAULT_ZONE : ZoneId.of(d.timeZone());
        } catch (RuntimeException e) {
            return DEFAULT_ZONE;
        }
    }

    /** The first instant of {@code d} in the campaign's zone. */
    public static Instant startOf(LocalDate d, CampaignContent.Deadlines dl) {
        return d == null ? null : d.atStartOfDay(zone(dl)).toInstant();
    }

    /** The end of {@code d} (the first instant of the next day) in the campaign's zone. */
    public static Instant endOf(LocalDate d, CampaignContent.Deadlines dl) {
        return d == null ? null : d.plusDays(1).atStartOfDay(zone(dl)).toInstant();
    }

    public CheckState.Phase phase(CampaignContent.Deadlines d) {
        Instant now = clock.instant();
        if (d == null) {
            return CheckState.Phase.OPEN;
        }
        Instant opens = startOf(d.opens(), d);
        Instant closes = endOf(d.closes(), d);
        Instant deadline = endOf(d.studentDeadline(), d);
        if (opens != null && now.isBefore(opens)) {
            return CheckState.Phase.NOT_OPEN;
        }
        if (closes != null && !now.isBefore(closes)) {
            return CheckState.Phase.CLOSED;
        }
        if (deadline != null && !now.isBefore(deadline)) {
            return d.latePolicy() == CampaignContent.LatePolicy.ACCEPT_MARKED_LATE ? CheckState.Phase.LATE
                    : CheckState.Phase.CLOSED;
        }
        return CheckState.Phase.OPEN;
    }

    /** Refuses a student's change outside the window; true when it is accepted late. */
    public boolean requireOpen(CampaignContent.Deadlines d) {
        CheckState.Phase p = phase(d);
        return switch (p) {
            case OPEN -> false;
            case LATE -> true;
            case NOT_OPEN -> throw new Conflict("campaign.notOpen");
            case CLOSED -> throw new Conflict("campaign.deadlinePassed");
        };
    }

    public Instant now() {
        return clock.instant();
    }
}
