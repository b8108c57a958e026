package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.files.ZipGuard;
import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
            return xlsx(file, Math.min(MAX_INFLATED, size * MAX_RATIO + 10L * 1024 * 1024));
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

    /** The XLSX reader's failures as the import reports them. */
    private static RosterFileProblem problem(IOException e) {
        return new RosterFileProblem(e instanceof XlsxSheet.Bomb ? "file.zipBomb"
                : e instanceof XlsxSheet.NotAWorkbook ? "file.type" : "file.corrupt");
    }

    /** The inflated bytes allowed are those of {@link ZipGuard}: {@code MAX_RATIO} × the file + 10 MB, at most {@code MAX_INFLATED}. */
    private static RosterTable xlsx(Path file, long budget) throws IOException {
        XlsxSheet sheet;
        XlsxSheet.SheetRow first;
        try {
            sheet = XlsxSheet.open(file, budget);
        } catch (IOException e) {
            throw problem(e);
        }
        try {
            first = sheet.next();
        } catch (IOException e) {
            sheet.close();
            throw problem(e);
        }
        if (first == null) {
            sheet.close();
            throw new RosterFileProblem("file.noHeader");
        }
        List<String> headers = first.cells();
        return new RosterTable() {
            @Override
            public List<String> headers() {
                return headers;
            }

            @Override
            public void rows(Consumer<Row> sink) {
                try {
                    for (XlsxSheet.SheetRow r = sheet.next(); r != null; r = sheet.next()) {
                        List<String> cells = r.cells();
                        while (cells.size() < headers.size()) {
                            cells.add("");
                        }
                        if (!blank(cells) || !r.formulaColumns().isEmpty()) {
                            sink.accept(new Row(r.number(), cells, r.formulaColumns()));
                        }
                    }
                } catch (IOException e) {
                    throw problem(e);
                }
            }

            @Override
            public String type() {
                return "XLSX";
            }

            @Override
            public void close() throws IOException {
                sheet.close();
            }
        };
    }
}
