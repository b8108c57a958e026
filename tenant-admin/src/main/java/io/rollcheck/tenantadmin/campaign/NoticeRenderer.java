package io.rollcheck.tenantadmin.campaign;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Markdown (commonmark) to HTML, then through the OWASP sanitizer: no script, no style, no events.
 * The same rendering serves the published notice and the editor's live preview.
 */
public final class NoticeRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.TABLES);

    private NoticeRenderer() {
    }

    /** Sanitised HTML of {@code markdown}; empty for none. */
    public static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
    }
}
