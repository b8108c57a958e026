package io.rollcheck.platform.crypto;

/** How personal values look on screens, in the API and in exports when the role may not see them. */
public final class Masking {

    private Masking() {
    }

    /** {@code 320102200701011234} → {@code 3201**********1234}; short values keep first and last. */
    public static String idNumber(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        int n = v.length();
        if (n >= 15) {
            return v.substring(0, 4) + "*".repeat(n - 8) + v.substring(n - 4);
        }
        if (n <= 2) {
            return "*".repeat(n);
        }
        return v.charAt(0) + "*".repeat(n - 2) + v.charAt(n - 1);
    }

    /**
     * What a viewer sees of an ID number: {@code wide} viewers (registrar, college staff, the student
     * himself) the first and last 4; who only follows a class (counselor, monitor) the last 4 only.
     */
    public static String idNumberFor(boolean wide, String v) {
        if (v == null) {
            return null;
        }
        return wide ? idNumber(v) : "*".repeat(Math.max(0, v.length() - 4)) + v.substring(Math.max(0, v.length() - 4));
    }

    /** What a viewer sees of a birth date: class followers see none of it. */
    public static String birthDateFor(boolean wide, String v) {
        if (v == null) {
            return null;
        }
        return wide ? birthDate(v) : "****-**-**";
    }

    /** {@code 13800138000} → {@code 138****8000}. */
    public static String phone(String v) {
        if (v == null || v.length() < 7) {
            return v == null ? null : "*".repeat(v.length());
        }
        int n = v.length();
        return v.substring(0, 3) + "*".repeat(n - 7) + v.substring(n - 4);
    }

    /** {@code 2007-03-09} → {@code 2007-**-**}. */
    public static String birthDate(String v) {
        if (v == null || v.length() < 4) {
            return v;
        }
        return v.substring(0, 4) + "-**-**";
    }

    /** {@code 张三丰} → {@code 张**}; {@code 买买提·艾力} → {@code 买*****}. Counts code points. */
    public static String name(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        int first = v.codePointAt(0);
        int rest = v.codePointCount(0, v.length()) - 1;
        return new String(Character.toChars(first)) + "*".repeat(Math.max(rest, 1));
    }
}
