package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.files.ZipGuard;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Opens an uploaded roster: decides the type from the bytes (never from the name), guards against
 * archives that inflate without bound, and detects the text encoding of CSV files (strict UTF-8,
 * with or without BOM; else strict GB18030, which covers GBK). Readers stream: a 200,000-row file
 * is never held in memory.
 */
public final class RosterFiles {

    /** 200,000 rows of 22 columns take about 56 MB as CSV. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    static final int MAX_ROWS = 200_000;
    /** An XLSX of 50 MB inflates to a few hundred MB at most; more is a bomb. */
    static final long MAX_INFLATED = 1024L * 1024 * 1024;
    static final int MAX_RATIO = 200;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private RosterFiles() {
    }

    /** The file was read as UTF-8 on trust and is not UTF-8: open it again with {@link #open}. */
    public static final class NotUtf8 extends RuntimeException {
        NotUtf8() {
            super(null, null, false, false);
        }
    }

    /**
     * Like {@link #open}, but a CSV file is read as UTF-8 at once instead of being decoded twice
     * (once to check, once to parse); the check runs later, when {@link RosterTable#confirmEncoding}
     * is called (the roster import calls it while PostgreSQL rebuilds indexes, and before any report).
     */
    public static RosterTable openTrustingUtf8(Path file) throws IOException {
        return open(file, true);
    }

    public static RosterTable open(Path file) throws IOException {
        return open(file, false);
    }

