package io.rollcheck.webui.signoff;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.util.List;
import java.util.Locale;

/**
 * A Chart.js chart (open source, MIT) in a small custom element, {@code <rc-chart>}: the server sends
 * the whole configuration as JSON, so the browser runs no code of ours beyond drawing it.
 */
@Tag("rc-chart")
@NpmPackage(value = "chart.js", version = "4.4.7")
@JsModule("./rc-chart.js")
class ChartElement extends Component {

    private static final String PRIMARY = "#1f5fa8";

    ChartElement(String id, String ariaLabel) {
        setId(id);
        getElement().getClassList().add("rc-chart");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", ariaLabel);
    }

    /** A line of percentages (0–100) over labelled points. */
    ChartElement line(String series, List<String> labels, List<Double> values) {
        return config("line", series, labels, values, ",\"options\":{\"scales\":{\"y\":{\"min\":0,\"max\":100}}}");
    }

    /** Horizontal bars of counts; the chart is as tall as its bars need. */
    ChartElement bars(String series, List<String> labels, List<Double> values) {
        getElement().getStyle().set("height", Math.max(120, 36 * labels.size() + 60) + "px");
        return config("bar", series, labels, values, ",\"options\":{\"indexAxis\":\"y\",\"plugins\":{\"legend\":{\"display\":false}},"
                + "\"scales\":{\"x\":{\"beginAtZero\":true,\"ticks\":{\"precision\":0}}}}");
    }

    private ChartElement config(String type, String series, List<String> labels, List<Double> values, String options) {
        StringBuilder b = new StringBuilder("{\"type\":\"").append(type).append("\",\"data\":{\"labels\":[");
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(labels.get(i)));
        }
        b.append("],\"datasets\":[{\"label\":").append(quote(series)).append(",\"data\":[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", values.get(i)));
        }
        b.append("],\"borderColor\":\"").append(PRIMARY).append("\",\"backgroundColor\":\"").append(PRIMARY)
                .append("\",\"maxBarThickness\":28,\"tension\":0.2}]}").append(options).append('}');
        getElement().setAttribute("config", b.toString());
        return this;
    }

    /** A JSON string literal. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
