package org.waferscope.views.layers;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueQuery.Reduce;
import org.waferscope.engine.api.ValueSymbol;

/**
 * Which program variable the value layer shows: one of the program's globals, then how an
 * array becomes one colour per PE (whole array, one element, sum, mean, min, max) and for
 * an element its index. Shown only for the value layer; it only edits the model's value.
 */
public class ValueChooser extends HBox {
    private final LayerChooserModel model;
    private final ComboBox<ValueSymbol> symbol = new ComboBox<>();
    private final ComboBox<Reduce> reduce = new ComboBox<>();
    private final Spinner<Integer> index = new Spinner<>(0, 65_535, 0);
    private boolean updating;

    public ValueChooser(LayerChooserModel model) {
        super(6);
        this.model = model;
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("value-chooser");
        symbol.setId("value-symbol");
        // a copy of the model's list, refilled before the value is set: sharing the list let the
        // combo box clear its selection after ours was set when the same program loaded again
        symbol.getItems().setAll(model.symbols());
        symbol.setCellFactory(v -> new SymbolCell(true));
        symbol.setButtonCell(new SymbolCell(false));
        symbol.setPromptText("variable");
        symbol.setFocusTraversable(false);
        symbol.setTooltip(new Tooltip("The program variable to show on every PE that has it"));
        reduce.setId("value-reduce");
        reduce.getItems().setAll(Reduce.values());
        reduce.setCellFactory(v -> new ReduceCell());
        reduce.setButtonCell(new ReduceCell());
        reduce.setFocusTraversable(false);
        reduce.setMinWidth(ComboBox.USE_PREF_SIZE);
        symbol.setMinWidth(90);
        reduce.setTooltip(new Tooltip("How an array becomes one colour per PE (zoomed in, whole arrays show element by element)"));
        index.setId("value-index");
        index.setEditable(true);
        index.setPrefWidth(80);
        index.setMinWidth(64);   // room for a four-digit index beside the arrows, however crowded the footer
        index.setTooltip(new Tooltip("The element shown"));
        index.visibleProperty().bind(reduce.valueProperty().isEqualTo(Reduce.ELEMENT));
        index.managedProperty().bind(index.visibleProperty());
        javafx.scene.control.ToggleButton rows = new javafx.scene.control.ToggleButton("rows");
        rows.setId("value-rows");
        rows.setFocusTraversable(false);
        rows.setMinWidth(javafx.scene.control.ToggleButton.USE_PREF_SIZE);
        rows.setTooltip(new Tooltip("Zoomed in, draw each PE's array as one row (a row of an image) instead of a square"));
        rows.selectedProperty().bindBidirectional(model.tilesAsRowsProperty());
        // it draws whole arrays only: beside one element or a reduction it did nothing, and at 1280 wide,
        // beside the index and the signed palette's longer name, it was cut at the fabric's edge
        rows.visibleProperty().bind(reduce.valueProperty().isEqualTo(Reduce.ARRAY));
        rows.managedProperty().bind(rows.visibleProperty());
        getChildren().addAll(symbol, reduce, index, rows);
        symbol.valueProperty().addListener((o, a, b) -> edited());
        reduce.valueProperty().addListener((o, a, b) -> edited());
        index.valueProperty().addListener((o, a, b) -> edited());
        model.valueProperty().addListener((o, a, q) -> show(q));
        model.symbols().addListener((javafx.collections.ListChangeListener<ValueSymbol>) c -> {
            updating = true;
            try {
                symbol.getItems().setAll(model.symbols());
            } finally {
                updating = false;
            }
            show(model.valueProperty().get());
        });
        show(model.valueProperty().get());
        visibleProperty().bind(Bindings.createBooleanBinding(() -> model.layerProperty().get() == MetricLayer.VALUE,
                model.layerProperty()));
        managedProperty().bind(visibleProperty());
    }

    /** Puts the model's query into the controls without echoing it back. */
    private void show(ValueQuery q) {
        updating = true;
        try {
            symbol.setValue(q == null ? null : model.symbols().stream().filter(v -> v.name().equals(q.symbol()))
                    .findFirst().orElse(null));
            reduce.setValue(q == null ? Reduce.ARRAY : q.reduce());
            if (q != null && q.reduce() == Reduce.ELEMENT) {
                index.getValueFactory().setValue(q.index());
            }
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory())
                    .setMax(Math.max(0, symbol.getValue() == null ? 0 : symbol.getValue().length() - 1));
        } finally {
            updating = false;
        }
    }

    private void edited() {
        if (updating || symbol.getValue() == null) {
            return;
        }
        Reduce r = reduce.getValue() == null ? Reduce.ARRAY : reduce.getValue();
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) index.getValueFactory())
                .setMax(Math.max(0, symbol.getValue().length() - 1));
        int i = r == Reduce.ELEMENT ? index.getValue() : 0;
        model.valueProperty().set(new ValueQuery(symbol.getValue().name(), r, i, null));
    }

    private static final class SymbolCell extends ListCell<ValueSymbol> {
        private final boolean full;

        SymbolCell(boolean full) {
            this.full = full;
        }

        @Override
        protected void updateItem(ValueSymbol s, boolean empty) {
            super.updateItem(s, empty);
            setText(empty || s == null ? null : full ? s.describe() : s.name());
        }
    }

    private static final class ReduceCell extends ListCell<Reduce> {
        @Override
        protected void updateItem(Reduce r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : r.label);
        }
    }
}
