package io.rollcheck.webui.student;

import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Re-authentication before an act that needs it (signing, showing the full ID number): the password
 * again through the platform's throttled check; an account without a password of its own (single
 * sign-on only) proves itself by its signed-in session.
 */
@Singleton
class Reauth {

    static final String MISSING = "missing";
    static final String PASSWORD = "PASSWORD";
    static final String SSO = "SSO";

    private final SignIn signIn;

    Reauth(SignIn signIn) {
        this.signIn = signIn;
    }

    boolean hasPassword(TenantContext t, String username) {
        return signIn.hasPassword(t, username);
    }

    /** Empty when proved; else {@link #MISSING} or the platform's refusal code. */
    Optional<String> check(TenantContext t, String username, PasswordPrompt prompt, String ip) {
        if (!prompt.withPassword() && !signIn.hasPassword(t, username)) {
            return Optional.empty();
        }
        if (prompt.password() == null || prompt.password().isEmpty()) {
            return Optional.of(MISSING);
        }
        return signIn.reauthenticate(t, username, prompt.password(), prompt.code(), ip);
    }

    /** How the student proved it, as the signature's evidence record names it. */
    static String method(PasswordPrompt prompt) {
        return prompt.withPassword() ? PASSWORD : SSO;
    }

    /** Shows a refusal on the prompt. */
    static void show(PasswordPrompt prompt, String refusal) {
        if (MISSING.equals(refusal)) {
            prompt.missing();
        } else {
            prompt.refused(refusal);
        }
    }
}
