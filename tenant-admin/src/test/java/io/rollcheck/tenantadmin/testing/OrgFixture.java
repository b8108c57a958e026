package io.rollcheck.tenantadmin.testing;

import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.PasswordHasher;
import io.rollcheck.platform.tenancy.Tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small university inside one tenant: two colleges, three classes (K1, K2 in college 1; K3 in
 * college 2), {@code perClass} students each, and the staff accounts of every role with their scopes.
 * All passwords are {@link #PASSWORD}. (Org management itself belongs to the back office.)
 */
public final class OrgFixture {

    public static final String PASSWORD = "fixture-pass-1";

    public final Tenant tenant;
    public final long college1;
    public final long college2;
    public final long k1;
    public final long k2;
    public final long k3;
    public final List<Long> studentsK1 = new ArrayList<>();
    public final List<Long> studentsK2 = new ArrayList<>();
    public final List<Long> studentsK3 = new ArrayList<>();

    public OrgFixture(TestApp app, Tenant tenant, String prefix, int perClass) {
        this.tenant = tenant;
        Db db = app.bean(Db.class);
        String hash = app.bean(PasswordHasher.class).hash(PASSWORD);
        long[] ids = db.tenant(tenant.context(), c -> {
            long c1 = insert(c, "INSERT INTO colleges (code, name_zh) VALUES ('C1', '计算机学院') RETURNING id");
            long c2 = insert(c, "INSERT INTO colleges (code, name_zh) VALUES ('C2', '外国语学院') RETURNING id");
            long a = insert(c, "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (" + c1 + ", 'K1', '计科2501', 2025, '本科') RETURNING id");
            long b = insert(c, "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (" + c1 + ", 'K2', '计科2502', 2025, '本科') RETURNING id");
            long d = insert(c, "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (" + c2 + ", 'K3', '英语2501', 2025, '本科') RETURNING id");
            return new long[]{c1, c2, a, b, d};
        });
        college1 = ids[0];
        college2 = ids[1];
        k1 = ids[2];
        k2 = ids[3];
        k3 = ids[4];
        Students students = app.bean(Students.class);
        int n = 0;
        for (long[] cls : new long[][]{{k1, college1}, {k2, college1}, {k3, college2}}) {
            for (NewStudent s : Rosters.aRoster(prefix + cls[0], perClass, cls[1] == college1 ? cls[0] : cls[0], cls[1])) {
                long id = students.upsert(tenant.context(), s);
                (cls[0] == k1 ? studentsK1 : cls[0] == k2 ? studentsK2 : studentsK3).add(id);
                n++;
            }
        }
        db.tenant(tenant.context(), c -> {
            user(c, "admin", "TENANT_ADMIN", hash, null, null, null);
            user(c, "staff1", "COLLEGE_STAFF", hash, null, college1, null);
            user(c, "counselor1", "COUNSELOR", hash, null, null, k1);
            user(c, "monitor1", "CLASS_MONITOR','STUDENT", hash, studentsK1.get(0), null, k1);
            user(c, "student2", "STUDENT", hash, studentsK1.get(1), null, null);
            return null;
        });
    }

    private static void user(Connection c, String name, String roles, String hash, Long studentId, Long college,
                             Long cls) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (username, display_name, roles, password_hash, student_id) VALUES (?, ?, ARRAY['"
                        + roles + "'], ?, ?) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,"
                        + " roles = EXCLUDED.roles RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setString(3, hash);
            ps.setObject(4, studentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        if (college != null || cls != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_scopes (user_id, college_id, class_id) VALUES (?,?,?)")) {
                ps.setLong(1, id);
                ps.setObject(2, college);
                ps.setObject(3, cls);
                ps.executeUpdate();
            }
        }
    }

    private static long insert(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public String host() {
        return tenant.slug() + ".localhost";
    }
}
