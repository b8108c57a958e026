package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.tenantadmin.record.StudentView;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantContext;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import io.rollcheck.platform.validation.IdNumbers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterImportIT {

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

    static TenantContext tenantWithClass(String... classNames) {
        return tenantWithClass(app, classNames);
    }

    /** A new tenant of {@code app} with college CS and these classes (names = codes). */
    static TenantContext tenantWithClass(TestApp app, String... classNames) {
        Tenant t = app.aTenant();
        app.bean(Db.class).tenant(t.context(), c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO colleges (code, name_zh) VALUES ('CS', '计算机学院')");
                for (String n : classNames) {
                    s.execute("INSERT INTO classes (college_id, code, name) SELECT id, '" + n + "', '" + n + "' FROM colleges WHERE code = 'CS'");
                }
            }
            return null;
        });
        return t.context();
    }

    RosterImport.Report run(TenantContext t, Path f, boolean dryRun) {
        return app.bean(RosterImport.class).run(t, "admin", f, f.getFileName().toString(),
                new RosterImport.Options(dryRun, false, Map.of(), Messages.ZH));
    }

    static long count(TenantContext t, String sql) throws Exception {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(String.format(sql, Db.quote(t.schema())))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows with every tricky case; returns the expected (row number → code) of the bad ones. */
    static List<List<String>> tricky(Map<Integer, String> expectedBad) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            rows.add(RosterFixtures.row("2025", i, "计科2501"));
        }
        // spreadsheet row numbers: header is 1, rows.get(k) is row k + 2
        rows.get(0).set(6, rows.get(0).get(6).substring(0, 17) + (rows.get(0).get(6).endsWith("0") ? "1" : "0"));
        expectedBad.put(2, "id.checksum");
        String withX = null;
        for (int seq = 0; seq < 1000 && withX == null; seq++) {
            String id = IdNumbers.make("110105", LocalDate.of(2007, 5, 5), seq);
            if (id.endsWith("X")) {
                withX = id;
            }
        }
        rows.get(1).set(6, withX.toLowerCase());          // lower-case x: accepted, stored as X
        rows.get(1).set(4, "2007/5/5");                    // another date spelling
        rows.get(1).set(3, IdNumbers.sex(withX).equals("M") ? "男" : "女");
        rows.get(2).set(4, "2001-01-01");
        expectedBad.put(4, "birthDate.idMismatch");
        rows.get(3).set(3, rows.get(3).get(3).equals("男") ? "女" : "男");
        expectedBad.put(5, "sex.idMismatch");
        String permit = IdNumbers.make("810000", LocalDate.of(2006, 8, 8), 11);
        rows.get(4).set(5, "港澳台居民居住证");
        rows.get(4).set(6, permit);
        rows.get(4).set(4, "20060808");
        rows.get(4).set(3, IdNumbers.sex(permit).equals("M") ? "男" : "女");
        rows.get(5).set(5, "港澳台居民居住证");
        expectedBad.put(7, "id.permitPrefix");             // a mainland number under the permit type
        rows.get(6).set(5, "护照");
        rows.get(6).set(6, "E12345678");
        rows.get(6).set(4, "2006-02-02");
        rows.get(7).set(2, rows.get(8).get(2));
        expectedBad.put(10, "studentNo.duplicate");        // the second occurrence is the bad one
        rows.get(10).set(1, "");
        expectedBad.put(12, "required");
        rows.get(11).set(18, "不存在的班级");
        expectedBad.put(13, "class.unknown");
        rows.get(12).set(21, "12345");
        expectedBad.put(14, "phone.format");
        rows.get(13).set(1, "买买提·艾力");                 // middle dot kept
        rows.get(14).set(1, "王\uD840\uDC0B");              // a character outside the BMP kept
        rows.get(15).set(1, "Anna  Maria");                // inner spaces kept
        rows.get(16).set(4, "2007-13-40");
        expectedBad.put(18, "date.format");
        return rows;
    }

    @Test
    void a_roster_with_every_tricky_case_is_rejected_exactly_where_expected_and_nothing_is_written() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        Map<Integer, String> expected = new java.util.TreeMap<>();
        List<List<String>> rows = tricky(expected);
        // a student row 9 also carries the duplicate 学号 (row 10 is the duplicate)
        expected.put(10, "studentNo.duplicate");
        RosterImport.Report r = run(t, RosterFixtures.utf8(dir, rows), false);
        Map<Integer, String> got = r.errors().stream().collect(Collectors.toMap(RowError::row, RowError::code, (a, b) -> a + "," + b,
                java.util.TreeMap::new));
        assertEquals(expected, got, r.errors().toString());
        assertEquals(expected.size(), r.rejected());
        assertFalse(r.committed());
        assertEquals(0, count(t, "SELECT count(*) FROM %s.students"));
        RowError checksum = r.errors().stream().filter(e -> e.row() == 2).findFirst().orElseThrow();
        assertEquals("身份证号", checksum.column());
        assertTrue(checksum.message().contains("第 2 行") && checksum.message().contains("身份证号"), checksum.message());
    }

    @Test
    void an_id_number_twice_in_the_file_or_already_another_students_is_rejected_at_the_later_row() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        List<List<String>> first = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            first.add(RosterFixtures.row("2025", i, "计科2501"));
        }
        assertEquals(4, run(t, RosterFixtures.utf8(dir, first), false).created());

        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(RosterFixtures.row("2025", i, "计科2501")); // rows 2-4: the students already there, unchanged
        }
        for (int i = 5; i <= 300; i++) {
            rows.add(RosterFixtures.row("2025", i, "计科2501")); // rows 5-300: new students
        }
        List<String> taken = RosterFixtures.row("2025", 400, "计科2501"); // row 301: student 4's ID number
        taken.set(6, first.get(3).get(6));
        taken.set(3, first.get(3).get(3));
        taken.set(4, first.get(3).get(4));
        rows.add(taken);
        List<String> again = RosterFixtures.row("2025", 401, "计科2501"); // row 302: the ID number of row 150
        again.set(6, rows.get(148).get(6).toLowerCase(java.util.Locale.ROOT)); // a lower-case x is the same number
        again.set(3, rows.get(148).get(3));
        again.set(4, rows.get(148).get(4));
        rows.add(again);
        RosterImport.Report r = run(t, RosterFixtures.utf8(dir, rows), false);
        Map<Integer, String> got = r.errors().stream().collect(Collectors.toMap(RowError::row, RowError::code, (a, b) -> a + "," + b,
                java.util.TreeMap::new));
        assertEquals(Map.of(301, "id.belongsToOther", 302, "id.duplicateInFile"), got, r.errors().toString());
        assertTrue(r.errors().get(1).message().contains("150"), r.errors().get(1).message()); // names the first row
        assertFalse(r.committed());
        assertEquals(4, count(t, "SELECT count(*) FROM %s.students"));
    }

    @Test
    void the_fixed_file_imports_fully_then_a_second_import_changes_nothing_and_a_changed_row_is_audited() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        List<List<String>> rows = tricky(new java.util.HashMap<>());
        List<List<String>> fixed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            Set<Integer> bad = Set.of(0, 2, 3, 5, 8, 10, 11, 12, 16);
            fixed.add(bad.contains(i) ? RosterFixtures.row("2025", i + 1, "计科2501") : r);
        }
        fixed.get(7).set(2, "2025" + String.format("%06d", 8));
        RosterImport.Report dry = run(t, RosterFixtures.utf8(dir, fixed), true);
        assertEquals(0, dry.rejected(), dry.errors().toString());
        assertEquals(20, dry.created());
        assertEquals(0, count(t, "SELECT count(*) FROM %s.students"), "a dry run writes nothing");

        RosterImport.Report first = run(t, RosterFixtures.utf8(dir, fixed), false);
        assertTrue(first.committed());
        assertEquals(20, first.created());
        assertEquals(20, count(t, "SELECT count(*) FROM %s.students"));
        Students students = app.bean(Students.class);
        long idOfX = students.findByIdNumber(t, fixed.get(1).get(6).toUpperCase()).orElseThrow();
        StudentView x = students.read(t, idOfX, true).orElseThrow();
        assertTrue(x.idNumber().endsWith("X"));
        assertEquals("2007-05-05", x.birthDate());
        assertEquals(1, count(t, "SELECT count(*) FROM %s.students WHERE name = '买买提·艾力'"));
        assertEquals(1, count(t, "SELECT count(*) FROM %s.students WHERE name = '王\uD840\uDC0B'"));
        assertEquals(1, count(t, "SELECT count(*) FROM %s.students WHERE name = 'Anna  Maria'"));
        assertEquals(20, count(t, "SELECT count(*) FROM %s.students WHERE class_id IS NOT NULL"));

        long audits = count(t, "SELECT count(*) FROM %s.audit_log");
        RosterImport.Report again = run(t, RosterFixtures.utf8(dir, fixed), false);
        assertEquals(20, again.unchanged());
        assertEquals(0, again.created() + again.updated());
        assertEquals(audits, count(t, "SELECT count(*) FROM %s.audit_log"), "an unchanged re-import writes nothing");

        fixed.get(5).set(10, "软件工程");
        RosterImport.Report changed = run(t, RosterFixtures.utf8(dir, fixed), false);
        assertEquals(1, changed.updated());
        assertEquals(19, changed.unchanged());
        assertEquals(1, count(t, "SELECT count(*) FROM %s.audit_log WHERE action = 'record.updated' AND detail LIKE "
                + "'major: 计算机科学与技术（拔尖班） -> 软件工程%%'"));
        assertEquals(1, count(t, "SELECT count(*) FROM %s.roster_imports WHERE committed AND updated = 1"));
    }

    @Test
    void gbk_csv_utf8_bom_csv_and_xlsx_of_the_same_data_give_the_same_records() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add(RosterFixtures.row("2026", i, "计科2501"));
        }
        rows.get(3).set(1, "欧阳·娜娜");
        RosterImport.Report bom = run(t, RosterFixtures.csv(dir, "bom.csv", rows, StandardCharsets.UTF_8, true), false);
        assertEquals(30, bom.created(), bom.errors().toString());
        assertEquals("CSV (UTF-8)", bom.fileType());
        RosterImport.Report gbk = run(t, RosterFixtures.csv(dir, "gbk.csv", rows, Charset.forName("GBK"), false), false);
        assertEquals("CSV (GB18030/GBK)", gbk.fileType());
        assertEquals(30, gbk.unchanged(), gbk.errors().toString());
        RosterImport.Report xlsx = run(t, RosterFixtures.xlsx(dir, rows, true, -1), false);
        assertEquals("XLSX", xlsx.fileType());
        assertEquals(30, xlsx.unchanged(), xlsx.errors().toString());
    }

    @Test
    void formulas_are_never_evaluated_but_refused_by_row_and_column() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(RosterFixtures.row("2027", i, "计科2501"));
        }
        RosterImport.Report r = run(t, RosterFixtures.xlsx(dir, rows, false, 3), false);
        assertEquals(1, r.rejected());
        assertEquals(new RowError(3, "姓名", "cell.formula", r.errors().get(0).message()), r.errors().get(0));
        assertEquals(0, count(t, "SELECT count(*) FROM %s.students"));
    }

    @Test
    void bad_files_get_a_clear_error_and_nothing_is_written() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        Path pdf = dir.resolve("notice.xlsx");
        Files.write(pdf, "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        Path png = dir.resolve("photo.csv");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        Path garbage = dir.resolve("garbage.csv");
        Files.write(garbage, new byte[]{'x', 'h', ',', (byte) 0xFF, (byte) 0xFE, (byte) 0x80, ',', (byte) 0xFF, '\n'});
        Path bomb = dir.resolve("bomb.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 400; i++) {
                z.write(zeros);
            }
        }
        Path big = dir.resolve("big.csv");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = ("学号,姓名,身份证号\n").repeat(1000).getBytes(StandardCharsets.UTF_8);
            long written = 0;
            while (written <= RosterFiles.MAX_BYTES) {
                out.write(line);
                written += line.length;
            }
        }
        assertTrue(Files.size(bomb) < 2_000_000, "the bomb is small on disk: " + Files.size(bomb));
        List<List<String>> good = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            good.add(RosterFixtures.row("2031", i, "计科2501"));
        }
        Path unclosed = RosterFixtures.csv(dir, "unclosed.csv", good, StandardCharsets.UTF_8, false); // rows read before the fault
        Files.writeString(unclosed, "2532010200999,\"王五,20319999\n", java.nio.file.StandardOpenOption.APPEND);
        Path afterQuote = RosterFixtures.csv(dir, "after-quote.csv", good, StandardCharsets.UTF_8, false);
        Files.writeString(afterQuote, "2532010200999,\"王五\"x,20319999\n", java.nio.file.StandardOpenOption.APPEND);
        Map<Path, String> expected = Map.of(pdf, "file.type", png, "file.type", xls, "file.legacyExcel",
                garbage, "file.encoding", bomb, "file.zipBomb", big, "file.tooLarge",
                unclosed, "file.corrupt", afterQuote, "file.corrupt");
        for (Map.Entry<Path, String> e : expected.entrySet()) {
            RosterFileProblem p = assertThrows(RosterFileProblem.class, () -> run(t, e.getKey(), false), e.getKey().toString());
            assertEquals(e.getValue(), p.code(), e.getKey().toString());
        }
        assertEquals(0, count(t, "SELECT count(*) FROM %s.students"));
        // and the application still serves
        assertEquals(200, app.get("localhost", "/health", null).statusCode());
    }

    @Test
    void unknown_headers_are_reported_and_can_be_mapped() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        List<List<String>> rows = List.of(List.of("2028000001", "李雷", IdNumbers.make("320102", LocalDate.of(2007, 2, 2), 5)));
        Path f = dir.resolve("custom.csv");
        Files.writeString(f, "Matric,全名,证件号\n" + String.join(",", rows.get(0)) + "\n");
        RosterImport.Report r = app.bean(RosterImport.class).run(t, "admin", f, "custom.csv",
                new RosterImport.Options(true, false, Map.of(), Messages.EN));
        assertEquals(new TreeSet<>(List.of("Matric", "全名", "证件号")), new TreeSet<>(r.unmappedHeaders()));
        assertEquals(3, r.errors().size());
        RosterImport.Report mapped = app.bean(RosterImport.class).run(t, "admin", f, "custom.csv",
                new RosterImport.Options(false, false, Map.of("Matric", "studentNo", "全名", "name", "证件号", "idNumber"), Messages.EN));
        assertEquals(1, mapped.created(), mapped.errors().toString());
    }

    @Test
    void a_progress_listener_hears_the_rows_read_as_the_import_goes_and_the_total_at_the_end() throws Exception {
        TenantContext t = tenantWithClass("计科2501");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 2500; i++) {
            rows.add(RosterFixtures.row("2029", i, "计科2501"));
        }
        List<Integer> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        RosterImport.Report r = app.bean(RosterImport.class).run(t, "admin", RosterFixtures.utf8(dir, rows), "big.csv",
                new RosterImport.Options(true, false, Map.of(), Messages.ZH, heard::add));
        assertEquals(2500, r.rows(), r.errors().toString());
        assertEquals(List.of(1000, 2000, 2500), heard);
    }
}
