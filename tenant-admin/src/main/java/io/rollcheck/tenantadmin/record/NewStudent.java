package io.rollcheck.tenantadmin.record;

/** A student record as written by the roster import or by hand; personal fields in clear here only. */
public record NewStudent(String studentNo, String name, String sex, Long classId, Long collegeId, String idType,
                         String idNumber, String birthDate, String phone) {
}
