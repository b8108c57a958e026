package io.rollcheck.webui.server;

import io.rollcheck.platform.i18n.Messages;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/** The edge's own small HTML pages (unknown host, suspended tenant, wrong site): translated, no internals. */
final class ErrorPages {

    private ErrorPages() {
    }

    static void send(HttpServletResponse res, int status, Locale locale, String key, String contact) throws IOException {
        String lang = "en".equals(Messages.supported(locale).getLanguage()) ? "en" : "zh-CN";
        String title = escape(Messages.get(locale, key + ".title"));
        String text = escape(Messages.get(locale, key + ".text"));
        String contactLine = contact == null ? ""
                : "<p id=\"platform-contact\">" + escape(Messages.get(locale, "page.contact", contact)) + "</p>";
        String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><style>"
                + "body{font-family:system-ui,-apple-system,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;"
                + "margin:0;padding:2rem 1.25rem;color:#1a2433;background:#f5f7fa}"
                + "main{max-width:36rem;margin:0 auto;background:#fff;border-radius:8px;padding:1.5rem;"
                + "box-shadow:0 1px 3px rgba(0,0,0,.12)}h1{font-size:1.4rem;margin:0 0 .75rem}p{line-height:1.6}.code{color:#6b7785;font-size:.85rem}"
                + "</style></head><body><main><h1 id=\"error-title\">" + title + "</h1><p>" + text + "</p>"
                + contactLine + "<p class=\"code\">HTTP " + status + "</p></main></body></html>";
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("text/html;charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().write(html);
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
