package io.rollcheck.webui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.page.Page;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;

import java.util.List;

/**
 * A grid that turns into one column of small cards on a phone (narrower than {@link #PHONE_WIDTH}
 * px), following the window as it is resized: wide tables do not fit 360 px.
 */
public final class CompactGrid {

    public static final int PHONE_WIDTH = 640;

    private CompactGrid() {
    }

    /** Adds the card column (hidden on a wide window) and switches between it and the other columns. */
    public static <T> void cards(Grid<T> grid, String header, ValueProvider<T, Component> card) {
        List<Grid.Column<T>> wide = List.copyOf(grid.getColumns());
        Grid.Column<T> narrow = grid.addComponentColumn(card).setHeader(header);
        narrow.setVisible(false);
        follow(grid, compact -> {
            wide.forEach(c -> c.setVisible(!compact));
            narrow.setVisible(compact);
        });
    }

    /** A card: a title line and smaller lines below it (blank lines left out). */
    public static Component card(String title, String... lines) {
        com.vaadin.flow.component.html.Div d = new com.vaadin.flow.component.html.Div();
        d.addClassName("rc-grid-card");
        d.add(new com.vaadin.flow.component.html.Div(new com.vaadin.flow.component.html.Span(title)));
        for (String line : lines) {
            if (line != null && !line.isBlank()) {
                com.vaadin.flow.component.html.Div small = new com.vaadin.flow.component.html.Div(
                        new com.vaadin.flow.component.html.Span(line));
                small.addClassName("rc-secondary");
                d.add(small);
            }
        }
        return d;
    }

    /** Tells {@code apply} whether the window is phone-sized, when {@code c} is attached and on every resize. */
    public static void follow(Component c, com.vaadin.flow.function.SerializableConsumer<Boolean> apply) {
        c.addAttachListener(attach -> {
            Page page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(d -> apply.accept(d.getWindowInnerWidth() < PHONE_WIDTH));
            Registration resize = page.addBrowserWindowResizeListener(e -> apply.accept(e.getWidth() < PHONE_WIDTH));
            c.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }
}
