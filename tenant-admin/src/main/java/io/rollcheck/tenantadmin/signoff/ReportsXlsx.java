package io.rollcheck.tenantadmin.signoff;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.tenantadmin.selfcheck.ErrorReports;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * 学院新生学籍信息有误学生名单: one row per report. Every text cell that a spreadsheet could read as a
 * formula (starting with =, +, -, @, tab or CR) is written with a leading apostrophe.
 */
final class ReportsXlsx {

    private ReportsXlsx() {
    }

    static byte[] write(List<ErrorReports.QueueItem> items, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Rollcheck", "1.0");
            Worksheet ws = wb.newWorksheet(Messages.get(locale, "export.sheet"));
            String[] head = {"studentNo", "name", "class", "field", "shown", "correct", "reason", "evidence", "status"};
            for (int c = 0; c < head.length; c++) {
                ws.value(0, c, Messages.get(locale, "export.col." + head[c]));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (ErrorReports.QueueItem q : items) {
                String field = q.field() == null ? Messages.get(locale, "sheet.errors.account")
                        : Messages.get(locale, "field." + q.field());
                String[] v = {q.studentNo(), q.name(), q.className(), field, q.shown(), q.correct(), q.reason(),
                        Messages.get(locale, "export.evidence", q.evidence()), Messages.get(locale, "export.status." + q.status())};
                for (int c = 0; c < v.length; c++) {
                    ws.value(r, c, safe(v[c]));
                }
                r++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell value no spreadsheet will evaluate. */
    static String safe(String v) {
        if (v == null || v.isEmpty()) {
            return "";
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + v : v;
    }
}
