package io.rollcheck.tenantadmin.record;

import io.micronaut.serde.annotation.Serdeable;

/** A student as a given viewer may see it: personal fields masked unless revealed. */
@Serdeable
public record StudentView(long id, String studentNo, String name, String sex, Long classId, Long collegeId,
                          String idType, String idNumber, String birthDate, String phone) {
}
