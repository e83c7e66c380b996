package org.waferscope.views.inspector;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.views.heatmap.PeLocation;
import org.waferscope.views.inspector.InspectorRows.SymbolLine;
import org.waferscope.views.inspector.MemoryModel.ElementRow;

/**
 * The Memory tab: the number format, the PE's symbols (those that changed in the last step
 * marked), the selected symbol whole in a virtualised table of elements (changed ones
 * marked), and the watch list with a field to add a symbol, an element or a reduction of
 * the PE on show. Only binds to the models.
 */
final class MemoryPane extends VBox {
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    MemoryPane(CoreInspectorModel inspector, InspectorBreakMenus menus) {
        super(4);
        MemoryModel memory = inspector.memory();
        getStyleClass().add("memory-pane");
        TableView<SymbolLine> symbols = Tables.table(inspector.symbols(), "No symbols");
        symbols.setId("inspector-symbols");
        symbols.getColumns().setAll(List.of(
                Tables.column("symbol", 90, SymbolLine::name), Tables.column("type", 70, SymbolLine::type),
                Tables.column("addr", 60, SymbolLine::address), Tables.column("value", 260, SymbolLine::value)));
        symbols.setRowFactory(t -> marked(r -> memory.changedBySymbol().containsKey(r.name())));
        menus.symbols(symbols);
        symbols.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                memory.symbolProperty().set(s.name());
            } else {
                // the table clears its selection when its rows are replaced (a new step): pick the row again
                selectRow(symbols, memory.symbolProperty().get());
            }
        });
        // the row of the symbol shown below is the table's selection, also when the model chose it
        // (the first symbol, on a new PE): a heading naming u under a list with no row picked, or with
        // T picked, read as one selection
        Runnable follow = () -> selectRow(symbols, memory.symbolProperty().get());
        memory.symbolProperty().addListener((o, a, s) -> follow.run());
        symbols.getItems().addListener((javafx.collections.ListChangeListener<SymbolLine>) c -> follow.run());
        symbols.setMinHeight(110);
        symbols.setPrefHeight(110);

        Label heading = new Label();
        heading.getStyleClass().add("inspector-section");
        heading.textProperty().bind(memory.headingProperty());
        // wrapped, not cut: "… changed since cycle 3,000" ends in the figure that is news
        heading.setWrapText(true);
        heading.setMinHeight(Label.USE_PREF_SIZE);
        TableView<ElementRow> elements = Tables.table(memory.elements(), "Pick a symbol above");
        elements.setId("inspector-elements");
        elements.getStyleClass().add("memory-elements");
        elements.getColumns().setAll(List.of(Tables.column("index", 70, ElementRow::label),
                Tables.column("value", 200, ElementRow::value)));
        elements.setRowFactory(t -> marked(ElementRow::changed));
        VBox.setVgrow(elements, Priority.ALWAYS);

        // The element table takes the room; the symbol list and the watch list keep a few rows each.
        getChildren().addAll(formats(inspector), symbols, heading, elements, watchPane(inspector, elements));
    }

    private static void selectRow(TableView<SymbolLine> symbols, String name) {
        SymbolLine now = symbols.getSelectionModel().getSelectedItem();
        if (name == null || now != null && now.name().equals(name)) {
            return;
        }
        for (SymbolLine l : symbols.getItems()) {
            if (l.name().equals(name)) {
                symbols.getSelectionModel().select(l);
                return;
            }
        }
        symbols.getSelectionModel().clearSelection();
    }

    private static HBox formats(CoreInspectorModel model) {
        ToggleGroup group = new ToggleGroup();
        HBox formats = new HBox(0);
        formats.getStyleClass().add("segmented");
        for (SymbolFormat f : SymbolFormat.values()) {
            ToggleButton b = new ToggleButton(f.label);
            b.setId("memory-format-" + f.label);
            b.setToggleGroup(group);
            b.setUserData(f);
            b.setSelected(f == model.symbolFormatProperty().get());
            formats.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.symbolFormatProperty().set((SymbolFormat) t.getUserData());
            }
        });
        return formats;
    }

    /** "Watch" adds the field's text (by default the selected symbol or element) on the PE on show. */
    private static VBox watchPane(CoreInspectorModel inspector, TableView<ElementRow> elements) {
        MemoryModel memory = inspector.memory();
        TextField what = new TextField();
        what.setId("watch-query");
        what.setPromptText("T, T[3] or sum(T)");
        what.setTooltip(new Tooltip("A symbol, one element or a reduction (sum, mean, min, max) of the PE on show"));
        memory.symbolProperty().addListener((o, a, s) -> what.setText(s));
        elements.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                what.setText(memory.symbolProperty().get() + "[" + e.index() + "]");
            }
        });
        Label problem = new Label();
        problem.getStyleClass().add("inspector-hint");
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        Button add = new Button("Watch");
        add.setId("watch-add");
        add.setOnAction(e -> {
            if (memory.shown() == null) {
                return;
            }
            try {
                memory.watches().add(new PeLocation(memory.shown().x(), memory.shown().y()),
                        ValueQuery.parse(what.getText()));
                problem.setText("");
            } catch (IllegalArgumentException ex) {
                problem.setText(ex.getMessage());
            }
        });
        what.setOnAction(add.getOnAction());
        HBox.setHgrow(what, Priority.ALWAYS);
        HBox row = new HBox(6, what, add);
        row.setAlignment(Pos.CENTER_LEFT);

        TableView<WatchList.Row> table = Tables.table(memory.watches().rows(), "Nothing watched: pick a symbol and press Watch");
        table.setId("inspector-watches");
        table.getColumns().setAll(List.of(Tables.column("PE", 60, WatchList.Row::where),
                Tables.column("watch", 90, r -> r.query().text()), Tables.column("value", 160, WatchList.Row::value)));
        table.setRowFactory(t -> marked(WatchList.Row::changed));
        table.setMinHeight(90);
        table.setPrefHeight(90);
        javafx.scene.control.MenuItem remove = new javafx.scene.control.MenuItem("Stop watching");
        remove.setOnAction(e -> {
            WatchList.Row r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                memory.watches().remove(r);
            }
        });
        table.setContextMenu(new javafx.scene.control.ContextMenu(remove));
        Label title = new Label("Watch list");
        title.getStyleClass().add("inspector-section");
        return new VBox(4, title, row, problem, table);
    }

    /** A row that carries the {@code :changed} pseudo-class when {@code changed} says so. */
    private static <T> TableRow<T> marked(java.util.function.Predicate<T> changed) {
        return new TableRow<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CHANGED, !empty && item != null && changed.test(item));
            }
        };
    }
}
