package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.selfcheck.CampaignWindow;
import io.rollcheck.tenantadmin.selfcheck.CheckState;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Time left until the student deadline, in days and hours, and the deadline itself as a date in the
 * campaign's time zone (a deadline means the end of that day). After it: late or closed.
 */
final class Countdown {

    private Countdown() {
    }

    static Component of(Component c, CheckState s, Instant now, Locale locale) {
        CampaignContent.Deadlines d = s.deadlines();
        ZoneId zone = CampaignWindow.zone(d);
        String zoneName = zone.getDisplayName(TextStyle.FULL, locale);
        String big;
        String line = null;
        boolean over = false;
        switch (s.phase()) {
            case NOT_OPEN -> {
                big = c.getTranslation("student.countdown.notOpen");
                line = c.getTranslation("student.countdown.opens", date(d.opens(), locale), zoneName);
            }
            case OPEN -> {
                if (s.studentDeadlineAt() == null) {
                    big = c.getTranslation("student.countdown.noDeadline");
                } else {
                    big = left(c, Duration.between(now, s.studentDeadlineAt()));
                    line = c.getTranslation("student.countdown.deadline", date(d.studentDeadline(), locale), zoneName);
                }
            }
            case LATE -> {
                big = c.getTranslation("student.countdown.late");
                line = c.getTranslation("student.countdown.lateText", date(d.studentDeadline(), locale));
                over = true;
            }
            default -> {
                big = c.getTranslation("student.countdown.closed");
                line = c.getTranslation("student.countdown.closedText");
                over = true;
            }
        }
        Markup m = new Markup().element("span", big, "id", "check-countdown-left", "class", "rc-countdown-left");
        if (line != null) {
            m.element("p", line, "id", "check-countdown-deadline", "class", "rc-secondary");
        }
        return m.html("div", "id", "check-countdown", "class", "rc-card rc-countdown" + (over ? " rc-countdown-over" : ""));
    }

    private static String left(Component c, Duration left) {
        if (left.isNegative() || left.isZero()) {
            return c.getTranslation("student.countdown.lessThanHour");
        }
        long days = left.toDays();
        int hours = left.toHoursPart();
        if (days > 0) {
            return c.getTranslation("student.countdown.daysHours", days, hours);
        }
        return hours > 0 ? c.getTranslation("student.countdown.hours", hours)
                : c.getTranslation("student.countdown.lessThanHour");
    }

    static String date(LocalDate d, Locale locale) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
    }
}
