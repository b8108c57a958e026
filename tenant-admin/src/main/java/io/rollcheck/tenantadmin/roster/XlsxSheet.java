package io.rollcheck.tenantadmin.roster;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import org.codehaus.stax2.XMLStreamReader2;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The first worksheet of an XLSX file, streamed row by row as text. The XML is parsed by Aalto (a
 * StAX parser) with DTDs and external entities off; what is written here is only the SpreadsheetML
 * layer: which part is the first sheet, shared strings, the styles that make a number a date, and
 * cells by column. It replaced a general spreadsheet reader that spent more than half its time on
 * objects a roster never needs (the 100k-row bench sheet: 0.84 s there, against 0.36 s for the XML
 * events alone), and that did not see Excel's built-in date formats (a date typed in Chinese Excel
 * is format 14, not a custom one).
 *
 * <p>Values: a shared or inline string as written (rich-text runs joined, phonetic runs left out); a
 * number as plain decimal without trailing zeros; a number in a date format as
 * {@code excel-serial:<n>}; a cell with a formula as empty, its column reported (formulas are never
 * evaluated). Not thread-safe; the caller has already refused zip bombs.
 */
final class XlsxSheet implements Closeable {

    /** A data row: its number in the sheet (1-based), its cells by column, the columns holding a formula. */
    record SheetRow(int number, List<String> cells, List<Integer> formulaColumns) {
    }

    private static final XMLInputFactory XML = factory();
    /** Excel's built-in number formats that show a date (14-17, 22) and their Chinese counterparts (27-31, 36, 50-54, 57, 58). */
    private static final boolean[] BUILTIN_DATE = new boolean[164];
    /** Column letters need no more than XFD (16,384 columns). */
    private static final int MAX_COLUMNS = 16_384;

    static {
        for (int id : new int[]{14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58}) {
            BUILTIN_DATE[id] = true;
        }
    }

    private final ZipFile zip;
    /** Bytes the parts read so far inflated to, and the most they may: a bomb is stopped as it inflates. */
    private long inflated;
    private final long budget;
    private final StringArena strings;
    /** Per cell style (the {@code s} attribute): whether its number format shows a date. */
    private final boolean[] dateStyles;
    private final XMLStreamReader2 xml;
    private int lastRow;
    private boolean done;

    private static XMLInputFactory factory() {
        XMLInputFactory f = new InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        return f;
    }

    /** The archive would inflate past its budget (by its declared sizes, or as it is read). */
    static final class Bomb extends IOException {
        Bomb() {
            super("inflates past its budget");
        }
    }

    /** The archive is a ZIP file but holds no workbook (a DOCX, a plain archive). */
    static final class NotAWorkbook extends IOException {
        NotAWorkbook() {
            super("no xl/workbook.xml");
        }
    }

    private XlsxSheet(ZipFile zip, long budget) throws IOException, XMLStreamException {
        this.zip = zip;
        this.budget = budget;
        long declared = 0;
        for (var en = zip.entries(); en.hasMoreElements(); ) {
            long size = en.nextElement().getSize();
            declared += Math.max(0, size);
            if (declared > budget) {
                throw new Bomb(); // declared sizes are not trusted to be small: the reads below count too
            }
        }
        if (zip.getEntry("xl/workbook.xml") == null) {
            throw new NotAWorkbook();
        }
        Map<String, String> parts = parts();
        String sheet = parts.get("sheet");
        if (sheet == null || zip.getEntry(sheet) == null) {
            throw new IOException("no worksheet");
        }
        this.strings = parts.containsKey("sharedStrings") ? sharedStrings(parts.get("sharedStrings")) : new StringArena();
        this.dateStyles = parts.containsKey("styles") ? dateStyles(parts.get("styles")) : new boolean[0];
        this.xml = open(sheet);
    }

