package io.rollcheck.tenantadmin.selfcheck;

import java.security.SecureRandom;

/**
 * Verification codes printed on receipts and sheets: {@code XXXX-XXXX-XXXX} from 31 letters and
 * digits that cannot be misread (no 0/O, 1/I/L), about 59 bits of randomness.
 */
public final class ReceiptCodes {

    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    /** A new code; {@code first}, when not 0, fixes the first character (e.g. 'S' for sign-off sheets). */
    public static String next(char first) {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(i == 0 && first != 0 ? first : ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
