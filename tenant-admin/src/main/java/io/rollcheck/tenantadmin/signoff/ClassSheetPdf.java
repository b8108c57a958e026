package io.rollcheck.tenantadmin.signoff;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.platform.pdf.CjkFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The class sign-off sheet (登记表) as the seeds' paper one: header, the table 序号 / 学号 / 姓名 /
 * 核对结果 / 签名 (the e-signature's date and code, or an empty box for ink), the table 信息错误反馈统计,
 * the 汇总人 line, page numbers and the sheet's verification code. A4, CJK font subset-embedded.
 */
final class ClassSheetPdf {

    private static final float M = 40;
    private static final float ROW = 20;
    private static final float[] MAIN = {40, 100, 115, 95, 165};
    private static final float[] ERR = {150, 140, 110, 115};

    private final PDDocument doc;
    private final PDFont font;
    private final Locale locale;
    private final DateTimeFormatter day;
    private PDPageContentStream s;
    private float y;

    private ClassSheetPdf(PDDocument doc, Locale locale, ZoneId zone) throws IOException {
        this.doc = doc;
        this.font = CjkFont.load(doc);
        this.locale = locale;
        this.day = DateTimeFormatter.ofPattern(Messages.get(locale, "sheet.datePattern"), locale).withZone(zone);
    }

    static byte[] render(ClassRoll roll, Locale locale, ZoneId zone) {
        try (PDDocument doc = new PDDocument()) {
            new ClassSheetPdf(doc, locale, zone).draw(roll);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String t(String key, Object... args) {
        return Messages.get(locale, "sheet." + key, args);
    }

    private void draw(ClassRoll r) throws IOException {
        newPage();
        text(16, M, r.university() + " " + t("title"));
        y -= 24;
        text(10, M, t("campaign", r.campaignName(), r.version()));
        y -= 16;
        text(10, M, t("unit", r.collegeName() == null ? "" : r.collegeName(), r.className()));
        y -= 22;
        header(MAIN, t("col.no"), t("col.studentNo"), t("col.name"), t("col.result"), t("col.signature"));
        for (ClassRoll.Row row : r.rows()) {
            ensure(ROW);
            String sig = row.signedAt() == null ? null : day.format(row.signedAt()) + "  " + row.receiptCode();
            row(MAIN, sig == null ? 4 : -1, String.valueOf(row.no()), row.studentNo(), row.name(),
                    t("result." + row.result()), sig == null ? "" : sig);
        }
        y -= 18;
        ensure(ROW * 3);
        text(12, M, t("errors.title"));
        y -= 20;
        header(ERR, t("col.error"), t("col.correct"), t("col.signature"), t("col.phone"));
        if (r.errors().isEmpty()) {
            row(ERR, -1, t("errors.none"), "", "", "");
        }
        for (ClassRoll.ErrorRow e : r.errors()) {
            ensure(ROW);
            String field = e.field() == null ? t("errors.account") : Messages.get(locale, "field." + e.field());
            row(ERR, -1, e.name() + " · " + field + "：" + nz(e.shown()), nz(e.correct()),
                    t("errors.reported", e.studentNo()), nz(e.phone()));
        }
        y -= 24;
        ensure(ROW * 3);
        ClassRoll.SignOff so = r.signOff();
        text(11, M, t("summariser") + "  " + (so == null ? "________________" : so.username() + "  " + day.format(so.signedAt())
                + (so.exceptions() > 0 ? "  " + t("exceptions", so.exceptions()) : "") + (so.late() ? "  " + t("late") : "")));
        y -= 18;
        text(9, M, t("code") + (so == null ? t("unsigned") : so.receiptCode()));
        s.close();
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream f = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true)) {
                String label = t("page", i + 1, n);
                float w = font.getStringWidth(label) / 1000 * 9;
                f.beginText();
                f.setFont(font, 9);
                f.newLineAtOffset((p.getMediaBox().getWidth() - w) / 2, 22);
                f.showText(label);
                f.endText();
            }
        }
    }

    private void newPage() throws IOException {
        if (s != null) {
            s.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        s = new PDPageContentStream(doc, page);
        s.setLineWidth(0.6f);
        y = page.getMediaBox().getHeight() - M;
    }

    private void ensure(float h) throws IOException {
        if (y - h < M + 20) {
            newPage();
        }
    }

    private void text(float size, float x, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y - size);
        s.showText(text);
        s.endText();
    }

    private void header(float[] widths, String... cells) throws IOException {
        ensure(ROW * 2);
        row(widths, -1, cells);
    }

    /** One row of bordered cells; {@code box}: the column that gets an empty ink box, or -1. */
    private void row(float[] widths, int box, String... cells) throws IOException {
        float x = M;
        for (int i = 0; i < widths.length; i++) {
            s.addRect(x, y - ROW, widths[i], ROW);
            s.stroke();
            if (i == box) {
                s.addRect(x + 6, y - ROW + 4, widths[i] - 12, ROW - 8);
                s.stroke();
            }
            String c = fit(cells[i], widths[i] - 6, 9);
            s.beginText();
            s.setFont(font, 9);
            s.newLineAtOffset(x + 3, y - ROW + 6.5f);
            s.showText(c);
            s.endText();
            x += widths[i];
        }
        y -= ROW;
    }

    private String fit(String text, float width, float size) throws IOException {
        String v = text == null ? "" : text;
        while (!v.isEmpty() && font.getStringWidth(v) / 1000 * size > width) {
            v = v.substring(0, v.offsetByCodePoints(0, v.codePointCount(0, v.length()) - 1));
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static List<String> columns() {
        return List.of("no", "studentNo", "name", "result", "signature");
    }
}
