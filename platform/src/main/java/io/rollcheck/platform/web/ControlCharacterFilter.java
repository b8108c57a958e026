package io.rollcheck.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ConditionalFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;


/**
 * Refuses control characters ({@link PlainText}) in JSON bodies at the API edge with a 422 naming the
 * field, before any of it reaches a service or PostgreSQL (which answers a NUL with an error). Only
 * JSON requests are read here; multipart text parts are checked by the validators of the services
 * that take them, query parameters and the path by {@link QueryControlCharacterFilter}.
 */
@ServerFilter("/api/**")
public class ControlCharacterFilter implements Ordered, ConditionalFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ControlCharacterFilter.class);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @Override
    public boolean isEnabled(HttpRequest<?> request) {
        return request.getContentType().map(ControlCharacterFilter::isJson).orElse(false)
                && request.getContentLength() != 0;
    }

    private static boolean isJson(MediaType type) {
        return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body String body) {
        String field = firstRefusedField(body);
        if (field == null) {
            return null;
        }
        LOG.info("event=control_character_refused field={} path={}", field, request.getPath());
        return Problem.validation(List.of(new FieldError(field, PlainText.CONTROL_CODE)), Edge.locale(request));
    }

    /**
     * The key of the innermost member whose string (key or value) holds a refused character, escaped
     * ({@code \u0000}, {@code \b}) or raw; {@code "body"} when it is not inside an object; null when
     * the text is clean. A small lexer, not a parser: malformed JSON is left to the JSON reader.
     */
    @Nullable
    static String firstRefusedField(@Nullable String json) {
        if (json == null) {
            return null;
        }
        String lastKey = null;
        int n = json.length();
        int i = 0;
        while (i < n) {
            char c = json.charAt(i);
            if (c != '"') {
                i++;
                continue;
            }
            int start = ++i;
            boolean refused = false;
            while (i < n && json.charAt(i) != '"') {
                char s = json.charAt(i);
                if (s == '\\' && i + 1 < n) {
                    char e = json.charAt(i + 1);
                    if (e == 'u' && i + 5 < n) {
                        int cp = Character.digit(json.charAt(i + 2), 16) << 12 | Character.digit(json.charAt(i + 3), 16) << 8
                                | Character.digit(json.charAt(i + 4), 16) << 4 | Character.digit(json.charAt(i + 5), 16);
                        refused |= cp >= 0 && PlainText.isRefused(cp);
                        i += 6;
                    } else {
                        refused |= e == 'b' || e == 'f';
                        i += 2;
                    }
                    continue;
                }
                refused |= PlainText.isRefused(s);
                i++;
            }
            String text = json.substring(start, Math.min(i, n));
            i++; // the closing quote
            int next = i;
            while (next < n && Character.isWhitespace(json.charAt(next))) {
                next++;
            }
            boolean isKey = next < n && json.charAt(next) == ':';
            if (refused) {
                return safeName(isKey ? null : lastKey);
            }
            if (isKey) {
                lastKey = text;
            }
        }
        return null;
    }

    /** A member name fit to be echoed back and logged: short, word characters only; else "body". */
    static String safeName(@Nullable String key) {
        return key != null && key.matches("[A-Za-z0-9_.-]{1,64}") ? key : "body";
    }
}
