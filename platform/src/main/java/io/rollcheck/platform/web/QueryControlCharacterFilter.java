package io.rollcheck.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.rollcheck.platform.validation.FieldError;
import io.rollcheck.platform.validation.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * Query parameters and the path at the API edge, read without the body: control characters
 * ({@link PlainText}) are refused with a 422 naming the parameter, as {@link ControlCharacterFilter}
 * does for JSON bodies.
 */
@ServerFilter("/api/**")
public class QueryControlCharacterFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(QueryControlCharacterFilter.class);

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String field = null;
        String rawPath = request.getUri().getRawPath();
        if (rawPath != null && rawPath.matches("(?i).*%(0[0-9a-f]|1[0-9a-f]|7f|c2%[89][0-9a-f]).*")) {
            field = "path";
        } else {
            for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
                if (PlainText.hasRefused(p.getKey()) || p.getValue().stream().anyMatch(PlainText::hasRefused)) {
                    field = ControlCharacterFilter.safeName(p.getKey());
                    break;
                }
            }
        }
        if (field == null) {
            return null;
        }
        LOG.info("event=control_character_refused field={} path={}", field,
                "path".equals(field) ? "-" : request.getPath());
        return Problem.validation(List.of(new FieldError(field, PlainText.CONTROL_CODE)), Edge.locale(request));
    }
}
