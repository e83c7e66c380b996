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

    static <T> TableView<T> table(ObservableList<T> rows, String placeholder) {
        TableView<T> t = new TableView<>(rows);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(placeholder));
        t.getStyleClass().add("inspector-table");
        return t;
    }

    static <T> TableColumn<T, Object> column(String title, double width, Function<T, Object> value) {
        TableColumn<T, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 34));
        c.setSortable(false);
        return c;
    }

    /** A task's picker state in words: running, activated, blocked, or both of the last two. */
    static String taskState(org.waferscope.engine.api.CoreSnapshot.TaskRow t) {
        if (t.running()) {
            return "▶ running";
        }
        if (t.activated() && t.blocked()) {
            return "active, blocked";
        }
        return t.activated() ? "active" : t.blocked() ? "blocked" : "";
    }
}
