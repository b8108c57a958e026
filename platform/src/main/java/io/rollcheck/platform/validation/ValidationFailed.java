package io.rollcheck.platform.validation;

import java.util.List;

/** Input refused; nothing was written. Carries every field problem found, not just the first. */
public class ValidationFailed extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super("validation failed: " + errors.stream().map(e -> e.field() + "=" + e.code()).toList());
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String code) {
        return new ValidationFailed(List.of(new FieldError(field, code)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
