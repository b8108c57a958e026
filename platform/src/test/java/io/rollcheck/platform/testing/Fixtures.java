package io.rollcheck.platform.testing;

import io.rollcheck.platform.validation.IdNumbers;

import java.time.LocalDate;
import java.util.List;

/**
 * Fixture personal data. The ID and phone numbers are fixed so that a scan of every log of a test
 * run (see {@code infra/scripts/scan-logs-for-pii.sh}) can prove none of them was ever logged.
 */
public final class Fixtures {

    /** Valid ID numbers; the last ends in X (checked as a capital). */
    public static final List<String> ID_NUMBERS = List.of(
            IdNumbers.make("320102", LocalDate.of(2007, 3, 9), 123),
            IdNumbers.make("110105", LocalDate.of(2006, 11, 30), 457),
            IdNumbers.make("440305", LocalDate.of(2007, 1, 15), 218),
            x());
    public static final List<String> PHONES = List.of("13912345678", "13787654321", "15011112222", "18633334444");

    private Fixtures() {
    }

    private static String x() {
        for (int seq = 0; seq < 1000; seq++) {
            String id = IdNumbers.make("510104", LocalDate.of(2007, 6, 1), seq);
            if (id.endsWith("X")) {
                return id;
            }
        }
        throw new IllegalStateException();
    }
}