    private static RosterTable open(Path file, boolean trustUtf8) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new RosterFileProblem("file.empty");
        }
        if (size > MAX_BYTES) {
            throw new RosterFileProblem("file.tooLarge");
        }
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            checkArchive(file, size);
            return xlsx(file);
        }
        if (n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
            throw new RosterFileProblem("file.legacyExcel");
        }
        if (looksBinary(file)) {
            throw new RosterFileProblem("file.type");
        }
        if (trustUtf8) {
            return csv(file, StandardCharsets.UTF_8, true);
        }
        return csv(file, encoding(file), false);
    }

    /** Guards against archives that inflate without bound before the XLSX reader sees them. */
    private static void checkArchive(Path file, long size) throws IOException {
        ZipGuard.Inspection z = ZipGuard.inspect(file, size, MAX_RATIO, MAX_INFLATED);
        switch (z.verdict()) {
            case BOMB -> throw new RosterFileProblem("file.zipBomb");
            case CORRUPT -> throw new RosterFileProblem("file.corrupt");
            default -> {
                if (!z.entries().contains("xl/workbook.xml")) {
                    throw new RosterFileProblem("file.type");
                }
            }
        }
    }

    private static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(8192);
            for (byte x : b) {
                if (x == 0) {
                    return true;
                }
            }
            return b.length >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
        }
    }

    /** Strict UTF-8 (BOM or not), else strict GB18030; anything else is refused. */
    static Charset encoding(Path file) throws IOException {
        if (decodes(file, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(file, GB18030)) {
            return GB18030;
        }
        throw new RosterFileProblem("file.encoding");
    }

    private static boolean decodes(Path file, Charset cs) throws IOException {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        try (var ch = Files.newByteChannel(file)) {
            while (true) {
                int r = ch.read(in);
                in.flip();
                var res = d.decode(in, out, r < 0);
                if (res.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (r < 0) {
                    var flush = d.flush(out);
                    return !flush.isError() && in.position() == 0;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static RosterTable csv(Path file, Charset cs, boolean unchecked) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file));
        if (cs == StandardCharsets.UTF_8) {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                in.reset();
            }
        }
        Reader reader = new InputStreamReader(in, cs);
        CsvReader<CsvRecord> parser = CsvReader.builder()
                .skipEmptyLines(true)
                .allowUnclosedQuote(false) // a quote left open swallows the rest of the file: refuse it
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(reader);
        CloseableIterator<CsvRecord> it = parser.iterator();
        List<String> headers;
        try {
            if (!it.hasNext()) {
                parser.close();
                throw new RosterFileProblem("file.noHeader");
            }
            headers = it.next().getFields();
        } catch (CsvParseException | UncheckedIOException e) {
            parser.close();
            throw new RosterFileProblem("file.corrupt"); // no cause: a parser's message may quote the file
        }
        String type = cs == StandardCharsets.UTF_8 ? "CSV (UTF-8)" : "CSV (GB18030/GBK)";
        return new RosterTable() {
            @Override
            public List<String> headers() {
                return headers;
            }

            @Override
            public void rows(Consumer<Row> sink) {
                int number = 1; // the header is row 1; a row as a spreadsheet numbers it (a quoted line break is no new row)
                try {
                    while (it.hasNext()) {
                        List<String> cells = it.next().getFields();
                        number++;
                        if (blank(cells)) {
                            continue;
                        }
                        sink.accept(new Row(number, cells, List.of()));
                    }
                } catch (CsvParseException | UncheckedIOException e) {
                    throw new RosterFileProblem("file.corrupt"); // no cause: a parser's message may quote the file
                }
            }

            @Override
            public String type() {
                return type;
            }

            @Override
            public void confirmEncoding() {
                try {
                    if (unchecked && !decodes(file, StandardCharsets.UTF_8)) {
                        throw new NotUtf8();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() throws IOException {
                parser.close();
            }
        };
    }

    private static boolean blank(List<String> cells) {
        for (String c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static RosterTable xlsx(Path file) throws IOException {
        ReadableWorkbook wb;
        try {
            wb = new ReadableWorkbook(file.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new RosterFileProblem("file.corrupt", e);
        }
        Sheet sheet = wb.getFirstSheet();
        List<String> headers = new ArrayList<>();
        List<org.dhatim.fastexcel.reader.Row> first = new ArrayList<>();
        try (var s = sheet.openStream()) {
            s.limit(1).forEach(first::add);
        } catch (RuntimeException e) {
            wb.close();
            throw new RosterFileProblem("file.corrupt", e);
        }
        if (first.isEmpty()) {
            wb.close();
            throw new RosterFileProblem("file.noHeader");
        }
        for (Cell c : first.get(0)) {
            headers.add(c == null ? "" : text(c));
        }
        return new RosterTable() {
            @Override
            public List<String> headers() {
                return headers;
            }

            @Override
            public void rows(Consumer<Row> sink) {
                try (var s = sheet.openStream()) {
                    s.skip(1).forEach(r -> {
                        List<String> cells = new ArrayList<>(headers.size());
                        List<Integer> formulas = new ArrayList<>();
                        boolean any = false;
                        for (int i = 0; i < Math.max(headers.size(), r.getCellCount()); i++) {
                            Cell c = i < r.getCellCount() ? r.getCell(i) : null;
                            if (c != null && c.getType() == CellType.FORMULA) {
                                formulas.add(i);
                                cells.add("");
                                continue;
                            }
                            String v = c == null ? "" : text(c);
                            any |= !v.isBlank();
                            cells.add(v);
                        }
                        if (any || !formulas.isEmpty()) {
                            sink.accept(new Row(r.getRowNum(), cells, formulas));
                        }
                    });
                } catch (IOException | RuntimeException e) {
                    if (e instanceof RosterFileProblem p) {
                        throw p;
                    }
                    throw new RosterFileProblem("file.corrupt", e);
                }
            }

            @Override
            public String type() {
                return "XLSX";
            }

            @Override
            public void close() throws IOException {
                wb.close();
            }
        };
    }

    /** A cell as text: numbers without exponent or trailing zeros; dates as yyyy-MM-dd. */
    private static String text(Cell c) {
        if (c.getType() == CellType.NUMBER) {
            String fmt = c.getDataFormatString();
            BigDecimal n = c.asNumber();
            if (fmt != null && isDateFormat(fmt)) {
                return "excel-serial:" + n.toPlainString();
            }
            return n.stripTrailingZeros().toPlainString();
        }
        String raw = c.getType() == CellType.EMPTY ? "" : c.getText();
        return raw == null ? "" : raw;
    }

    /** Number formats are few per workbook and shared by thousands of cells: each is judged once. */
    private static final java.util.Map<String, Boolean> DATE_FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean isDateFormat(String fmt) {
        if (DATE_FORMATS.size() > 10_000) {
            DATE_FORMATS.clear(); // files with endless formats cannot grow this without bound
        }
        return DATE_FORMATS.computeIfAbsent(fmt, RosterFiles::judgeDateFormat);
    }

    private static boolean judgeDateFormat(String fmt) {
        String f = fmt.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "");
        return f.contains("yy") || f.contains("d") && f.contains("m") || f.contains("年") || f.contains("月");
    }
}
