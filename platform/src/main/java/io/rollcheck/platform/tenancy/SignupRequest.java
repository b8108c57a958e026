package io.rollcheck.platform.tenancy;

import io.micronaut.serde.annotation.Serdeable;

/** What a university submits on the platform site to get a tenant. */
@Serdeable
public record SignupRequest(String nameZh, String nameEn, String slug, String contactName, String email,
                            String phone, String note) {
}
