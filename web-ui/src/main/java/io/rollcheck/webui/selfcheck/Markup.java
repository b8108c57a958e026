package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Html;

/**
 * Read-only parts of a page written as one piece of HTML (every text escaped here), shown by one
 * {@link Html} component. A student's session keeps one node and one string for such a block instead
 * of a node per element and per text, which is most of what a session weighs on the server.
 */
final class Markup {

    private final StringBuilder b = new StringBuilder(512);

    /** Opens {@code tag} with attributes given as name, value pairs (a null value leaves the attribute out). */
    Markup open(String tag, String... attributes) {
        b.append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                b.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
        b.append('>');
        return this;
    }

    Markup close(String tag) {
        b.append("</").append(tag).append('>');
        return this;
    }

    Markup text(String text) {
        b.append(escape(text == null ? "" : text));
        return this;
    }

    /** HTML that is already safe: the notice as the platform rendered and sanitised it when publishing. */
    Markup sanitised(String html) {
        b.append(html == null ? "" : html);
        return this;
    }

    /** {@code <tag ...>text</tag>}. */
    Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    boolean isEmpty() {
        return b.length() == 0;
    }

    /** The HTML in one element: {@code tag} with the attributes, around what was written. */
    Html html(String tag, String... attributes) {
        Markup root = new Markup().open(tag, attributes);
        root.b.append(b);
        return new Html(root.close(tag).b.toString());
    }

    /** What was written so far. */
    @Override
    public String toString() {
        return b.toString();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
