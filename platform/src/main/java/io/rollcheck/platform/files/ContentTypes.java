package io.rollcheck.platform.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Decides what a file is from its bytes (never from its name): PDF, PNG, JPEG, DOCX or XLSX. */
public final class ContentTypes {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ContentTypes() {
    }

    /** The type of an attachment, empty when it is none we accept (or an archive that inflates without bound). */
    public static Optional<String> attachment(Path file) throws IOException {
        long size = Files.size(file);
        byte[] h = new byte[8];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(h, 0, 8);
        }
        if (n >= 5 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F' && h[4] == '-') {
            return Optional.of(PDF);
        }
        if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return Optional.of(PNG);
        }
        if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (n >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            ZipGuard.Inspection z = ZipGuard.inspect(file, size, 200, 512L * 1024 * 1024);
            if (z.verdict() != ZipGuard.Verdict.OK || !z.entries().contains("[Content_Types].xml")) {
                return Optional.empty();
            }
            if (z.entries().contains("word/document.xml")) {
                return Optional.of(DOCX);
            }
            if (z.entries().contains("xl/workbook.xml")) {
                return Optional.of(XLSX);
            }
        }
        return Optional.empty();
    }
}
