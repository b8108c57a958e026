package io.rollcheck.webui.operator;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.rollcheck.platform.tenancy.Signup;
import io.rollcheck.webui.site.Dates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Sign-ups, newest first; pending ones carry approve and reject buttons. */
class SignupsGrid extends Composite<Grid<Signup>> {

    private final List<Grid.Column<Signup>> secondary = new ArrayList<>();

    SignupsGrid(Consumer<Signup> onApprove, Consumer<Signup> onReject) {
        Grid<Signup> grid = getContent();
        grid.setId("signups-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("operator.noSignups"));
        grid.addComponentColumn(s -> new Div(new Div("en".equals(getLocale().getLanguage()) ? s.nameEn() : s.nameZh()),
                        small(s.slug() + " · " + getTranslation("signup.status." + s.status()))))
                .setHeader(getTranslation("operator.col.university")).setFlexGrow(2).setWidth("9rem");
        secondary.add(grid.addComponentColumn(s -> new Div(new Div(s.contactName()), small(s.email())))
                .setHeader(getTranslation("operator.col.contact")).setWidth("14rem").setFlexGrow(2));
        secondary.add(grid.addColumn(s -> getTranslation("signup.status." + s.status()))
                .setHeader(getTranslation("operator.col.status")).setWidth("6rem").setFlexGrow(0));
        secondary.add(grid.addColumn(s -> Dates.date(s.createdAt(), null, getLocale()))
                .setHeader(getTranslation("operator.col.submitted")).setWidth("10.5rem").setFlexGrow(0));
        grid.addComponentColumn(s -> actions(s, onApprove, onReject)).setHeader(getTranslation("operator.col.actions"))
                .setWidth("10rem").setFlexGrow(0).setFrozenToEnd(true);
    }

    /** On a phone: only the name, status and actions. */
    void compact(boolean compact) {
        secondary.forEach(c -> c.setVisible(!compact));
    }

    void show(List<Signup> signups) {
        getContent().setItems(signups);
    }

    private HorizontalLayout actions(Signup s, Consumer<Signup> onApprove, Consumer<Signup> onReject) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.addClassName("rc-row-actions");
        if ("PENDING".equals(s.status())) {
            Button approve = new Button(getTranslation("operator.approve"), e -> onApprove.accept(s));
            approve.setId("approve-" + s.id());
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            Button reject = new Button(getTranslation("operator.reject"), e -> onReject.accept(s));
            reject.setId("reject-" + s.id());
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(approve, reject);
        } else if (s.rejectReason() != null) {
            row.add(small(s.rejectReason()));
        }
        return row;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("rc-secondary");
        return s;
    }
}
