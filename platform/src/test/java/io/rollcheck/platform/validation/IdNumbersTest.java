package io.rollcheck.platform.validation;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IdNumbersTest {

    @Test
    void the_birth_date_is_read_from_digits_7_to_14_and_nothing_else_is_a_date() {
        String id = IdNumbers.make("320102", LocalDate.of(2007, 3, 9), 123);
        assertEquals(LocalDate.of(2007, 3, 9), IdNumbers.birthDate(id));
        assertEquals(LocalDate.of(2006, 12, 31), IdNumbers.birthDate("32010220061231002X"));
        assertNull(IdNumbers.birthDate("32010220071309002X")); // month 13
        assertNull(IdNumbers.birthDate("32010220070230002X")); // 30 February
        assertNull(IdNumbers.birthDate("3201022007030"));      // too short
        assertNull(IdNumbers.birthDate("320102200A0309002X")); // not digits
    }
}
