package io.rollcheck.platform.validation;

/**
 * The one rule for control characters in text people send: none, except tab and line breaks (which
 * text areas hold). PostgreSQL refuses NUL in text outright; the others have no place in a name, a
 * search or a notice either. The API edge, the UI edge and the validators all ask here.
 */
public final class PlainText {

    /** The code of the field error for a refused control character. */
    public static final String CONTROL_CODE = "text.control";

    private PlainText() {
    }

    /** True for a character no text may hold: C0/C1 controls and DEL, except tab, line feed and carriage return. */
    public static boolean isRefused(int codePoint) {
        return Character.isISOControl(codePoint) && codePoint != '\t' && codePoint != '\n' && codePoint != '\r';
    }

    /** True when {@code s} (null counts as clean) holds a refused character. */
    public static boolean hasRefused(CharSequence s) {
        return s != null && s.codePoints().anyMatch(PlainText::isRefused);
    }
}
