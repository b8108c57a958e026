package io.rollcheck.webui.student;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.rollcheck.platform.campaign.CampaignContent;
import io.rollcheck.platform.selfcheck.CampaignWindow;
import io.rollcheck.platform.selfcheck.CheckState;

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
final class Countdown extends Div {

    Countdown(CheckState s, Instant now, Locale locale) {
        setId("check-countdown");
        addClassNames("rc-card", "rc-countdown");
        CampaignContent.Deadlines d = s.deadlines();
        ZoneId zone = CampaignWindow.zone(d);
        String zoneName = zone.getDisplayName(TextStyle.FULL, locale);
        Span big = new Span();
        big.setId("check-countdown-left");
        big.addClassName("rc-countdown-left");
        Paragraph line = new Paragraph();
        line.setId("check-countdown-deadline");
        line.addClassName("rc-secondary");
        switch (s.phase()) {
            case NOT_OPEN -> {
                big.setText(getTranslation("student.countdown.notOpen"));
                line.setText(getTranslation("student.countdown.opens", date(d.opens(), locale), zoneName));
            }
            case OPEN -> {
                if (s.studentDeadlineAt() == null) {
                    big.setText(getTranslation("student.countdown.noDeadline"));
                } else {
                    big.setText(left(Duration.between(now, s.studentDeadlineAt())));
                    line.setText(getTranslation("student.countdown.deadline", date(d.studentDeadline(), locale), zoneName));
                }
            }
            case LATE -> {
                big.setText(getTranslation("student.countdown.late"));
                line.setText(getTranslation("student.countdown.lateText", date(d.studentDeadline(), locale)));
                addClassName("rc-countdown-over");
            }
            case CLOSED -> {
                big.setText(getTranslation("student.countdown.closed"));
                line.setText(getTranslation("student.countdown.closedText"));
                addClassName("rc-countdown-over");
            }
        }
        add(big, line);
    }

    private String left(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return getTranslation("student.countdown.lessThanHour");
        }
        long days = left.toDays();
        int hours = left.toHoursPart();
        if (days > 0) {
            return getTranslation("student.countdown.daysHours", days, hours);
        }
        return hours > 0 ? getTranslation("student.countdown.hours", hours) : getTranslation("student.countdown.lessThanHour");
    }

    static String date(LocalDate d, Locale locale) {
        return d == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
    }
}
