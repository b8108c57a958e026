package io.rollcheck.platform.validation;

import io.micronaut.serde.annotation.Serdeable;

/** One problem with one field: a stable code; the words come from the bundles. */
@Serdeable
public record FieldError(String field, String code) {
}
