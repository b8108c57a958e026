package io.rollcheck.platform.validation;

/** The request does not fit the current state (e.g. approving a rejected sign-up). */
public class Conflict extends RuntimeException {
    private final String code;

    public Conflict(String code) {
        super(code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
