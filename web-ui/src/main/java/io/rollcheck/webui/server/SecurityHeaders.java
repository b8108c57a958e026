package io.rollcheck.webui.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers on every response of the UI port, set before anything else runs (so error pages, static
 * files and the body-limit refusal carry them too).
 *
 * <p>The policy is what Vaadin Flow needs in production mode and no more: its bootstrap page starts
 * the client engine with an inline script and the engine evaluates the server's JavaScript
 * expressions ({@code 'unsafe-inline' 'unsafe-eval'} for scripts), components inject styles
 * ({@code 'unsafe-inline'} for styles), Lumo's icons and fonts come as {@code data:} URLs. Nothing is
 * loaded from anywhere else, nothing may frame the pages, forms and {@code <base>} stay on this origin.
 */
final class SecurityHeaders extends Handler.Wrapper {

    static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final boolean https;

    SecurityHeaders(Handler handler, boolean https) {
        super(handler);
        this.https = https;
    }

    /**
     * Jetty's own error answers (a malformed request refused before any handler runs, e.g. an
     * encoded NUL in the path) carry the same headers.
     */
    static org.eclipse.jetty.server.handler.ErrorHandler errorHandler(boolean https) {
        return new org.eclipse.jetty.server.handler.ErrorHandler() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                put(response.getHeaders(), https);
                return super.handle(request, response, callback);
            }
        };
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        put(response.getHeaders(), https);
        return super.handle(request, response, callback);
    }

    private static void put(HttpFields.Mutable h, boolean https) {
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("X-Frame-Options", "DENY");
        if (https) {
            h.put("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
