package io.rollcheck.platform.validation;

/** The thing asked for does not exist here (or is not visible to the caller: the same answer). */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
