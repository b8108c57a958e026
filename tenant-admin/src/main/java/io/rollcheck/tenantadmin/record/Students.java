package io.rollcheck.tenantadmin.record;

import io.rollcheck.platform.crypto.Masking;
import io.rollcheck.platform.crypto.Pii;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * The student record store: personal fields (ID number, birth date, phone) are sealed with the
 * tenant's key before they reach SQL, and the ID number gets a blind index for look-ups.
 */
@Singleton
public class Students {

    public static final String F_ID = "id_number";
    public static final String F_BIRTH = "birth_date";
    public static final String F_PHONE = "phone";

    private final Db db;
    private final Pii pii;

    public Students(Db db, Pii pii) {
        this.db = db;
        this.pii = pii;
    }

    /** Inserts or updates by 学号; returns the record id. */
    public long upsert(TenantContext t, NewStudent s) {
        return db.tenant(t, c -> upsert(c, t, s));
    }

    /** The same inside the caller's transaction (bulk imports). */
    public long upsert(Connection c, TenantContext t, NewStudent s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO students (student_no, name, sex, class_id, college_id, id_type, id_number_enc, id_number_idx,"
                        + " birth_date_enc, phone_enc) VALUES (?,?,?,?,?,?,?,?,?,?)"
                        + " ON CONFLICT (student_no) DO UPDATE SET name = EXCLUDED.name, sex = EXCLUDED.sex,"
                        + " class_id = EXCLUDED.class_id, college_id = EXCLUDED.college_id, id_type = EXCLUDED.id_type,"
                        + " id_number_enc = EXCLUDED.id_number_enc, id_number_idx = EXCLUDED.id_number_idx,"
                        + " birth_date_enc = EXCLUDED.birth_date_enc, phone_enc = EXCLUDED.phone_enc, updated_at = now()"
                        + " RETURNING id")) {
            ps.setString(1, s.studentNo());
            ps.setString(2, s.name());
            ps.setString(3, s.sex());
            ps.setObject(4, s.classId());
            ps.setObject(5, s.collegeId());
            ps.setString(6, s.idType() == null ? "RESIDENT_ID" : s.idType());
            ps.setBytes(7, pii.seal(t, F_ID, s.idNumber()));
            ps.setBytes(8, s.idNumber() == null ? null : pii.blindIndex(t, F_ID, normaliseId(s.idNumber())));
            ps.setBytes(9, pii.seal(t, F_BIRTH, s.birthDate()));
            ps.setBytes(10, pii.seal(t, F_PHONE, s.phone()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The record id of the student with this ID number, found through the blind index. */
    public Optional<Long> findByIdNumber(TenantContext t, String idNumber) {
        byte[] idx = pii.blindIndex(t, F_ID, normaliseId(idNumber));
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM students WHERE id_number_idx = ?")) {
                ps.setBytes(1, idx);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** The record with personal fields masked ({@code reveal=false}) or in clear (callers audit reveals). */
    public Optional<StudentView> read(TenantContext t, long id, boolean reveal) {
        return db.tenant(t, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, student_no, name, sex, class_id, college_id, id_type, id_number_enc, birth_date_enc, phone_enc"
                            + " FROM students WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<StudentView>empty();
                    }
                    String idNo = pii.open(t, F_ID, rs.getBytes(8));
                    String birth = pii.open(t, F_BIRTH, rs.getBytes(9));
                    String phone = pii.open(t, F_PHONE, rs.getBytes(10));
                    return Optional.of(new StudentView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, Long.class), rs.getObject(6, Long.class), rs.getString(7),
                            reveal ? idNo : Masking.idNumber(idNo), reveal ? birth : Masking.birthDate(birth),
                            reveal ? phone : Masking.phone(phone)));
                }
            }
        });
    }

    /** The record masked for a viewer; {@code wide}: see {@link Masking#idNumberFor}. Never in clear. */
    public Optional<StudentView> readFor(TenantContext t, long id, boolean wide) {
        return read(t, id, true).map(v -> masked(v, wide));
    }

    /** A class's students as a viewer with these roles sees them, in 学号 order. */
    public java.util.List<StudentView> classList(TenantContext t, long classId, boolean wide) {
        java.util.List<Long> ids = db.tenant(t, c -> {
            java.util.List<Long> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM students WHERE class_id = ? ORDER BY student_no")) {
                ps.setLong(1, classId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        return ids.stream().map(id -> readFor(t, id, wide).orElseThrow()).toList();
    }

    private static StudentView masked(StudentView v, boolean wide) {
        return new StudentView(v.id(), v.studentNo(), v.name(), v.sex(), v.classId(), v.collegeId(), v.idType(),
                Masking.idNumberFor(wide, v.idNumber()), Masking.birthDateFor(wide, v.birthDate()),
                Masking.phone(v.phone()));
    }

    /**
     * Students the viewer may see, masked for him: all of them for the registrar, his colleges' or
     * classes' otherwise. {@code q}: an ID number (found by blind index), a 学号 prefix or part of a name.
     */
    public java.util.List<StudentView> search(TenantContext t, long viewerUserId, boolean all, boolean wide, Long classId,
                                              String q, int limit, int offset) {
        java.util.List<Object> args = new java.util.ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT st.id FROM students st WHERE true");
        if (!all) {
            sql.append(" AND EXISTS (SELECT 1 FROM user_scopes s JOIN users u ON u.id = s.user_id WHERE u.id = ?"
                    + " AND NOT u.disabled AND (s.class_id = st.class_id OR (s.college_id = st.college_id"
                    + " AND 'COLLEGE_STAFF' = ANY(u.roles))))");
            args.add(viewerUserId);
        }
        if (classId != null) {
            sql.append(" AND st.class_id = ?");
            args.add(classId);
        }
        if (q != null && !q.isBlank()) {
            String v = q.strip();
            if (v.matches("[0-9A-Za-z]{15,18}") && v.chars().filter(Character::isDigit).count() >= 14) {
                sql.append(" AND st.id_number_idx = ?");
                args.add(pii.blindIndex(t, F_ID, normaliseId(v)));
            } else {
                sql.append(" AND (st.student_no LIKE ? OR st.name LIKE ?)");
                String esc = v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                args.add(esc + "%");
                args.add("%" + esc + "%");
            }
        }
        sql.append(" ORDER BY st.student_no LIMIT ? OFFSET ?");
        args.add(Math.max(1, Math.min(limit, 500)));
        args.add(Math.max(0, offset));
        java.util.List<Long> ids = db.tenant(t, c -> {
            java.util.List<Long> out = new java.util.ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        return ids.stream().map(id -> readFor(t, id, wide).orElseThrow()).toList();
    }

    /** Upper-case X, no spaces: the form the blind index is computed over. */
    public static String normaliseId(String id) {
        return id.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
