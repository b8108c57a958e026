package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.validation.IdNumbers;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The identity documents a roster may name, and how each number is checked. */
final class IdDocuments {

    static final String RESIDENT = "RESIDENT_ID";
    static final String HK_MO_TW = "HMT_RESIDENCE_PERMIT";
    static final String PASSPORT = "PASSPORT";
    static final String PERMANENT_RESIDENCE = "FOREIGN_PERMANENT_RESIDENCE";

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("居民身份证", RESIDENT), Map.entry("身份证", RESIDENT), Map.entry("resident id", RESIDENT),
            Map.entry("resident_id", RESIDENT), Map.entry("id card", RESIDENT),
            Map.entry("港澳台居民居住证", HK_MO_TW), Map.entry("港澳居民居住证", HK_MO_TW), Map.entry("台湾居民居住证", HK_MO_TW),
            Map.entry("residence permit", HK_MO_TW), Map.entry("hmt_residence_permit", HK_MO_TW),
            Map.entry("护照", PASSPORT), Map.entry("passport", PASSPORT),
            Map.entry("外国人永久居留身份证", PERMANENT_RESIDENCE), Map.entry("外国人永久居留证", PERMANENT_RESIDENCE),
            Map.entry("permanent residence card", PERMANENT_RESIDENCE),
            Map.entry("foreign_permanent_residence", PERMANENT_RESIDENCE));

    private static final Pattern PASSPORT_NO = Pattern.compile("^[A-Z0-9]{5,17}$");
    private static final Pattern OLD_PERMANENT = Pattern.compile("^[A-Z]{3}\\d{12}$");

    private IdDocuments() {
    }

    /** The document type for the text of the type column (blank = resident ID card), or null if unknown. */
    static String type(String text) {
        if (text == null || text.isBlank()) {
            return RESIDENT;
        }
        return NAMES.get(text.strip().toLowerCase(Locale.ROOT));
    }

    /** The error code for a number of this type, or null when it is well-formed. */
    static String problem(String type, String number) {
        switch (type) {
            case RESIDENT -> {
                if (number.length() != 18) {
                    return "id.length";
                }
                return IdNumbers.isValid(number) ? null : "id.checksum";
            }
            case HK_MO_TW -> {
                if (!(number.startsWith("810000") || number.startsWith("820000") || number.startsWith("830000"))) {
                    return "id.permitPrefix";
                }
                return IdNumbers.isValid(number) ? null : "id.checksum";
            }
            case PASSPORT -> {
                return PASSPORT_NO.matcher(number).matches() ? null : "id.passport";
            }
            case PERMANENT_RESIDENCE -> {
                if (OLD_PERMANENT.matcher(number).matches()) {
                    return null;
                }
                return number.length() == 18 && number.startsWith("9") && IdNumbers.isValid(number) ? null : "id.permanentResidence";
            }
            default -> {
                return "id.type";
            }
        }
    }

    /** Whether the number encodes birth date and sex (GB 11643 layout). */
    static boolean encodesBirthAndSex(String type) {
        return RESIDENT.equals(type) || HK_MO_TW.equals(type);
    }
}
