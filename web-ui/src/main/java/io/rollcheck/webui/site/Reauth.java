package io.rollcheck.webui.site;

import io.rollcheck.platform.security.SignIn;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Re-authentication before an act that needs it (signing, showing the full ID number): the password
 * again through the platform's throttled check (with the second factor when the account has one); an
 * account without a password of its own (single sign-on only) proves itself by a sign-on of the last
 * {@value SignIn#SSO_FRESH_SECONDS} seconds, as the API asks of its tokens.
 */
@Singleton
public class Reauth {

    public static final String MISSING = "missing";
    /** A single sign-on older than {@link SignIn#SSO_FRESH_SECONDS}: sign on again first. */
    public static final String SSO_STALE = "reauth.sso.stale";
    public static final String PASSWORD = "PASSWORD";
    public static final String SSO = "SSO";

    private final SignIn signIn;

    Reauth(SignIn signIn) {
        this.signIn = signIn;
    }

    public boolean hasPassword(TenantContext t, String username) {
        return signIn.hasPassword(t, username);
    }

    /** Empty when proved; else {@link #MISSING}, {@link #SSO_STALE} or the platform's refusal. */
    public Optional<SignIn.Refused> check(TenantContext t, String username, PasswordPrompt prompt, String ip) {
        return check(t, username, prompt.withPassword(), prompt.password(), prompt.code(), ip,
                Site.signedInAt().orElse(null), Instant.now());
    }

    /** The same with every input spelled out: {@code signedInAt} is when this session signed on. */
    public Optional<SignIn.Refused> check(TenantContext t, String username, boolean withPassword, String password, String code,
                                  String ip, Instant signedInAt, Instant now) {
        if (!withPassword && !signIn.hasPassword(t, username)) {
            boolean fresh = signedInAt != null && now.getEpochSecond() - signedInAt.getEpochSecond() < SignIn.SSO_FRESH_SECONDS;
            return fresh ? Optional.empty() : Optional.of(new SignIn.Refused(SSO_STALE));
        }
        if (password == null || password.isEmpty()) {
            return Optional.of(new SignIn.Refused(MISSING));
        }
        return signIn.reauthenticate(t, username, password, code, ip);
    }

    /** How the student proved it, as the signature's evidence record names it. */
    public static String method(PasswordPrompt prompt) {
        return prompt.withPassword() ? PASSWORD : SSO;
    }

    /** Shows a refusal on the prompt. */
    public static void show(PasswordPrompt prompt, SignIn.Refused refusal) {
        if (MISSING.equals(refusal.code())) {
            prompt.missing();
        } else {
            prompt.refused(refusal);
        }
    }
}
