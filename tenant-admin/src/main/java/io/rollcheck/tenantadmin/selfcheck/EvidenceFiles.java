package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.platform.files.ContentTypes;
import io.rollcheck.platform.files.Images;
import io.rollcheck.platform.files.PdfActiveContent;
import io.rollcheck.platform.validation.ValidationFailed;

/**
 * Evidence a student uploads: JPEG, PNG or PDF, decided by content, at most {@link #MAX_BYTES}.
 * Images are decoded and re-encoded by {@link Images}, which drops every metadata block (EXIF with
 * GPS position, camera serials, XMP, comments) and anything appended after the image data. PDFs
 * are rewritten without what they could run ({@link PdfActiveContent}: JavaScript, open actions,
 * launch actions, embedded files); encrypted ones are refused.
 */
public final class EvidenceFiles {

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_PIXELS = 40_000_000;

    /** A file ready to be sealed and stored. */
    public record Clean(String fileName, String contentType, byte[] bytes) {
    }

    private EvidenceFiles() {
    }

    public static Clean clean(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw ValidationFailed.of("file", "evidence.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw ValidationFailed.of("file", "evidence.tooLarge");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw ValidationFailed.of("file", "evidence.type");
        }
        String name = safeName(fileName);
        if (ContentTypes.PDF.equals(type)) {
            try {
                return new Clean(name, type, PdfActiveContent.strip(bytes));
            } catch (PdfActiveContent.Refused e) {
                throw ValidationFailed.of("file", e.reason() == PdfActiveContent.Refusal.ENCRYPTED
                        ? "evidence.pdfEncrypted" : "evidence.pdfUnreadable");
            }
        }
        return new Clean(name, type, Images.reencode(bytes, type, MAX_PIXELS)
                .orElseThrow(() -> ValidationFailed.of("file", "evidence.unreadable")));
    }

    static String sniff(byte[] h) {
        if (h.length >= 5 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F' && h[4] == '-') {
            return ContentTypes.PDF;
        }
        if (h.length >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return ContentTypes.PNG;
        }
        if (h.length >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
            return ContentTypes.JPEG;
        }
        return null;
    }

    private static String safeName(String n) {
        if (n == null || n.isBlank()) {
            return "evidence";
        }
        String s = n.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return s.length() > 120 ? s.substring(s.length() - 120) : s;
    }
}
