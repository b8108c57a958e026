package io.rollcheck.platform.validation;

import java.time.LocalDate;

/** GB 11643-1999 citizen ID numbers: 17 digits and a check character (0-9 or X). */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** True for an 18-character number with digits, a valid date and the right check character (x accepted). */
    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return false;
            }
        }
        if (birthDate(id) == null) {
            return false;
        }
        return Character.toUpperCase(id.charAt(17)) == checkChar(id.substring(0, 17));
    }

    /** The birth date encoded in positions 7–14, or null when it is no date. */
    public static LocalDate birthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id, 6, 10, 10), Integer.parseInt(id, 10, 12, 10),
                    Integer.parseInt(id, 12, 14, 10));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "M" when the 17th digit is odd, "F" when even. */
    public static String sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }

    /** Builds a valid number from region (6 digits), birth date and a 3-digit sequence (fixtures, tests). */
    public static String make(String region, LocalDate birth, int sequence) {
        String first17 = region + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence % 1000);
        return first17 + checkChar(first17);
    }
}
