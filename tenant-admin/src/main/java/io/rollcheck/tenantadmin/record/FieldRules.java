package io.rollcheck.tenantadmin.record;

import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.IdNumbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a value of each record field is written and checked — one set of rules for the roster import,
 * a student's own correction and the admin forms.
 */
public final class FieldRules {

    /** A checked value in its stored form, or the error code (bundle key) explaining why it is refused. */
    public record Checked(String value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private static final Pattern SEPARATED = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern YEAR = Pattern.compile("^(19|20)\\d{2}$");
    private static final int MAX_TEXT = 200;

    private FieldRules() {
    }

    /**
     * Dates as people type them: 2007-03-09, 2007/3/9, 2007.3.9, 20070309, 2007年3月9日, and Excel
     * serials (given as {@code excel-serial:<n>} by the spreadsheet reader). Null when it is none.
     */
    public static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        try {
            if (isIsoDate(v)) { // the common spelling, without a pattern match
                return LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10));
            }
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
                        return date(v.substring(0, 10));
                    }
                    return null;
                }
            }
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean isIsoDate(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (v.charAt(i) - '0');
        }
        return n;
    }

    /** "M" or "F" for 男/女, m/f, male/female, 1/2; null otherwise. */
    public static String sex(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "男", "m", "male", "1" -> "M";
            case "女", "f", "female", "2" -> "F";
            default -> null;
        };
    }

    /**
     * A student's correction of one field, checked and brought to its stored form. Names keep inner
     * spaces, middle dots and characters outside the BMP; only the ends are trimmed.
     */
    public static Checked check(RecordField field, String raw, String idType) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return new Checked(null, "check.value.required");
        }
        if (v.length() > MAX_TEXT || !ContactRules.isPlainText(v, false)) {
            return new Checked(null, "check.value.format");
        }
        return switch (field) {
            case ID_NUMBER -> {
                String id = Students.normaliseId(v);
                boolean resident = idType == null || "RESIDENT_ID".equals(idType);
                if (resident && !IdNumbers.isValid(id)) {
                    yield new Checked(null, "check.idNumber.checksum");
                }
                yield id.matches("^[0-9A-Z]{5,18}$") ? new Checked(id, null) : new Checked(null, "check.idNumber.checksum");
            }
            case BIRTH_DATE, ENROLMENT_DATE, EXPECTED_GRADUATION -> {
                LocalDate d = date(v);
                yield d == null ? new Checked(null, "check.date.format") : new Checked(d.toString(), null);
            }
            case SEX -> {
                String s = sex(v);
                yield s == null ? new Checked(null, "check.sex.format") : new Checked(s, null);
            }
            case PHONE -> ContactRules.isPhone(v) ? new Checked(v, null) : new Checked(null, "check.phone.format");
            case ADMISSION_YEAR -> YEAR.matcher(v).matches() ? new Checked(v, null) : new Checked(null, "check.year.format");
            case STUDENT_NO -> new Checked(null, "check.studentNo.readOnly");
            default -> new Checked(v, null);
        };
    }

    /** The bundle key of a field's label ({@code field.idNumber}); checklist-only keys work too. */
    public static String labelKey(String fieldKey) {
        return "field." + fieldKey;
    }

    /** The record field of a key, if it is one ({@code registrationStatus} and {@code admissionPhoto} are not). */
    public static Optional<RecordField> byKey(String key) {
        for (RecordField f : RecordField.values()) {
            if (f.key().equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
