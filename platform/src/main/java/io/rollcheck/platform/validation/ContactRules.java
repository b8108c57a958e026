package io.rollcheck.platform.validation;

import java.util.regex.Pattern;

/** Formats for e-mail addresses and phone numbers (mainland China, Hong Kong, Macau). */
public final class ContactRules {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
    private static final Pattern MAINLAND_MOBILE = Pattern.compile("^(\\+?86[- ]?)?1[3-9]\\d{9}$");
    private static final Pattern MAINLAND_LANDLINE = Pattern.compile("^(\\+?86[- ]?)?0\\d{2,3}[- ]?\\d{7,8}([- ]\\d{1,6})?$");
    private static final Pattern HONG_KONG = Pattern.compile("^(\\+?852[- ]?)?[2-9]\\d{3}[- ]?\\d{4}$");
    private static final Pattern MACAU = Pattern.compile("^(\\+?853[- ]?)?(6\\d{3}|28\\d{2})[- ]?\\d{4}$");

    private ContactRules() {
    }

    public static boolean isEmail(String s) {
        return s != null && s.length() <= 254 && EMAIL.matcher(s).matches();
    }

    public static boolean isPhone(String s) {
        if (s == null) {
            return false;
        }
        String p = s.strip();
        return MAINLAND_MOBILE.matcher(p).matches() || MAINLAND_LANDLINE.matcher(p).matches()
                || HONG_KONG.matcher(p).matches() || MACAU.matcher(p).matches();
    }

    /** True when the text has no control characters (line breaks allowed only if {@code multiline}). */
    public static boolean isPlainText(String s, boolean multiline) {
        return s.codePoints().noneMatch(cp -> Character.isISOControl(cp) && !(multiline && (cp == '\n' || cp == '\r' || cp == '\t')));
    }
}
