package io.rollcheck.platform.crypto;

/** A sealed value could not be opened (wrong key, wrong tenant or field, tampering). Never carries data. */
public class CryptoFailure extends RuntimeException {
    public CryptoFailure(String message) {
        super(message);
    }
}
