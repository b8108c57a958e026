package io.rollcheck.tenantadmin.demo;

import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.security.PasswordHasher;
import io.rollcheck.platform.security.Roles;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.validation.IdNumbers;
import io.rollcheck.tenantadmin.campaign.CampaignAuthoring;
import io.rollcheck.tenantadmin.org.Organisation;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo university's contents, made once: two colleges, three classes, 60 students (学号
 * 2025000001…), the accounts college / counselor / monitor, a sign-in account per demo student,
 * and a published campaign from the default template. The accounts made here get the demo
 * password when they are made; a later start changes no account (a password someone set stays
 * theirs) and gives nothing to students imported since, who sign in with their initial secret.
 */
@Singleton
public class DemoData {

    private final Db db;
    private final Organisation org;
    private final Students students;
    private final CampaignAuthoring campaigns;
    private final PasswordHasher hasher;

    public DemoData(Db db, Organisation org, Students students, CampaignAuthoring campaigns, PasswordHasher hasher) {
        this.db = db;
        this.org = org;
        this.students = students;
        this.campaigns = campaigns;
        this.hasher = hasher;
    }

    /** Fills the demo tenant when it has no campaign yet; otherwise changes nothing. */
    public void ensure(Tenant tenant, String password) {
        TenantContext t = tenant.context();
        if (campaigns.list(t).isEmpty()) {
            List<String> demoStudents = new ArrayList<>();
            long cs = org.addCollege(t, "system", "CS", "计算机学院", "School of Computing");
            long fl = org.addCollege(t, "system", "FL", "外国语学院", "School of Foreign Languages");
            long k1 = org.addClass(t, "system", cs, "CS2501", "计科2501", 2025, "本科");
            long k2 = org.addClass(t, "system", cs, "CS2502", "计科2502", 2025, "本科");
            long k3 = org.addClass(t, "system", fl, "EN2501", "英语2501", 2025, "本科");
            String[] surnames = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"};
            String[] given = {"晓明", "丽华", "建国", "思远", "雨涵", "子轩", "欣怡", "浩然", "梓萱", "一鸣"};
            long[][] classes = {{k1, cs}, {k2, cs}, {k3, fl}};
            for (int i = 1; i <= 60; i++) {
                long[] k = classes[(i - 1) / 20];
                String id = IdNumbers.make("320102", LocalDate.of(2007, 1, 1).plusDays(i * 5L), 100 + i);
                String name = i == 7 ? "买买提·艾力" : surnames[i % 10] + given[(i * 3) % 10];
                demoStudents.add(String.format("2025%06d", i));
                students.upsert(t, new NewStudent(String.format("2025%06d", i), name, IdNumbers.sex(id), k[0], k[1],
                        "RESIDENT_ID", id, IdNumbers.birthDate(id).toString(), "139" + String.format("%08d", 1000 + i)));
            }
            org.addStaff(t, "system", "college", "计算机学院 教务员", "college@demo.example.com", List.of(Roles.COLLEGE_STAFF),
                    List.of(cs), List.of());
            org.addStaff(t, "system", "counselor", "计科辅导员", null, List.of(Roles.COUNSELOR), List.of(), List.of(k1, k2));
            org.assignMonitor(t, "system", k1, "2025000001");
            db.tenant(t, c -> {
                // the monitor signs in as "monitor" too (an alias account scoped to his class)
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO users (username, display_name, roles, student_id) SELECT 'monitor', name,"
                                + " ARRAY['CLASS_MONITOR'], NULL FROM students WHERE student_no = '2025000001'"
                                + " ON CONFLICT (username) DO NOTHING RETURNING id")) {
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            try (PreparedStatement s = c.prepareStatement(
                                    "INSERT INTO user_scopes (user_id, class_id) VALUES (?, ?)")) {
                                s.setLong(1, rs.getLong(1));
                                s.setLong(2, k1);
                                s.executeUpdate();
                            }
                        }
                    }
                }
                return null;
            });
            String hash = hasher.hash(password);
            db.tenant(t, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE users SET password_hash = ?, must_change_password = false, setup_token_hash = NULL"
                                + " WHERE username IN ('college', 'counselor', 'monitor') AND password_hash IS NULL")) {
                    ps.setString(1, hash);
                    ps.executeUpdate();
                }
                // the demo students get an account with the demo password, so the demo works without
                // initial secrets; only these 学号, and only where no password exists yet (the class
                // monitor's account was just made by assignMonitor, without one)
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO users (username, display_name, roles, student_id, password_hash)"
                                + " SELECT student_no, name, ARRAY['STUDENT'], id, ? FROM students"
                                + " WHERE student_no = ANY(?) ON CONFLICT (username) DO UPDATE"
                                + " SET password_hash = EXCLUDED.password_hash, must_change_password = false"
                                + " WHERE users.password_hash IS NULL")) {
                    ps.setString(1, hash);
                    ps.setArray(2, c.createArrayOf("text", demoStudents.toArray()));
                    ps.executeUpdate();
                }
                return null;
            });
            long campaign = campaigns.create(t, "system", "2025级本科新生学籍信息自查", 2025, Locale.SIMPLIFIED_CHINESE, null);
            campaigns.publish(t, "system", campaign);
        }
    }
}
