package io.rollcheck.webui.operator;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantStatus;
import io.rollcheck.webui.site.Dates;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Provisioned universities with their status; suspend, resume and a new registrar setup link. */
class TenantsGrid extends Composite<Grid<Tenant>> {

    /** What the operator can do to a tenant from its row. */
    interface Actions {
        void suspend(Tenant t);

        void resume(Tenant t);

        void newSetupLink(Tenant t);
    }

    private final List<Grid.Column<Tenant>> secondary = new ArrayList<>();

    TenantsGrid(Function<String, String> portalUrl, Actions actions) {
        Grid<Tenant> grid = getContent();
        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("operator.noTenants"));
        grid.addComponentColumn(t -> new Div(new Div(t.name(getLocale())),
                        small(t.slug() + " · " + getTranslation("tenant.status." + t.status().name()))))
                .setHeader(getTranslation("operator.col.university")).setFlexGrow(2).setWidth("9rem");
        secondary.add(grid.addComponentColumn(t -> {
            Anchor a = new Anchor(portalUrl.apply(t.slug()), t.slug());
            a.setTarget("_blank");
            return a;
        }).setHeader(getTranslation("operator.col.portal")).setWidth("8rem").setFlexGrow(0));
        secondary.add(grid.addColumn(t -> getTranslation("tenant.status." + t.status().name()))
                .setHeader(getTranslation("operator.col.status")).setWidth("6rem").setFlexGrow(0));
        secondary.add(grid.addColumn(t -> Dates.date(t.createdAt(), t.timeZone(), getLocale()))
                .setHeader(getTranslation("operator.col.created")).setWidth("10.5rem").setFlexGrow(0));
        grid.addComponentColumn(t -> buttons(t, actions)).setHeader(getTranslation("operator.col.actions"))
                .setWidth("11rem").setFlexGrow(0).setFrozenToEnd(true);
    }

    /** On a phone: only the name, status and actions. */
    void compact(boolean compact) {
        secondary.forEach(c -> c.setVisible(!compact));
    }

    void show(List<Tenant> tenants) {
        getContent().setItems(tenants);
    }

    private HorizontalLayout buttons(Tenant t, Actions actions) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.addClassName("rc-row-actions");
        if (t.status() == TenantStatus.ACTIVE) {
            row.add(button("operator.suspend", "suspend-" + t.slug(), () -> actions.suspend(t), ButtonVariant.LUMO_ERROR));
        } else if (t.status() == TenantStatus.SUSPENDED) {
            row.add(button("operator.resume", "resume-" + t.slug(), () -> actions.resume(t), ButtonVariant.LUMO_SUCCESS));
        }
        if (t.status() == TenantStatus.ACTIVE || t.status() == TenantStatus.SUSPENDED) {
            row.add(button("operator.newSetupLink", "setup-link-" + t.slug(), () -> actions.newSetupLink(t),
                    ButtonVariant.LUMO_CONTRAST));
        }
        return row;
    }

    private static Span small(String text) {
        Span s = new Span(text);
        s.addClassName("rc-secondary");
        return s;
    }

    private Button button(String key, String id, Runnable action, ButtonVariant variant) {
        Button b = new Button(getTranslation(key), e -> action.run());
        b.setId(id);
        b.addThemeVariants(variant, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return b;
    }
}
