package io.rollcheck.webui.selfcheck;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.rollcheck.tenantadmin.campaign.FaqSearch;

import java.io.Serializable;
import java.util.List;

/**
 * The campaign's troubleshooting FAQ with a search box: each entry a question that opens to its
 * answer, best matches first. The search itself is the view's (it calls the FAQ search service).
 */
final class FaqPanel extends Div {

    /** Runs a search; a blank query lists every entry. */
    interface Search extends Serializable {
        List<FaqSearch.Hit> run(String query);
    }

    private final Search search;
    private final TextField query = new TextField();
    private final Paragraph count = new Paragraph();
    private final Div results = new Div();

    FaqPanel(String idPrefix, Search search, String initialQuery, boolean withSearchBox) {
        this.search = search;
        setId(idPrefix);
        addClassName("rc-faq");
        count.setId(idPrefix + "-count");
        count.addClassName("rc-secondary");
        count.getElement().setAttribute("aria-live", "polite");
        results.setId(idPrefix + "-results");
        if (withSearchBox) {
            query.setLabel(getTranslation("student.faq.search"));
            query.setPlaceholder(getTranslation("student.faq.placeholder"));
            query.setId(idPrefix + "-query");
            query.setClearButtonVisible(true);
            query.setMaxLength(100);
            query.setWidthFull();
            query.addValueChangeListener(e -> run(e.getValue()));
            Button go = new Button(getTranslation("student.faq.go"), e -> run(query.getValue()));
            go.setId(idPrefix + "-go");
            go.addClickShortcut(Key.ENTER).listenOn(query);
            Div row = new Div(query, go);
            row.addClassName("rc-search-row");
            add(row);
        }
        add(count, results);
        run(initialQuery);
    }

    void run(String q) {
        List<FaqSearch.Hit> hits = search.run(q == null ? "" : q.strip());
        results.removeAll();
        for (FaqSearch.Hit h : hits) {
            Details d = new Details(h.entry().question(), new Paragraph(h.entry().answer()));
            d.setId(getId().orElse("faq") + "-" + h.index());
            d.addClassName("rc-faq-entry");
            results.add(d);
        }
        boolean blank = q == null || q.isBlank();
        count.setText(hits.isEmpty() ? getTranslation("student.faq.none")
                : blank ? getTranslation("student.faq.all", hits.size()) : getTranslation("student.faq.found", hits.size()));
    }
}
