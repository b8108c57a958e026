package io.rollcheck.webui.server;

import io.rollcheck.platform.validation.PlainText;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Control characters ({@link PlainText}) out of what Vaadin's client sends: every value a text field or
 * area reports reaches the server as a JSON string in a UIDL message, so dropping them there keeps
 * them out of every service and of PostgreSQL (which refuses NUL in text) whatever screen they were
 * typed or pasted into. Dropped, not refused: refusing the message would break the page's sync with
 * the server; the field simply holds the text without them.
 */
final class UidlText {

    private UidlText() {
    }

    static boolean isUidl(HttpServletRequest req) {
        String q = req.getQueryString();
        return "POST".equals(req.getMethod()) && q != null && q.contains("v-r=uidl");
    }

    /** The request with a cleaned body, or the request itself when there was nothing to drop. */
    static HttpServletRequest clean(HttpServletRequest req) throws IOException {
        byte[] body = req.getInputStream().readAllBytes();
        String json = new String(body, StandardCharsets.UTF_8);
        String cleaned = withoutControlCharacters(json);
        byte[] bytes = cleaned.equals(json) ? body : cleaned.getBytes(StandardCharsets.UTF_8);
        return new Body(req, bytes);
    }

    /** {@code json} without refused characters inside its strings, escaped ({@code \u0000}, {@code \b}, {@code \f}) or raw. */
    static String withoutControlCharacters(String json) {
        StringBuilder out = null;
        int n = json.length();
        boolean inString = false;
        int i = 0;
        while (i < n) {
            char c = json.charAt(i);
            int skip = 0;
            if (!inString) {
                inString = c == '"';
            } else if (c == '"') {
                inString = false;
            } else if (c == '\\' && i + 1 < n) {
                char e = json.charAt(i + 1);
                if (e == 'u' && i + 5 < n) {
                    int cp = Integer.parseInt(json, i + 2, i + 6, 16);
                    skip = PlainText.isRefused(cp) ? 6 : 0;
                    if (skip == 0) {
                        if (out != null) {
                            out.append(json, i, i + 6);
                        }
                        i += 6;
                        continue;
                    }
                } else if (e == 'b' || e == 'f') {
                    skip = 2;
                } else {
                    if (out != null) {
                        out.append(json, i, i + 2);
                    }
                    i += 2;
                    continue;
                }
            } else if (PlainText.isRefused(c)) {
                skip = 1;
            }
            if (skip > 0) {
                if (out == null) {
                    out = new StringBuilder(n).append(json, 0, i);
                }
                i += skip;
            } else {
                if (out != null) {
                    out.append(c);
                }
                i++;
            }
        }
        return out == null ? json : out.toString();
    }

    private static final class Body extends HttpServletRequestWrapper {
        private final byte[] bytes;

        Body(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
