package io.rollcheck.tenantadmin.roster;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxSheetTest {

    @TempDir
    Path dir;

    private static final long BUDGET = 64L * 1024 * 1024;

    private static List<XlsxSheet.SheetRow> readAll(Path f, long budget) throws IOException {
        List<XlsxSheet.SheetRow> rows = new ArrayList<>();
        try (XlsxSheet s = XlsxSheet.open(f, budget)) {
            for (XlsxSheet.SheetRow r = s.next(); r != null; r = s.next()) {
                rows.add(r);
            }
            assertNull(s.next());
        }
        return rows;
    }

    /** A workbook as Excel and WPS write them, part by part: prefixes, rich text, inline strings, formulas. */
    private Path handMade(String sheetXml, String sharedStrings, String styles) throws IOException {
        Path f = dir.resolve("hand.xlsx");
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<x:sheets><x:sheet name=\"名单\" sheetId=\"7\" r:id=\"rId9\"/><x:sheet name=\"说明\" sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/xl/worksheets/../worksheets/roster.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>the second sheet: not read</t></is></c></row></sheetData></worksheet>");
        parts.put("xl/worksheets/roster.xml", sheetXml);
        parts.put("xl/sharedStrings.xml", sharedStrings);
        parts.put("xl/styles.xml", styles);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(p.getKey()));
                z.write(p.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return f;
    }

    @Test
    void reads_the_first_sheet_of_the_workbook_with_every_kind_of_cell() throws Exception {
        String sst = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">"
                + "<si><t>学号</t></si>"
                + "<si><r><rPr><b/></rPr><t>买买提</t></r><r><t xml:space=\"preserve\">·艾力  </t></r><rPh sb=\"0\" eb=\"1\"><t>mai</t></rPh></si>"
                + "<si><t>&lt;a&amp;b&gt; 𠀋</t></si>"
                + "<si><t/></si></sst>";
        String styles = "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<numFmts count=\"2\"><numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
                + "<numFmt numFmtId=\"177\" formatCode=\"0.00_ \"/></numFmts>"
                + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>" // not a cell style: ignored
                + "<cellXfs count=\"6\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"176\"/>"
                + "<xf numFmtId=\"177\"/><xf numFmtId=\"31\"/><xf numFmtId=\"20\"/></cellXfs></styleSheet>";
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
                + "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>姓名</x:t></x:is></x:c></x:row>"
                + "<x:row r=\"3\"><x:c r=\"A3\" t=\"s\"><x:v>1</x:v></x:c><x:c t=\"s\"><x:v>2</x:v></x:c><x:c><x:v>13912345678</x:v></x:c>"
                + "<x:c r=\"E3\" s=\"1\"><x:v>39150</x:v></x:c><x:c r=\"F3\" s=\"2\"><x:v>39151</x:v></x:c><x:c r=\"G3\" s=\"3\"><x:v>1.50</x:v></x:c>"
                + "<x:c r=\"H3\" s=\"4\"><x:v>39152</x:v></x:c><x:c r=\"I3\" s=\"5\"><x:v>0.5</x:v></x:c><x:c r=\"J3\"><x:v>1E3</x:v></x:c>"
                + "<x:c r=\"K3\" t=\"str\"><x:f>CONCATENATE(\"张\",\"三\")</x:f><x:v>张三</x:v></x:c><x:c r=\"L3\" t=\"b\"><x:v>1</x:v></x:c>"
                + "<x:c r=\"M3\" t=\"e\"><x:v>#N/A</x:v></x:c><x:c r=\"N3\" t=\"d\"><x:v>2007-03-09</x:v></x:c><x:c r=\"O3\"><x:v>007</x:v></x:c>"
                + "<x:c r=\"P3\" s=\"1\"/><x:c r=\"Q3\" t=\"s\"><x:v>3</x:v></x:c><x:c r=\"R3\"><x:v>-2.50</x:v></x:c></x:row>"
                + "<x:row><x:c t=\"inlineStr\"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c></x:row>"
                + "<x:row r=\"9\" spans=\"1:3\"/>"
                + "</x:sheetData></x:worksheet>";
        List<XlsxSheet.SheetRow> rows = readAll(handMade(sheet, sst, styles), BUDGET);
        assertEquals(4, rows.size());
        assertEquals(new XlsxSheet.SheetRow(1, List.of("学号", "", "姓名"), List.of()), rows.get(0));
        XlsxSheet.SheetRow r = rows.get(1);
        assertEquals(3, r.number());
        assertEquals(List.of("买买提·艾力  ", "<a&b> 𠀋", "13912345678", "", "excel-serial:39150", "excel-serial:39151", "1.5",
                "excel-serial:39152", "0.5", "1000", "", "1", "#N/A", "2007-03-09", "7", "", "", "-2.5"), r.cells());
        assertEquals(List.of(10), r.formulaColumns()); // K: neutralised, never evaluated
        assertEquals(new XlsxSheet.SheetRow(4, List.of("ab"), List.of()), rows.get(2)); // a row without r follows the last
        assertEquals(new XlsxSheet.SheetRow(9, List.of(), List.of()), rows.get(3));
    }

    @Test
    void gives_the_same_text_as_a_general_spreadsheet_reader_for_a_file_it_wrote() throws Exception {
        Path f = dir.resolve("written.xlsx");
        List<List<String>> expected = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(f)) {
            Workbook wb = new Workbook(out, "Rollcheck tests", "1.0");
            Worksheet ws = wb.newWorksheet("名单");
            for (int r = 0; r < 300; r++) {
                ws.value(r, 0, "学号" + r);
                ws.value(r, 1, r % 7 == 0 ? "欧阳·娜娜 " : "张" + r);
                ws.value(r, 2, 13_900_000_000L + r);
                ws.value(r, 3, r + 0.25);
                if (r % 5 != 0) {
                    ws.value(r, 5, "F" + r); // E left empty
                }
            }
            wb.finish();
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(f.toFile())) {
            wb.getFirstSheet().openStream().forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    var c = row.getCell(i);
                    cells.add(c == null ? "" : c.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER
                            ? c.asNumber().stripTrailingZeros().toPlainString() : c.getText());
                }
                expected.add(cells);
            });
        }
        List<XlsxSheet.SheetRow> rows = readAll(f, BUDGET);
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i + 1, rows.get(i).number());
            assertEquals(expected.get(i), rows.get(i).cells(), "row " + (i + 1));
        }
        String date = readAll(RosterFixtures.xlsx(dir, List.of(List.of("1", "a", "b", "c", "2007-03-09")), true, -1), BUDGET)
                .get(1).cells().get(4);
        assertTrue(date.equals("excel-serial:39150") || date.startsWith("excel-serial:39150."), date); // its date format is seen
    }

    @Test
    void shared_strings_that_share_a_slot_of_the_recent_ones_do_not_mix() throws Exception {
        StringBuilder sst = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (int i = 0; i < 9000; i++) {
            sst.append("<si><t>值").append(i).append("</t></si>");
        }
        sst.append("</sst>");
        StringBuilder sheet = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        int[] order = {1, 4097, 1, 8193, 4097, 1, 0, 4096, 8192, 0};
        for (int r = 0; r < order.length; r++) {
            sheet.append("<row r=\"").append(r + 1).append("\"><c r=\"A").append(r + 1).append("\" t=\"s\"><v>")
                    .append(order[r]).append("</v></c></row>");
        }
        sheet.append("</sheetData></worksheet>");
        List<XlsxSheet.SheetRow> rows = readAll(handMade(sheet.toString(), sst.toString(), "<styleSheet/>"), BUDGET);
        for (int r = 0; r < order.length; r++) {
            assertEquals(List.of("值" + order[r]), rows.get(r).cells(), "row " + (r + 1));
        }
    }

    @Test
    void a_bomb_stops_while_it_inflates_even_when_its_sizes_lie() throws Exception {
        StringBuilder big = new StringBuilder("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        String row = "<row><c t=\"inlineStr\"><is><t>" + "x".repeat(1000) + "</t></is></c></row>";
        for (int i = 0; i < 4000; i++) {
            big.append(row);
        }
        big.append("</sheetData></worksheet>");
        Path f = handMade(big.toString(), "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>",
                "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>");
        assertEquals(4000, readAll(f, BUDGET).size());
        // honest sizes: refused before anything is inflated
        assertThrows(XlsxSheet.Bomb.class, () -> XlsxSheet.open(f, 1_000_000));
        // sizes that lie: every declared size in the central directory set to 100 bytes
        byte[] zip = Files.readAllBytes(f);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 24] = 100;
                zip[i + 25] = 0;
                zip[i + 26] = 0;
                zip[i + 27] = 0;
            }
        }
        Path liar = dir.resolve("liar.xlsx");
        Files.write(liar, zip);
        assertThrows(XlsxSheet.Bomb.class, () -> readAll(liar, 1_000_000));
    }

    @Test
    void an_archive_without_a_workbook_is_not_a_workbook_and_a_broken_sheet_is_an_io_error() throws Exception {
        Path docx = dir.resolve("letter.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(docx))) {
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<document/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(XlsxSheet.NotAWorkbook.class, () -> XlsxSheet.open(docx, BUDGET));
        Path broken = handMade("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>",
                "<sst/>", "<styleSheet/>");
        IOException e = assertThrows(IOException.class, () -> readAll(broken, BUDGET));
        assertEquals(IOException.class, e.getClass());
        Path dtd = handMade("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><worksheet><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row></sheetData></worksheet>", "<sst/>", "<styleSheet/>");
        assertThrows(IOException.class, () -> readAll(dtd, BUDGET)); // no DTD, no external entity
    }
}
