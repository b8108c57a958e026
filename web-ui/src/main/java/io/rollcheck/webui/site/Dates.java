package io.rollcheck.webui.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as people read them: 2025年10月22日 in Chinese, October 22, 2025 in English. */
public final class Dates {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private Dates() {
    }

    public static String date(Instant at, String zone, Locale locale) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone(zone)));
    }

    /**
     * The last day of a period that ends (exclusively) at {@code end}: a deadline of 2025年10月22日
     * is stored as the start of the 23rd in the tenant's zone, and shown as the 22nd.
     */
    public static String lastDay(Instant end, String zone, Locale locale) {
        return end == null ? "" : date(end.minusNanos(1), zone, locale);
    }

    /** Date and time of day: 2025年10月22日 08:30:05 in Chinese, October 22, 2025 08:30:05 in English. */
    public static String dateTime(Instant at, String zone, Locale locale) {
        if (at == null) {
            return "";
        }
        return date(at, zone, locale) + " " + DateTimeFormatter.ofPattern("HH:mm:ss").format(at.atZone(zone(zone)));
    }

    /** The tenant's time zone, {@link #DEFAULT_ZONE} when it has none. */
    public static ZoneId zone(String zone) {
        return zone == null || zone.isBlank() ? DEFAULT_ZONE : ZoneId.of(zone);
    }
}
