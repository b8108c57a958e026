package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways a commit writes: straight into {@code students} with its plain indexes and foreign
 * keys rebuilt at the end (a roster of at most {@link RosterImport#DIRECT_MAX_EXISTING} students), or
 * staged and upserted (a larger roster, with a one-time index rebuild when the new rows outnumber the
 * old). Each must leave the same table behind: every index and key in place, and the right rows.
 */
class RosterLoadPathsIT {

    static TestApp app;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    RosterImport.Report run(TenantContext t, List<List<String>> rows, boolean createClasses) throws Exception {
        Path f = RosterFixtures.utf8(dir, rows);
        return app.bean(RosterImport.class).run(t, "admin", f, f.getFileName().toString(),
                new RosterImport.Options(false, createClasses, Map.of(), Messages.ZH));
    }

    /** The students table's indexes and constraints as PostgreSQL describes them. */
    static TreeSet<String> shape(TenantContext t) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement()) {
            String table = "'" + Db.quote(t.schema()) + ".students'";
            try (ResultSet rs = s.executeQuery("SELECT replace(pg_get_indexdef(indexrelid), " + "'" + t.schema() + ".', '')"
                    + " FROM pg_index WHERE indrelid = " + table + "::regclass")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT conname || ' ' || replace(pg_get_constraintdef(oid), '" + t.schema()
                    + ".', '') || ' ' || convalidated FROM pg_constraint WHERE conrelid = " + table + "::regclass")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    static List<List<String>> rows(int from, int to, String className) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            rows.add(RosterFixtures.row("L", i, className));
        }
        return rows;
    }

    @Test
    void a_first_import_loads_directly_creates_its_classes_and_leaves_every_index_and_key_in_place() throws Exception {
        TenantContext t = RosterImportIT.tenantWithClass(app, "计科2501");
        TreeSet<String> before = shape(t);
        assertTrue(before.stream().anyMatch(d -> d.contains("students_class ")), before.toString());
        assertTrue(before.stream().anyMatch(d -> d.startsWith("students_class_id_fkey FOREIGN KEY")), before.toString());

        List<List<String>> rows = rows(1, 40, "计科2501");
        rows.get(7).set(18, "新建2501");
        rows.get(9).set(18, "新建2502");
        rows.get(11).set(18, "新建2501");
        rows.get(12).set(1, "Back\\slash \\N"); // COPY text escapes
        RosterImport.Report r = run(t, rows, true);
        assertTrue(r.committed(), r.errors().toString());
        assertEquals(40, r.created());
        assertEquals(List.of("新建2501", "新建2502"), r.missingClasses());
        assertEquals(before, shape(t), "the direct load rebuilt exactly what it dropped");
        assertEquals(40, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE class_id IS NOT NULL AND college_id IS NOT NULL"));
        assertEquals(2, RosterImportIT.count(t, "SELECT count(*) FROM %1$s.students s JOIN %1$s.classes k ON k.id = s.class_id"
                + " JOIN %1$s.colleges g ON g.id = k.college_id AND g.id = s.college_id WHERE k.name = '新建2501' AND g.code = 'UNASSIGNED'"));
        assertEquals(40, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE enrolment_date = DATE '2025-09-01'"
                + " AND expected_graduation = DATE '2029-06-30' AND admission_year = 2025 AND duration = '4' AND candidate_no LIKE '25320102%%'"));
        assertEquals(1, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE name = E'Back\\\\slash \\\\N'"));

        // a row rejected: the whole load is rolled back, drops included
        List<List<String>> more = rows(41, 60, "计科2501");
        more.get(3).set(6, "123");
        RosterImport.Report bad = run(t, more, true);
        assertFalse(bad.committed());
        assertEquals(40, RosterImportIT.count(t, "SELECT count(*) FROM %s.students"));
        assertEquals(before, shape(t));

        // the same roster with two rows changed and twenty new: still direct (a small roster), both kinds written
        List<List<String>> next = rows(1, 60, "计科2501");
        next.get(7).set(18, "新建2501");
        next.get(9).set(18, "新建2502");
        next.get(11).set(18, "新建2501");
        next.get(12).set(1, "Back\\slash \\N");
        next.get(2).set(10, "软件工程");
        next.get(4).set(18, "新建2503"); // moved to a class this import creates
        RosterImport.Report again = run(t, next, true);
        assertTrue(again.committed(), again.errors().toString());
        assertEquals(20, again.created());
        assertEquals(2, again.updated());
        assertEquals(38, again.unchanged());
        assertEquals(1, RosterImportIT.count(t, "SELECT count(*) FROM %1$s.students s JOIN %1$s.classes k ON k.id = s.class_id"
                + " WHERE k.name = '新建2503' AND s.student_no = 'L000005'"));
        assertEquals(2, RosterImportIT.count(t, "SELECT count(*) FROM %s.audit_log WHERE action = 'record.updated'"));
        assertEquals(before, shape(t));
    }

    @Test
    void a_gbk_file_with_english_headers_read_as_utf8_on_trust_is_found_out_and_read_again_leaving_nothing_behind()
            throws Exception {
        TenantContext t = RosterImportIT.tenantWithClass(app, "计科2501");
        StringBuilder csv = new StringBuilder("student no,name,id number,class\n");
        for (List<String> r : rows(1, 30, "计科2501")) {
            csv.append(r.get(2)).append(',').append("张").append(r.get(1)).append(',').append(r.get(6)).append(',').append(r.get(18)).append('\n');
        }
        Path f = dir.resolve("gbk-english.csv");
        java.nio.file.Files.write(f, csv.toString().getBytes(java.nio.charset.Charset.forName("GBK")));
        RosterImport importer = app.bean(RosterImport.class);

        RosterImport.Report dry = importer.run(t, "admin", f, "gbk-english.csv", new RosterImport.Options(true, true, Map.of(), Messages.ZH));
        assertEquals("CSV (GB18030/GBK)", dry.fileType());
        assertEquals(30, dry.created(), dry.errors().toString());
        assertEquals(List.of(), dry.missingClasses());

        // on trust the class names come out garbled, so the first reading creates classes for them, then finds out
        RosterImport.Report r = importer.run(t, "admin", f, "gbk-english.csv", new RosterImport.Options(false, true, Map.of(), Messages.ZH));
        assertTrue(r.committed(), r.errors().toString());
        assertEquals("CSV (GB18030/GBK)", r.fileType());
        assertEquals(30, r.created());
        assertEquals(List.of(), r.missingClasses());
        assertEquals(1, RosterImportIT.count(t, "SELECT count(*) FROM %s.classes"), "no class from the garbled reading");
        assertEquals(0, RosterImportIT.count(t, "SELECT count(*) FROM %s.colleges WHERE code = 'UNASSIGNED'"));
        assertEquals(30, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE name LIKE '张学生%%'"));
        assertEquals(1, RosterImportIT.count(t, "SELECT count(*) FROM %s.roster_imports WHERE committed AND created = 30"));
    }

    @Test
    void a_larger_roster_is_staged_and_upserted_and_a_big_addition_rebuilds_its_indexes_once() throws Exception {
        TenantContext t = RosterImportIT.tenantWithClass(app, "计科2501");
        TreeSet<String> before = shape(t);
        int existing = RosterImport.DIRECT_MAX_EXISTING + 1;
        RosterImport.Report first = run(t, rows(1, existing, "计科2501"), false);
        assertEquals(existing, first.created(), first.errors().toString());

        // beyond the direct limit, with more new rows than old ones: staged, indexes rebuilt once
        int added = Math.max(RosterImport.BULK_MIN_ROWS, existing);
        assertTrue(RosterImport.bulkLoad(added, existing));
        List<List<String>> all = rows(1, existing + added, "计科2501");
        all.get(10).set(1, "改名一");
        all.get(20).set(21, "13900000000");
        RosterImport.Report big = run(t, all, false);
        assertTrue(big.committed(), big.errors().toString());
        assertEquals(added, big.created());
        assertEquals(2, big.updated());
        assertEquals(existing - 2, big.unchanged());
        assertEquals(existing + added, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE class_id IS NOT NULL"));
        assertEquals(1, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE student_no = 'L000011' AND name = '改名一'"));
        assertEquals(existing + added, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE enrolment_date = DATE '2025-09-01'"
                + " AND admission_year = 2025"));
        assertEquals(before, shape(t));

        // a small change to a large roster: the per-row path
        all.get(30).set(1, "改名二");
        RosterImport.Report small = run(t, all, false);
        assertEquals(1, small.updated(), small.errors().toString());
        assertEquals(1, RosterImportIT.count(t, "SELECT count(*) FROM %s.students WHERE student_no = 'L000031' AND name = '改名二'"));
        assertEquals(3, RosterImportIT.count(t, "SELECT count(*) FROM %s.audit_log WHERE action = 'record.updated'"));
        assertEquals(before, shape(t));
    }
}
