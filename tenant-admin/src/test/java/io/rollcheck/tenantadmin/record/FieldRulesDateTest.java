package io.rollcheck.tenantadmin.record;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FieldRulesDateTest {

    @Test
    void every_common_spelling_gives_the_same_date() {
        LocalDate d = LocalDate.of(2007, 3, 9);
        for (String s : new String[]{"2007-03-09", " 2007-03-09 ", "2007/3/9", "2007.3.9", "20070309", "2007年3月9日",
                "2007-03-09 00:00:00", "2007-3-9"}) {
            assertEquals(d, FieldRules.date(s), s);
        }
        assertEquals(LocalDate.of(2007, 3, 9), FieldRules.date("excel-serial:39150"));
    }

    @Test
    void impossible_or_malformed_dates_are_none() {
        for (String s : new String[]{"2007-13-09", "2007-02-30", "2007-0a-09", "2007_03_09", "07-03-09", "2007-03-9x",
                "", "   ", "二〇〇七年"}) {
            assertNull(FieldRules.date(s), s);
        }
        assertNull(FieldRules.date(null));
    }
}
