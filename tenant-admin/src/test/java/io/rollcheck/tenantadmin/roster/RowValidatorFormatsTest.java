package io.rollcheck.tenantadmin.roster;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowValidatorFormatsTest {

    @Test
    void student_numbers_are_four_to_thirty_two_ascii_letters_digits_or_hyphens() {
        for (String ok : new String[]{"2025", "2025-CS-001", "abcdEFGH", "1".repeat(32)}) {
            assertTrue(RowValidator.isStudentNo(ok), ok);
        }
        for (String bad : new String[]{"", "202", "1".repeat(33), "2025 001", "2025_001", "２０２５０１", "学号2025", "2025/1"}) {
            assertFalse(RowValidator.isStudentNo(bad), bad);
        }
    }

    @Test
    void candidate_numbers_are_six_to_twenty_ascii_letters_or_digits() {
        for (String ok : new String[]{"253201", "25320102000001", "AB12CD", "9".repeat(20)}) {
            assertTrue(RowValidator.isCandidateNo(ok), ok);
        }
        for (String bad : new String[]{"25320", "9".repeat(21), "2532-0102", "253201 ", "２５３２０１"}) {
            assertFalse(RowValidator.isCandidateNo(bad), bad);
        }
    }
}
