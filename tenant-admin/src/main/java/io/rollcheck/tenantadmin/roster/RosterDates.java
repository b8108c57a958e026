package io.rollcheck.tenantadmin.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as registrars type them: 2007-03-09, 2007/3/9, 2007.3.9, 20070309, 2007年3月9日, Excel serials. */
final class RosterDates {

    private static final Pattern SEPARATED = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private RosterDates() {
    }

    /** The date, or null when the text is no date we understand. */
    static LocalDate parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        try {
            if (v.startsWith("excel-serial:")) {
                long days = new BigDecimal(v.substring(13)).longValue();
                return days > 0 && days < 100_000 ? EXCEL_EPOCH.plusDays(days) : null;
            }
            Matcher m = SEPARATED.matcher(v);
            if (!m.matches()) {
                m = COMPACT.matcher(v);
                if (!m.matches()) {
                    // a date cell may also come as "2007-03-09 00:00:00"
                    if (v.length() > 10 && v.charAt(10) == ' ') {
                        return parse(v.substring(0, 10));
                    }
                    return null;
                }
            }
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
