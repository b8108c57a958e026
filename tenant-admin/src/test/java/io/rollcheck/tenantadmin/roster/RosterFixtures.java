package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.validation.IdNumbers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Roster files made in the test: the same rows as CSV (UTF-8, UTF-8 with BOM, GBK) or XLSX. */
final class RosterFixtures {

    static final List<String> HEADERS = List.of("考生号", "姓名", "学号", "性别", "出生日期", "身份证件类型", "身份证号", "民族",
            "生源省市", "院校名称", "专业名称", "学制", "层次", "录取年份", "学习形式", "学历类别", "分院", "系", "班级", "入学日期",
            "预计毕业日期", "手机号");

    private RosterFixtures() {
    }

    /** A well-formed row for student {@code i} (学号 prefix + i), in class {@code className}. */
    static List<String> row(String prefix, int i, String className) {
        LocalDate birth = LocalDate.of(2006, 1, 1).plusDays(i / 1000); // with i % 1000 below: unique ID numbers
        String id = IdNumbers.make("320102", birth, i % 1000);
        return new ArrayList<>(List.of("25320102" + String.format("%06d", i), "学生" + i, prefix + String.format("%06d", i),
                IdNumbers.sex(id).equals("M") ? "男" : "女", birth.toString(), "居民身份证", id, "汉族", "江苏省南京市",
                "演示大学", "计算机科学与技术（拔尖班）", "4", "本科", "2025", "普通全日制", "普通", "计算机学院", "计算机系",
                className, "2025-09-01", "2029-06-30", "139" + String.format("%08d", i)));
    }

    static Path csv(Path dir, String name, List<List<String>> rows, Charset cs, boolean bom) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            if (bom) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer w = new OutputStreamWriter(out, cs);
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT)) {
                p.printRecord(HEADERS);
                for (List<String> r : rows) {
                    p.printRecord(r);
                }
            }
        }
        return f;
    }

    static Path utf8(Path dir, List<List<String>> rows) throws IOException {
        return csv(dir, "roster-utf8.csv", rows, StandardCharsets.UTF_8, false);
    }

    /** XLSX; cells of the birth-date column become real Excel dates when {@code excelDates}. */
    static Path xlsx(Path dir, List<List<String>> rows, boolean excelDates, int formulaRow) throws IOException {
        Path f = dir.resolve("roster.xlsx");
        try (OutputStream out = Files.newOutputStream(f)) {
            Workbook wb = new Workbook(out, "Rollcheck tests", "1.0");
            Worksheet ws = wb.newWorksheet("名单");
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(0, c, HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    String v = row.get(c);
                    if (r + 2 == formulaRow && c == 1) { // formulaRow counts as the spreadsheet does
                        ws.formula(r + 1, c, "CONCATENATE(\"张\",\"三\")");
                    } else if (excelDates && c == 4 && v != null && !v.isEmpty()) {
                        ws.value(r + 1, c, LocalDate.parse(v));
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v != null) {
                        ws.value(r + 1, c, v);
                    }
                }
            }
            wb.finish();
        }
        return f;
    }
}
