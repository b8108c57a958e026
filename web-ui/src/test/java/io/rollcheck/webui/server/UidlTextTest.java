package io.rollcheck.webui.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class UidlTextTest {

    @Test
    void control_characters_are_dropped_from_strings_and_nothing_else_changes() {
        String clean = "{\"csrfToken\":\"abc\",\"rpc\":[{\"node\":5,\"value\":\"中文\\n\\t\\\\u0000ok\\u4e2d\"}],\"syncId\":3}";
        assertSame(clean, UidlText.withoutControlCharacters(clean));
        assertEquals("{\"rpc\":[{\"value\":\"admin\"}]}",
                UidlText.withoutControlCharacters("{\"rpc\":[{\"value\":\"adm\\u0000in\"}]}"));
        assertEquals("{\"v\":\"abc\"}", UidlText.withoutControlCharacters("{\"v\":\"a\\bb\\u001Bc\\f\"}"));
        assertEquals("{\"v\":\"ab\"}", UidlText.withoutControlCharacters("{\"v\":\"a\u0001b\"}"));
        assertEquals("{\"v\":\"a\\\"b\"}", UidlText.withoutControlCharacters("{\"v\":\"a\\\"\\u0085b\"}"));
    }
}
