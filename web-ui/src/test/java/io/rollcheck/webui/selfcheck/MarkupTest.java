package io.rollcheck.webui.selfcheck;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Texts from a university's campaign (notes, offices, FAQ) go into markup: nothing in them may become markup. */
class MarkupTest {

    @Test
    void text_and_attribute_values_are_escaped() {
        String note = "<img src=x onerror=alert(1)> & \"quoted\" 'single'";
        assertEquals("<p title=\"a&quot;b\">&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;</p>",
                new Markup().element("p", note, "title", "a\"b").toString());
        // and the component keeps it as text: no element comes out of it
        String shown = new Markup().element("p", note).html("div").getInnerHtml();
        assertFalse(shown.contains("<img"), shown);
    }

    @Test
    void an_attribute_without_a_value_is_left_out_and_an_empty_one_kept() {
        assertEquals("<button type=\"button\" disabled=\"\">一致</button>",
                new Markup().element("button", "一致", "type", "button", "aria-current", null, "disabled", "").toString());
    }

    @Test
    void the_sanitised_notice_is_taken_as_it_is() {
        assertEquals("<p>请<strong>核对</strong></p>",
                new Markup().sanitised("<p>请<strong>核对</strong></p>").toString());
    }
}
