package io.rollcheck.platform.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.inject.Singleton;

import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * RFC 6238 one-time codes (java-otp): 6 digits, 30-second steps, HMAC-SHA1 (what authenticator apps
 * expect). A code is accepted one step early or late; the caller stores the step it used so that a
 * code is never accepted twice.
 */
@Singleton
public class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Duration STEP = Duration.ofSeconds(30);

    private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, 6);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new 160-bit secret, base32 as authenticator apps take it. */
    public String newSecret() {
        byte[] b = new byte[20];
        random.nextBytes(b);
        return base32(b);
    }

    public String uri(String issuer, String account, String secret) {
        String label = URLEncoder.encode(issuer + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer="
                + URLEncoder.encode(issuer, StandardCharsets.UTF_8).replace("+", "%20") + "&digits=6&period=30";
    }

    /** The time step the code belongs to (now ±1), if it is valid and newer than {@code lastStep}. */
    public OptionalLong verify(String secret, String code, Long lastStep) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        byte[] submitted = code.strip().getBytes(StandardCharsets.US_ASCII);
        long now = clock.instant().getEpochSecond() / STEP.getSeconds();
        SecretKeySpec key = new SecretKeySpec(unbase32(secret), generator.getAlgorithm());
        for (long step = now - 1; step <= now + 1; step++) {
            if (lastStep != null && step <= lastStep) {
                continue;
            }
            if (MessageDigest.isEqual(submitted, codeAt(key, step).getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of the current step (tests and the enrolment screen's self-check). */
    public String current(String secret) {
        return codeAt(new SecretKeySpec(unbase32(secret), generator.getAlgorithm()),
                clock.instant().getEpochSecond() / STEP.getSeconds());
    }

    private String codeAt(SecretKeySpec key, long step) {
        try {
            int otp = generator.generateOneTimePassword(key, java.time.Instant.ofEpochSecond(step * STEP.getSeconds()));
            return String.format(Locale.ROOT, "%06d", otp);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] unbase32(String s) {
        String clean = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int i = 0;
        for (char ch : clean.toCharArray()) {
            int v = BASE32.indexOf(ch);
            if (v < 0) {
                throw new IllegalArgumentException("not base32");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[i++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
