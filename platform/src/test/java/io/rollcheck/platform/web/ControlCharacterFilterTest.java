package io.rollcheck.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ControlCharacterFilterTest {

    @Test
    void clean_json_passes() {
        assertNull(ControlCharacterFilter.firstRefusedField("{\"a\":\"x\\ny\\tz\\r\",\"b\":[\"\\\\u0000\",\"\\u4e2d\"],\"c\":1}"));
        assertNull(ControlCharacterFilter.firstRefusedField("[]"));
        assertNull(ControlCharacterFilter.firstRefusedField(null));
    }

    @Test
    void the_innermost_member_is_named() {
        assertEquals("title", ControlCharacterFilter.firstRefusedField("{\"notice\":{\"title\":\"a\\u0000\",\"body\":\"b\"}}"));
        assertEquals("faq", ControlCharacterFilter.firstRefusedField("{\"faq\":[\"ok\",\"bad\\u001B\"]}"));
        assertEquals("x", ControlCharacterFilter.firstRefusedField("{\"x\":\"form\\ffeed\"}"));
        assertEquals("x", ControlCharacterFilter.firstRefusedField("{\"x\":\"raw\u0001\"}"));
        assertEquals("x", ControlCharacterFilter.firstRefusedField("{\"x\":\"c1\\u0085\"}"));
    }

    @Test
    void a_bad_key_or_a_top_level_string_is_the_body() {
        assertEquals("body", ControlCharacterFilter.firstRefusedField("{\"k\\u0000\":\"v\"}"));
        assertEquals("body", ControlCharacterFilter.firstRefusedField("\"\\u0000\""));
    }
}