    /**
     * Opens the file's first worksheet, allowing the parts it reads to inflate to {@code budget} bytes
     * in all: {@link Bomb} beyond, {@link NotAWorkbook} for another kind of archive, another
     * {@link IOException} when it is no readable workbook.
     */
    static XlsxSheet open(Path file, long budget) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            return new XlsxSheet(zip, budget);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            zip.close();
            if (e.getCause() instanceof Bomb b) {
                throw b;
            }
            throw e instanceof IOException io ? io : new IOException("not a readable workbook", e);
        }
    }

    private XMLStreamReader2 open(String part) throws IOException, XMLStreamException {
        ZipEntry e = zip.getEntry(part);
        if (e == null) {
            throw new IOException("missing part");
        }
        InputStream in = new Budgeted(zip.getInputStream(e)); // the parser has its own buffer
        return (XMLStreamReader2) XML.createXMLStreamReader(in);
    }

    /** Counts what a part inflates to against the archive's budget. */
    private final class Budgeted extends java.io.FilterInputStream {
        Budgeted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws Bomb {
            inflated += n;
            if (inflated > budget) {
                throw new Bomb();
            }
        }
    }

    /** The first sheet in the workbook's order, and the shared strings and styles, by the workbook's relationships. */
    private Map<String, String> parts() throws IOException, XMLStreamException {
        String firstSheetRel = null;
        XMLStreamReader2 r = open("xl/workbook.xml");
        try {
            while (r.hasNext() && firstSheetRel == null) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "sheet".equals(r.getLocalName())) {
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        if ("id".equals(r.getAttributeLocalName(i)) && !r.getAttributeNamespace(i).isEmpty()) {
                            firstSheetRel = r.getAttributeValue(i);
                        }
                    }
                }
            }
        } finally {
            r.closeCompletely();
        }
        Map<String, String> parts = new HashMap<>();
        r = open("xl/_rels/workbook.xml.rels");
        try {
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(r.getLocalName())) {
                    String id = r.getAttributeValue(null, "Id");
                    String type = r.getAttributeValue(null, "Type");
                    String target = r.getAttributeValue(null, "Target");
                    if (type == null || target == null) {
                        continue;
                    }
                    String path = resolve(target);
                    if (id != null && id.equals(firstSheetRel)) {
                        parts.put("sheet", path);
                    } else if (type.endsWith("/sharedStrings")) {
                        parts.put("sharedStrings", path);
                    } else if (type.endsWith("/styles")) {
                        parts.put("styles", path);
                    }
                }
            }
        } finally {
            r.closeCompletely();
        }
        return parts;
    }

    /** A relationship target of the workbook as an entry name: relative to {@code xl/}, or absolute. */
    private static String resolve(String target) {
        String t = target.startsWith("/") ? target.substring(1) : "xl/" + target;
        List<String> out = new ArrayList<>();
        for (String seg : t.split("/")) {
            if (seg.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                out.add(seg);
            }
        }
        return String.join("/", out);
    }

    private StringArena sharedStrings(String part) throws IOException, XMLStreamException {
        StringArena out = new StringArena();
        XMLStreamReader2 r = open(part);
        try {
            StringBuilder sb = new StringBuilder();
            int phonetic = 0; // depth inside <rPh>, whose text is a reading aid, not the value
            boolean inItem = false;
            String single = null;
            int parts = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if ("si".equals(n)) {
                        inItem = true;
                        sb.setLength(0);
                        single = null;
                        parts = 0;
                    } else if ("rPh".equals(n)) {
                        phonetic++;
                    } else if ("t".equals(n) && inItem && phonetic == 0) {
                        String text = r.getElementText();
                        if (parts++ == 0) {
                            single = text;
                        } else {
                            if (parts == 2) {
                                sb.append(single);
                            }
                            sb.append(text);
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String n = r.getLocalName();
                    if ("rPh".equals(n)) {
                        phonetic--;
                    } else if ("si".equals(n)) {
                        out.add(parts == 0 ? "" : parts == 1 ? single : sb);
                        inItem = false;
                    }
                }
            }
        } finally {
            r.closeCompletely();
        }
        return out;
    }

    /** For each cell style ({@code cellXfs/xf}), whether its number format shows a date. */
    private boolean[] dateStyles(String part) throws IOException, XMLStreamException {
        Map<Integer, String> custom = new HashMap<>();
        List<Integer> formats = new ArrayList<>();
        XMLStreamReader2 r = open(part);
        try {
            boolean inCellXfs = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = r.getLocalName();
                    if ("numFmt".equals(n)) {
                        String id = r.getAttributeValue(null, "numFmtId");
                        String code = r.getAttributeValue(null, "formatCode");
                        if (id != null && code != null) {
                            custom.put(Integer.parseInt(id.trim()), code);
                        }
                    } else if ("cellXfs".equals(n)) {
                        inCellXfs = true;
                    } else if ("xf".equals(n) && inCellXfs) {
                        String id = r.getAttributeValue(null, "numFmtId");
                        formats.add(id == null ? 0 : Integer.parseInt(id.trim()));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(r.getLocalName())) {
                    inCellXfs = false;
                }
            }
        } finally {
            r.closeCompletely();
        }
        boolean[] out = new boolean[formats.size()];
        for (int i = 0; i < out.length; i++) {
            int id = formats.get(i);
            String code = custom.get(id);
            out[i] = code != null ? isDateFormat(code) : id >= 0 && id < BUILTIN_DATE.length && BUILTIN_DATE[id];
        }
        return out;
    }

    /** A custom format shows a date if it has a year, a day and a month, 年 or 月 outside quotes and brackets. */
    static boolean isDateFormat(String fmt) {
        String f = fmt.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "");
        return f.contains("yy") || f.contains("d") && f.contains("m") || f.contains("年") || f.contains("月");
    }

    /** The next row element of the sheet, or null at its end. Rows without cells come back with no cells. */
    SheetRow next() throws IOException {
        if (done) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return row();
                }
            }
            done = true;
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            if (e.getCause() instanceof Bomb b) {
                throw b;
            }
            throw new IOException("unreadable sheet", e);
        }
    }

    /** Cell types ({@code t}): shared string, number (the default), inline string, anything else kept as written. */
    private static final int SHARED = 1;
    private static final int NUMBER = 2;
    private static final int INLINE = 3;
    private static final int OTHER = 4;

    /**
     * Decodes the {@code r} and {@code t} attributes of a cell straight from the parser's buffer: a
     * cell's attributes as strings were a fifth of the reading.
     */
    private static final class CellAttributes extends org.codehaus.stax2.typed.TypedValueDecoder {
        boolean column; // which attribute is being decoded
        int value;

        @Override
        public void decode(String v) {
            decode(v.toCharArray(), 0, v.length());
        }

        @Override
        public void decode(char[] b, int start, int end) {
            value = column ? column(b, start, end) : type(b, start, end);
        }

        @Override
        public void handleEmptyValue() {
            if (column) {
                throw new IllegalArgumentException("an empty cell reference");
            }
            value = NUMBER;
        }

        private static int type(char[] b, int start, int end) {
            int n = end - start;
            if (n == 1 && b[start] == 's') {
                return SHARED;
            }
            if (n == 1 && b[start] == 'n') {
                return NUMBER;
            }
            if (n == 9 && new String(b, start, n).equals("inlineStr")) {
                return INLINE;
            }
            return OTHER;
        }
    }

    private final CellAttributes attributes = new CellAttributes();

    private SheetRow row() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        int number = r == null ? lastRow + 1 : Integer.parseInt(r.trim());
        lastRow = number;
        List<String> cells = new ArrayList<>(32);
        List<Integer> formulas = List.of();
        int col = -1;
        while (true) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                int ref = -1;
                int type = NUMBER;
                int style = 0;
                for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
                    String a = xml.getAttributeLocalName(i);
                    if (a.length() != 1 || !xml.getAttributeNamespace(i).isEmpty()) {
                        continue;
                    }
                    switch (a.charAt(0)) {
                        case 'r' -> {
                            attributes.column = true;
                            xml.getAttributeAs(i, attributes);
                            ref = attributes.value;
                        }
                        case 't' -> {
                            attributes.column = false;
                            xml.getAttributeAs(i, attributes);
                            type = attributes.value;
                        }
                        case 's' -> style = xml.getAttributeAsInt(i);
                        default -> {
                        }
                    }
                }
                col = ref < 0 ? col + 1 : ref;
                Cell c = cell(type);
                while (cells.size() <= col) {
                    cells.add("");
                }
                if (c.formula) {
                    if (formulas.isEmpty()) {
                        formulas = new ArrayList<>();
                    }
                    formulas.add(col);
                } else {
                    cells.set(col, text(c, type, style));
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the sheet ends inside a row");
            }
        }
        return new SheetRow(number, cells, formulas);
    }

    /** What a {@code <c>} holds, read up to its end tag. */
    private static final class Cell {
        String value;
        int shared;
        boolean formula;
    }

    private final Cell cell = new Cell();

    private Cell cell(int type) throws XMLStreamException {
        Cell c = cell;
        c.value = null;
        c.shared = -1;
        c.formula = false;
        StringBuilder inlineText = null;
        int phonetic = 0;
        while (true) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = xml.getLocalName();
                if ("v".equals(n)) {
                    if (type == SHARED) {
                        c.shared = xml.getElementAsInt();
                    } else {
                        c.value = xml.getElementText();
                    }
                } else if ("f".equals(n)) {
                    c.formula = true;
                    xml.skipElement();
                } else if ("rPh".equals(n)) {
                    phonetic++;
                } else if ("t".equals(n) && type == INLINE && phonetic == 0) {
                    if (inlineText == null) {
                        inlineText = new StringBuilder();
                    }
                    inlineText.append(xml.getElementText());
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String n = xml.getLocalName();
                if ("c".equals(n)) {
                    break;
                } else if ("rPh".equals(n)) {
                    phonetic--;
                }
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the sheet ends inside a cell");
            }
        }
        if (type == INLINE) {
            c.value = inlineText == null ? "" : inlineText.toString();
        }
        return c;
    }

    /**
     * The shared strings handed out lately, by index: a roster repeats a few values down whole columns
     * (民族, 专业, 班级), and each would otherwise be a new String per cell.
     */
    private final String[] recent = new String[4096];
    private final int[] recentIndex = filledWith(-1, 4096);

    private static int[] filledWith(int v, int n) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    private String shared(int i) {
        int slot = i & (recent.length - 1);
        if (recentIndex[slot] == i) {
            return recent[slot];
        }
        String v = strings.get(i);
        recent[slot] = v;
        recentIndex[slot] = i;
        return v;
    }

    private String text(Cell c, int type, int style) {
        if (type == SHARED) {
            if (c.shared < 0) {
                return "";
            }
            return shared(c.shared);
        }
        String v = c.value;
        if (v == null) {
            return "";
        }
        if (type == NUMBER) {
            if (v.isEmpty()) {
                return "";
            }
            if (style >= 0 && style < dateStyles.length && dateStyles[style]) {
                return "excel-serial:" + new BigDecimal(v.trim()).toPlainString();
            }
            return plainNumber(v.trim());
        }
        return v; // inlineStr, str (a formula's cached text), b (0/1), e (#N/A...), d (an ISO date)
    }

    /** A number as plain decimal without exponent or trailing zeros ("1.50" → "1.5", "1E3" → "1000"). */
    static String plainNumber(String v) {
        boolean digitsOnly = !v.isEmpty() && (v.length() == 1 || v.charAt(0) != '0');
        for (int i = 0; i < v.length() && digitsOnly; i++) {
            char ch = v.charAt(i);
            digitsOnly = ch >= '0' && ch <= '9';
        }
        if (digitsOnly) {
            return v; // the common case (a phone number, a 学号 typed as a number): already plain
        }
        BigDecimal n = new BigDecimal(v);
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** The 0-based column of a cell reference such as {@code AB12}. */
    static int column(String ref) {
        return column(ref.toCharArray(), 0, ref.length());
    }

    static int column(char[] ref, int start, int end) {
        int col = 0;
        int i = start;
        for (; i < end; i++) {
            char ch = ref[i];
            if (ch >= 'A' && ch <= 'Z') {
                col = col * 26 + (ch - 'A' + 1);
            } else if (ch >= 'a' && ch <= 'z') {
                col = col * 26 + (ch - 'a' + 1);
            } else {
                break;
            }
            if (col > MAX_COLUMNS) {
                throw new IllegalArgumentException("column beyond XFD");
            }
        }
        if (i == start) {
            throw new IllegalArgumentException("a cell reference without a column");
        }
        return col - 1;
    }

    @Override
    public void close() throws IOException {
        try {
            xml.closeCompletely();
        } catch (XMLStreamException ignored) {
            // closing the zip below releases the stream anyway
        } finally {
            zip.close();
        }
    }
}
