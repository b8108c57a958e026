package io.rollcheck.platform.crypto;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** AES-256-GCM with a random 96-bit nonce: {@code version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)}. */
final class Aead {

    static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    /**
     * Nonces from a DRBG per thread, drawn 128 at a time: the default generator reads through one lock
     * that every thread shares (it serialised a roster import's sealing), and a DRBG's fixed cost per
     * call is several hashes. Nonces are stored beside the ciphertext; they need to be unique, not secret.
     */
    private static final class Nonces {
        private final SecureRandom random;
        private final byte[] buf = new byte[NONCE * 128];
        private int pos = buf.length;

        Nonces() {
            try {
                random = SecureRandom.getInstance("DRBG");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        void next(byte[] out, int off) {
            if (pos == buf.length) {
                random.nextBytes(buf);
                pos = 0;
            }
            System.arraycopy(buf, pos, out, off, NONCE);
            pos += NONCE;
        }
    }

    private static final ThreadLocal<Nonces> NONCES = ThreadLocal.withInitial(Nonces::new);
    /** Cipher.getInstance looks up providers each time: one instance per thread, re-initialised per use. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private Aead() {
    }

    static byte[] seal(SecretKey key, byte[] plaintext, String aad) {
        return seal(key, plaintext, aad.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        try {
            byte[] out = new byte[1 + NONCE + plaintext.length + TAG_BITS / 8];
            out[0] = VERSION;
            NONCES.get().next(out, 1);
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, out, 1, NONCE));
            c.updateAAD(aad);
            int n = c.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE);
            if (n != plaintext.length + TAG_BITS / 8) {
                throw new IllegalStateException("unexpected ciphertext length");
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    static byte[] open(SecretKey key, byte[] sealed, String aad) {
        if (sealed == null || sealed.length < 1 + NONCE + 16 || sealed[0] != VERSION) {
            throw new CryptoFailure("not a sealed value");
        }
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, 1 + NONCE, sealed.length - 1 - NONCE);
        } catch (GeneralSecurityException e) {
            // wrong key, wrong context or tampered: the same answer, and no value in the message
            throw new CryptoFailure("cannot open sealed value");
        }
    }
}
