package io.rollcheck.tenantadmin.roster;

import java.time.LocalDate;

/** One validated, normalised roster row, ready to be compared and written. */
record StudentRow(int rowNumber, String candidateNo, String name, String studentNo, String sex, LocalDate birthDate,
                  String idType, String idNumber, String ethnicity, String origin, String institution, String major,
                  String duration, String level, Integer admissionYear, String studyMode, String category, String branch,
                  String department, String className, LocalDate enrolmentDate, LocalDate expectedGraduation,
                  String phone) {

    /** Every value in a fixed order, for the keyed row hash (unchanged detection). */
    String canonical() {
        Object[] v = {candidateNo, name, studentNo, sex, birthDate, idType, idNumber, ethnicity, origin, institution,
                major, duration, level, admissionYear, studyMode, category, branch, department, className, enrolmentDate,
                expectedGraduation, phone};
        StringBuilder sb = new StringBuilder(320);
        for (Object o : v) {
            String s = o == null ? "" : o.toString();
            sb.append(s.length()).append(':').append(s).append('|');
        }
        return sb.toString();
    }
}
