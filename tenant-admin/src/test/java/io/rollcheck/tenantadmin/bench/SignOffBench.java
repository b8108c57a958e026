package io.rollcheck.tenantadmin.bench;

import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.tenantadmin.campaign.PublishedCampaigns;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.validation.IdNumbers;
import io.rollcheck.tenantadmin.signoff.CampaignProgress;

import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 7 figures. Run with {@code bash infra/bench/run.sh signoff}.
 * <ol>
 *   <li>the registrar's cockpit for 20,000 students in 500 classes (25 colleges), 60 % signed:
 *       server time of the progress view (maintained counters), and of the whole HTTP call;</li>
 *   <li>the class sheet PDF of a 60-student class;</li>
 *   <li>a college's ZIP of 40 class sheets.</li>
 * </ol>
 */
public final class SignOffBench {

    public static void main(String[] args) throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant t = app.aTenant();
            OrgFixture org = new OrgFixture(app, t, "F", 2);
            String host = org.host();
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            long t0 = System.nanoTime();
            long[] big = build(app, t);
            long campaign = CampaignFixture.publish(app, t, "bench", CampaignFixture.aCampaign(today, 10, CampaignContent.LatePolicy.REFUSE));
            app.bean(Db.class).tenant(t.context(), c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO student_signatures (campaign_id, version, student_id,"
                        + " username, method, content_sha256, content_enc, receipt_code, signed_at)"
                        + " SELECT ?, 1, s.id, s.student_no, 'PASSWORD', '\\x00', '\\x00', 'B' || s.id, now() - (s.id % 7) * interval '1 day'"
                        + " FROM students s WHERE s.id % 5 < 3")) {
                    ps.setLong(1, campaign);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO progress_daily (campaign_id, day, signed)"
                        + " SELECT ?, signed_at::date, count(*) FROM student_signatures GROUP BY 2")) {
                    ps.setLong(1, campaign);
                    ps.executeUpdate();
                }
                return null;
            });
            app.bean(PublishedCampaigns.class).changed(t.context());
            app.bean(Db.class).tenant(t.context(), c -> {
                app.bean(io.rollcheck.tenantadmin.selfcheck.Progress.class).rebuild(c,
                        app.bean(PublishedCampaigns.class).open(t.context(), campaign).orElseThrow());
                return null;
            });
            long students = count(app, t, "SELECT count(*) FROM students");
            long classes = count(app, t, "SELECT count(*) FROM classes");
            System.out.printf(Locale.ROOT, "setup: %d students, %d classes in %.1f s%n", students, classes, (System.nanoTime() - t0) / 1e9);

            CampaignProgress progress = app.bean(CampaignProgress.class);
            var pc = app.bean(PublishedCampaigns.class).open(t.context(), campaign).orElseThrow();
            for (int i = 0; i < 30; i++) {
                progress.view(t.context(), pc);
            }
            long[] server = new long[50];
            CampaignProgress.View v = null;
            for (int i = 0; i < server.length; i++) {
                long s = System.nanoTime();
                v = progress.view(t.context(), pc);
                server[i] = System.nanoTime() - s;
            }
            String admin = app.login(host, "admin", OrgFixture.PASSWORD);
            long[] http = new long[50];
            for (int i = 0; i < 10; i++) {
                app.get(host, "/api/admin/campaigns/" + campaign + "/progress", admin);
            }
            int bytes = 0;
            for (int i = 0; i < http.length; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = app.get(host, "/api/admin/campaigns/" + campaign + "/progress", admin);
                http[i] = System.nanoTime() - s;
                bytes = r.body().length();
            }
            System.out.printf(Locale.ROOT, "cockpit (%d students, %d classes, rate %.1f %%): server view median=%.1f ms p95=%.1f ms;"
                            + " HTTP call median=%.1f ms p95=%.1f ms (%d KB JSON) — target < 300 ms%n",
                    v.total().students(), v.classes().size(), v.total().rate(), med(server), p95(server), med(http), p95(http), bytes / 1024);

            long[] pdf = new long[20];
            int pdfBytes = 0;
            for (int i = 0; i < 5; i++) {
                app.getBytes(host, "/api/classes/" + big[0] + "/sheet.pdf", admin, "application/pdf");
            }
            for (int i = 0; i < pdf.length; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> r = app.getBytes(host, "/api/classes/" + big[0] + "/sheet.pdf", admin, "application/pdf");
                pdf[i] = System.nanoTime() - s;
                pdfBytes = r.body().length;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("sheet " + r.statusCode());
                }
            }
            System.out.printf(Locale.ROOT, "class sheet PDF, 60 students: median=%.0f ms p95=%.0f ms (%d KB) — target < 500 ms%n",
                    med(pdf), p95(pdf), pdfBytes / 1024);

            long[] zip = new long[3];
            int zipBytes = 0;
            for (int i = 0; i < zip.length; i++) {
                long s = System.nanoTime();
                HttpResponse<byte[]> r = app.getBytes(host, "/api/admin/colleges/" + big[1] + "/sheets.zip", admin, "application/zip");
                zip[i] = System.nanoTime() - s;
                zipBytes = r.body().length;
            }
            Arrays.sort(zip);
            System.out.printf(Locale.ROOT, "college ZIP, 40 sheets of 40 students: median=%.2f s (%d KB) — target < 10 s%n",
                    zip[1] / 1e9, zipBytes / 1024);
        }
    }

    /** 25 colleges × 20 classes × 40 students, college 1 has 40 classes; plus one class of 60. {class60, college40}. */
    static long[] build(TestApp app, Tenant t) {
        Students students = app.bean(Students.class);
        return app.bean(Db.class).tenant(t.context(), c -> {
            List<Long> colleges = new ArrayList<>();
            for (int g = 0; g < 24; g++) {
                colleges.add(insert(c, "INSERT INTO colleges (code, name_zh) VALUES ('B" + g + "', '学院" + g + "') RETURNING id"));
            }
            int n = 0;
            long firstCollege = colleges.get(0);
            for (int k = 0; k < 500; k++) {
                long college = k < 40 ? firstCollege : colleges.get(1 + (k - 40) % 23);
                long cls = insert(c, "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (" + college + ", 'B" + k
                        + "', '班级" + String.format("%03d", k) + "', 2025, '本科') RETURNING id");
                for (int i = 0; i < 40; i++) {
                    add(students, c, t, n++, cls, college);
                }
            }
            long big = insert(c, "INSERT INTO classes (college_id, code, name, cohort, level) VALUES (" + colleges.get(1)
                    + ", 'BIG', '大班', 2025, '本科') RETURNING id");
            for (int i = 0; i < 60; i++) {
                add(students, c, t, n++, big, colleges.get(1));
            }
            return new long[]{big, firstCollege};
        });
    }

    private static void add(Students students, java.sql.Connection c, Tenant t, int n, long cls, long college)
            throws java.sql.SQLException {
        String id = IdNumbers.make("320102", LocalDate.of(2006, 1, 1).plusDays(n % 1500), n % 1000);
        students.upsert(c, t.context(), new NewStudent(String.format("2025%06d", n), "学生" + n, IdNumbers.sex(id), cls, college,
                "RESIDENT_ID", id, IdNumbers.birthDate(id).toString(), "139" + String.format("%08d", n)));
    }

    private static long insert(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long count(TestApp app, Tenant t, String sql) {
        return app.bean(Db.class).tenant(t.context(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static double med(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    static double p95(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[(int) (s.length * 0.95)] / 1e6;
    }
}
