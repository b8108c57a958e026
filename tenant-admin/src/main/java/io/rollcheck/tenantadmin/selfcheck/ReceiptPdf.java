package io.rollcheck.tenantadmin.selfcheck;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.pdf.CjkFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The student's signature receipt: one A4 page with the university, the campaign and version, the
 * masked name, the time signed, the content hash and the verification code with the address of the
 * public verification page. Texts come from the platform bundle; Chinese via the embedded CJK font.
 */
public final class ReceiptPdf {

    private static final float MARGIN = 56;

    private ReceiptPdf() {
    }

    public static byte[] render(Signatures.Receipt r, String university, String verifyUrl, ZoneId zone, Locale locale) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDFont font = CjkFont.load(doc);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(Messages.get(locale, "receipt.title"));
            info.setCreator("Rollcheck");
            DateTimeFormatter when = DateTimeFormatter.ofPattern(Messages.get(locale, "receipt.dateTimePattern"), locale)
                    .withZone(zone);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                y = line(s, font, 18, university, MARGIN, y, width);
                y = line(s, font, 15, Messages.get(locale, "receipt.title"), MARGIN, y - 6, width);
                y -= 14;
                String[][] rows = {
                        {Messages.get(locale, "receipt.campaign"), r.campaignName() + "（" + Messages.get(locale, "receipt.version", r.version()) + "）"},
                        {Messages.get(locale, "receipt.name"), r.maskedName()},
                        {Messages.get(locale, "receipt.studentNo"), r.studentNo()},
                        {Messages.get(locale, "receipt.signedAt"), when.format(r.signedAt())},
                        {Messages.get(locale, "receipt.method"), Messages.get(locale, "receipt.method." + r.method())},
                        {Messages.get(locale, "receipt.late"), Messages.get(locale, r.late() ? "receipt.yes" : "receipt.no")},
                        {Messages.get(locale, "receipt.sha256"), r.contentSha256()},
                        {Messages.get(locale, "receipt.code"), r.code()},
                };
                for (String[] row : rows) {
                    y = line(s, font, 11, row[0] + "：" + row[1], MARGIN, y - 4, width);
                }
                y -= 16;
                y = line(s, font, 11, Messages.get(locale, "receipt.verifyHint"), MARGIN, y, width);
                y = line(s, font, 11, verifyUrl, MARGIN, y - 2, width);
                y -= 16;
                line(s, font, 9, Messages.get(locale, "receipt.legal"), MARGIN, y, width);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text wrapped to {@code width}; returns the y below it. */
    static float line(PDPageContentStream s, PDFont font, float size, String text, float x, float y, float width)
            throws IOException {
        float leading = size * 1.5f;
        for (String part : wrap(font, size, text, width)) {
            y -= leading;
            s.beginText();
            s.setFont(font, size);
            s.newLineAtOffset(x, y);
            s.showText(part);
            s.endText();
        }
        return y;
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (cur.length() > 0 && font.getStringWidth(cur + ch) / 1000 * size > width) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(ch);
            i += Character.charCount(cp);
        }
        if (cur.length() > 0 || out.isEmpty()) {
            out.add(cur.toString());
        }
        return out;
    }
}
