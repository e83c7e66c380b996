package org.waferscope.views.inspector;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Read-only tables over record rows, built in code. */
final class Tables {
    private Tables() {
    }

    /** Room a table keeps beside its columns: its border and a vertical scroll bar. */
    private static final double BESIDE_COLUMNS = 18;
    /** Height of a header and two rows: a table is not squeezed below it (its pane scrolls instead). */
    static final double MIN_HEIGHT = 76;

    /**
     * A table of {@code rows}. Its columns fill its width while their preferred widths fit
     * (the last takes what is over); in a narrower table (the inspector of a 1280-pixel
     * window) they keep those widths and the table scrolls sideways, rather than cutting
     * every column to "@activ...". Its preferred height is small: the pane it is in grows it.
     */
    static <T> TableView<T> table(ObservableList<T> rows, String placeholder) {
        TableView<T> t = new TableView<>(rows);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(placeholder));
        t.getStyleClass().add("inspector-table");
        t.setMinHeight(MIN_HEIGHT);
        t.setPrefHeight(MIN_HEIGHT + 40);
        t.widthProperty().addListener((o, a, w) -> fitOrScroll(t));
        t.getColumns().addListener((javafx.collections.ListChangeListener<TableColumn<T, ?>>) c -> fitOrScroll(t));
        return t;
    }

    private static void fitOrScroll(TableView<?> t) {
        double need = t.getColumns().stream().mapToDouble(TableColumn::getPrefWidth).sum();
        boolean fits = t.getWidth() <= 0 || need <= t.getWidth() - BESIDE_COLUMNS;
        boolean fitting = t.getColumnResizePolicy() != TableView.UNCONSTRAINED_RESIZE_POLICY;
        if (fits == fitting) {
            return;
        }
        t.setColumnResizePolicy(fits ? TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN
                : TableView.UNCONSTRAINED_RESIZE_POLICY);
        if (!fits) {
            // the fitting policy narrowed them; a column takes its preferred width when that changes
            for (TableColumn<?, ?> c : t.getColumns()) {
                double pref = c.getPrefWidth();
                c.setPrefWidth(pref + 1);
                c.setPrefWidth(pref);
            }
        }
    }

    static <T> TableColumn<T, Object> column(String title, double width, Function<T, Object> value) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 34));
        c.setSortable(false);
        return c;
    }

    /**
     * A task's picker state in words: running, activated, blocked, both of the last two, or
     * idle (a blank cell read as "nothing known" beside a data task waiting for its wavelets).
     */
    static String taskState(org.waferscope.engine.api.CoreSnapshot.TaskRow t) {
        if (t.running()) {
            return "▶ running";
        }
        if (t.activated() && t.blocked()) {
            return "active, blocked";
        }
        return t.activated() ? "active" : t.blocked() ? "blocked" : "idle";
    }
}
