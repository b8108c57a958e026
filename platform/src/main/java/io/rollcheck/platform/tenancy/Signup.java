package io.rollcheck.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A sign-up as the operator sees it. */
@Serdeable
public record Signup(long id, String nameZh, String nameEn, String slug, String contactName, String email,
                     String phone, String note, String status, String rejectReason, Long tenantId,
                     Instant createdAt) {
}
