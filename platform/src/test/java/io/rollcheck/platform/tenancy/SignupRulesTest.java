package io.rollcheck.platform.tenancy;

import io.rollcheck.platform.validation.ContactRules;
import io.rollcheck.platform.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignupRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 13800138000", "025-83590000", "02583590000", "+852 2345 6789",
            "91234567", "+853 6612 3456", "28123456"})
    void accepts_mainland_hong_kong_and_macau_phones(String p) {
        assertTrue(ContactRules.isPhone(p), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1380013800", "23800138000", "+1 650 555 0100", "phone", "+852 1234 5678"})
    void refuses_other_phones(String p) {
        assertFalse(ContactRules.isPhone(p), p);
    }

    @Test
    void reports_every_problem_at_once() {
        List<FieldError> e = SignupService.check(new SignupRequest(null, "", "Bad Slug", null, "x@", "1", null));
        assertEquals(List.of("nameZh", "nameEn", "slug", "contactName", "email", "phone"),
                e.stream().map(FieldError::field).toList());
    }
}
