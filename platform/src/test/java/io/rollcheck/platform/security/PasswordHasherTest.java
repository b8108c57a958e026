package io.rollcheck.platform.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void verifies_the_right_password_only_and_salts_every_hash() {
        String h = hasher.hash("correct horse 1");
        assertTrue(h.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), h);
        assertTrue(hasher.verify("correct horse 1", h));
        assertFalse(hasher.verify("correct horse 2", h));
        assertNotEquals(h, hasher.hash("correct horse 1"));
        assertFalse(hasher.verify("x", "$bcrypt$garbage"));
    }
}
