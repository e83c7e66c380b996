package org.waferscope.views.waiting;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
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
 * so the chain can be walked; a row where the host waits selects the PE it waits for, as the
 * host has no square of its own. Further rows of the same PE say only what else it waits for,
 * so a PE waiting on four colors takes four short rows, not four repeats. It only shows the
 * list it is given.
 */
public class WaitingPanel extends VBox {
    private static final PseudoClass MORE = PseudoClass.getPseudoClass("more");

    private final ListView<WaitLink> list = new ListView<>();
    private final Label summary = new Label();
    private BiConsumer<Integer, Integer> onSelect = (x, y) -> { };

    public WaitingPanel(ObservableList<WaitLink> links) {
        getStyleClass().add("waiting-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        list.setId("waiting-list");
        list.setItems(links);
        Label empty = new Label("Nothing waits. When a run deadlocks, or is paused with PEs stalled, "
                + "this lists who waits for whom.");
        empty.setWrapText(true);
        empty.setPadding(new Insets(8));
        empty.maxWidthProperty().bind(list.widthProperty().subtract(16));
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(WaitLink l, boolean empty) {
                super.updateItem(l, empty);
                boolean more = !empty && l != null && sameAsAbove(getIndex(), l);
                pseudoClassStateChanged(MORE, more);
                setText(empty || l == null ? null : more ? alsoText(l) : l.describe());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.setOnMouseClicked(e -> {
            WaitLink l = list.getSelectionModel().getSelectedItem();
            if (l == null) {
                return;
            }
            if ((e.getClickCount() == 2 || l.byHost()) && l.hasSource()) {
                onSelect.accept(l.fromX(), l.fromY());
            } else {
                onSelect.accept(l.x(), l.y());
            }
        });
        summary.setId("waiting-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> summaryOf(links), links));
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
        Label hint = new Label("Click: the waiting PE. Double-click: the PE it waits on.");
        hint.getStyleClass().add("inspector-hint");
        hint.setWrapText(true);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(hint, summary, list);
    }

    /** Called with a PE's coordinates when a row is clicked. */
    public void setOnSelect(BiConsumer<Integer, Integer> action) {
        onSelect = action;
    }

    /** True when the row above names the same waiting PE (or the host): this row then says only what else it waits for. */
    private boolean sameAsAbove(int index, WaitLink l) {
        if (index <= 0 || index >= list.getItems().size()) {
            return false;
        }
        WaitLink above = list.getItems().get(index - 1);
        return above.x() == l.x() && above.y() == l.y();
    }

    /**
     * A further thing the PE named above waits for, without repeating the PE: a PE stalled
     * on input has one row per empty input queue, and a 2-D program's PE waits on four.
     */
    static String alsoText(WaitLink l) {
        return "also " + l.waitsFor() + (l.hasSource() ? "  ←  PE (" + l.fromX() + ", " + l.fromY() + ")" : "");
    }

    /** "36 waits on 9 PEs", "the host waits for 2 PEs", both joined by " · ", or "" when nothing waits. */
    static String summaryOf(List<WaitLink> links) {
        long host = links.stream().filter(WaitLink::byHost).count();
        List<WaitLink> pe = links.stream().filter(l -> !l.byHost() && !l.leftTheFabric()).toList();
        long left = links.stream().filter(WaitLink::leftTheFabric).count();
        String hostPart = host == 0 ? "" : "the host waits for " + host + (host == 1 ? " PE" : " PEs");
        String leftPart = left == 0 ? "" : "wavelets left the fabric by " + left + (left == 1 ? " route" : " routes");
        String pePart = "";
        if (!pe.isEmpty()) {
            long pes = pe.stream().map(l -> l.x() + "," + l.y()).distinct().count();
            pePart = pe.size() + (pe.size() == 1 ? " wait" : " waits") + " on " + pes + (pes == 1 ? " PE" : " PEs");
        }
        return String.join(" · ", java.util.stream.Stream.of(hostPart, pePart, leftPart).filter(t -> !t.isEmpty())
                .toList());
    }
}
