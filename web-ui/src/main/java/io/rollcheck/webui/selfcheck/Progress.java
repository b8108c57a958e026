package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Component;
import io.rollcheck.tenantadmin.selfcheck.CheckState;

/** 已核对 n / N, as text and as a bar. */
final class Progress {

    private Progress() {
    }

    static Component of(Component c, CheckState s) {
        String text = c.getTranslation("student.progress", s.answered(), s.fields().size());
        return new Markup().element("span", text, "id", "check-progress-text")
                .element("progress", "", "max", String.valueOf(Math.max(1, s.fields().size())),
                        "value", String.valueOf(s.answered()), "aria-label", text)
                .html("div", "id", "check-progress", "class", "rc-progress");
    }
}
