package io.rollcheck.tenantadmin.record;

import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.crypto.Pii;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every field of one student record by {@link RecordField}, personal ones opened (callers mask before
 * showing), and the write of one corrected field. Runs inside the caller's tenant transaction.
 */
@Singleton
public class RecordValues {

    /** The record, its ids and the values in clear. */
    public record Record(long id, String studentNo, Long classId, Long collegeId, String idType,
                         Map<RecordField, String> values) {
        public String get(RecordField f) {
            return values.get(f);
        }
    }

    private static final String COLUMNS = "id, student_no, class_id, college_id, id_type, candidate_no, name, sex,"
            + " birth_date_enc, id_number_enc, ethnicity, origin, institution, major, duration, level, admission_year,"
            + " study_mode, category, branch, department, class_name, enrolment_date, expected_graduation, phone_enc";

    private final Pii pii;

    public RecordValues(Pii pii) {
        this.pii = pii;
    }

    public Optional<Record> read(Connection c, io.rollcheck.platform.tenancy.TenantContext t, long studentId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM students WHERE id = ?")) {
            ps.setLong(1, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<RecordField, String> v = new EnumMap<>(RecordField.class);
                v.put(RecordField.STUDENT_NO, rs.getString("student_no"));
                v.put(RecordField.ID_TYPE, rs.getString("id_type"));
                v.put(RecordField.CANDIDATE_NO, rs.getString("candidate_no"));
                v.put(RecordField.NAME, rs.getString("name"));
                v.put(RecordField.SEX, rs.getString("sex"));
                v.put(RecordField.BIRTH_DATE, pii.open(t, Students.F_BIRTH, rs.getBytes("birth_date_enc")));
                v.put(RecordField.ID_NUMBER, pii.open(t, Students.F_ID, rs.getBytes("id_number_enc")));
                v.put(RecordField.ETHNICITY, rs.getString("ethnicity"));
                v.put(RecordField.ORIGIN, rs.getString("origin"));
                v.put(RecordField.INSTITUTION, rs.getString("institution"));
                v.put(RecordField.MAJOR, rs.getString("major"));
                v.put(RecordField.DURATION, rs.getString("duration"));
                v.put(RecordField.LEVEL, rs.getString("level"));
                Object year = rs.getObject("admission_year");
                v.put(RecordField.ADMISSION_YEAR, year == null ? null : year.toString());
                v.put(RecordField.STUDY_MODE, rs.getString("study_mode"));
                v.put(RecordField.CATEGORY, rs.getString("category"));
                v.put(RecordField.BRANCH, rs.getString("branch"));
                v.put(RecordField.DEPARTMENT, rs.getString("department"));
                v.put(RecordField.CLASS, rs.getString("class_name"));
                v.put(RecordField.ENROLMENT_DATE, text(rs.getObject("enrolment_date", LocalDate.class)));
                v.put(RecordField.EXPECTED_GRADUATION, text(rs.getObject("expected_graduation", LocalDate.class)));
                v.put(RecordField.PHONE, pii.open(t, Students.F_PHONE, rs.getBytes("phone_enc")));
                return Optional.of(new Record(rs.getLong("id"), rs.getString("student_no"),
                        rs.getObject("class_id", Long.class), rs.getObject("college_id", Long.class),
                        rs.getString("id_type"), v));
            }
        }
    }

    /**
     * Writes one field in its stored form (see {@link FieldRules#check}). The keyed row hash of the
     * roster import is cleared, so the next import of the registrar's file shows this row as changed.
     */
    public void write(Connection c, io.rollcheck.platform.tenancy.TenantContext t, long studentId, RecordField f,
                      String value) throws SQLException {
        String set;
        Object arg;
        Object arg2 = null;
        switch (f) {
            case ID_NUMBER -> {
                set = "id_number_enc = ?, id_number_idx = ?";
                arg = pii.seal(t, Students.F_ID, value);
                arg2 = pii.blindIndex(t, Students.F_ID, Students.normaliseId(value));
            }
            case BIRTH_DATE -> {
                set = "birth_date_enc = ?";
                arg = pii.seal(t, Students.F_BIRTH, value);
            }
            case PHONE -> {
                set = "phone_enc = ?";
                arg = pii.seal(t, Students.F_PHONE, value);
            }
            case ADMISSION_YEAR -> {
                set = "admission_year = ?";
                arg = Integer.valueOf(value);
            }
            case ENROLMENT_DATE, EXPECTED_GRADUATION -> {
                set = column(f) + " = ?";
                arg = Date.valueOf(LocalDate.parse(value));
            }
            case STUDENT_NO -> throw new IllegalArgumentException("the student number is the record's key");
            default -> {
                set = column(f) + " = ?";
                arg = value;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE students SET " + set + ", row_hash = NULL, updated_at = now() WHERE id = ?")) {
            int i = 1;
            ps.setObject(i++, arg);
            if (arg2 != null) {
                ps.setObject(i++, arg2);
            }
            ps.setLong(i, studentId);
            ps.executeUpdate();
        }
    }

    /** A value as a viewer may see it: personal fields masked. */
    public static String masked(RecordField f, String value, boolean wide) {
        return switch (f) {
            case ID_NUMBER -> Masking.idNumberFor(wide, value);
            case BIRTH_DATE -> Masking.birthDateFor(wide, value);
            case PHONE -> Masking.phone(value);
            default -> value;
        };
    }

    private static String column(RecordField f) {
        return switch (f) {
            case CLASS -> "class_name";
            default -> f.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
