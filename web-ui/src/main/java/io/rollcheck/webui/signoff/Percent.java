package io.rollcheck.webui.signoff;

import io.rollcheck.webui.site.Dates;

import java.time.Instant;
import java.util.Locale;

/** Figures as people read them: 核查率 (a percentage, one decimal, "100 %" not "100.0 %") and sign-off times. */
final class Percent {

    private Percent() {
    }

    static String of(double pct) {
        String s = String.format(Locale.ROOT, "%.1f", pct);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " %";
    }

    /** A sign-off time as progress gives it (an ISO instant), in the university's zone. */
    static String at(String iso, String zone, Locale locale) {
        return Dates.dateTime(Instant.parse(iso), zone, locale);
    }
}
