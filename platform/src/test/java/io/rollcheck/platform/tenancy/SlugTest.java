package io.rollcheck.platform.tenancy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"njust", "zju", "hit-sz", "a1b", "abcdefghijklmnopqrstuvwxyz012345"})
    void accepts_well_formed_slugs(String s) {
        assertTrue(Slug.isValid(s), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "1abc", "-abc", "abc-", "ABC", "a_b", "a b", "a.b", "a--b", "www", "api",
            "abcdefghijklmnopqrstuvwxyz0123456", "a'; drop schema public;--", "", "中文大学"})
    void refuses_everything_else(String s) {
        assertFalse(Slug.isValid(s), s);
    }

    @Test
    void schema_name_is_derived_from_the_validated_slug_only() {
        assertEquals("t_hit_sz", Slug.schemaOf("hit-sz"));
        assertThrows(IllegalArgumentException.class, () -> Slug.schemaOf("x\"; drop"));
        assertThrows(IllegalArgumentException.class, () -> new TenantContext(1, "x", "public"));
    }
}
