package org.waferscope.views.waiting;

import java.util.function.BiConsumer;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.waferscope.engine.api.WaitLink;

/**
 * The waiting chain: one row per stalled PE, "PE → what it waits for ← who should provide
 * it". Clicking a row selects the waiting PE; double-clicking selects the PE it waits on,
 * so the chain can be walked. It only shows the list it is given.
 */
public class WaitingPanel extends VBox {
    private final ListView<WaitLink> list = new ListView<>();
    private BiConsumer<Integer, Integer> onSelect = (x, y) -> { };

    public WaitingPanel(ObservableList<WaitLink> links) {
        getStyleClass().add("waiting-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        list.setId("waiting-list");
        list.setItems(links);
        list.setPlaceholder(new Label("Nothing waits. When a run deadlocks, or is paused\nwith PEs stalled, "
                + "this lists who waits for whom."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WaitLink l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : l.describe());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.setOnMouseClicked(e -> {
            WaitLink l = list.getSelectionModel().getSelectedItem();
            if (l == null) {
                return;
            }
            if (e.getClickCount() == 2 && l.hasSource()) {
                onSelect.accept(l.fromX(), l.fromY());
            } else {
                onSelect.accept(l.x(), l.y());
            }
        });
        Label hint = new Label("Click: the waiting PE. Double-click: the PE it waits on.");
        hint.getStyleClass().add("inspector-hint");
        hint.setWrapText(true);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(hint, list);
    }

    /** Called with a PE's coordinates when a row is clicked. */
    public void setOnSelect(BiConsumer<Integer, Integer> action) {
        onSelect = action;
    }
}
