package org.waferscope.views.inspector;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.CoreSnapshot.TaskRow;
import org.waferscope.views.inspector.InspectorRows.QueueLine;
import org.waferscope.views.inspector.InspectorRows.RouteLine;
import org.waferscope.views.inspector.InspectorRows.SymbolLine;
import org.waferscope.views.source.BreakpointsModel;

/**
 * Right-click menus on the inspector's tables that set breakpoints on what the row shows:
 * a task starting, a symbol written, a queue full, a wavelet of a color arriving; on this
 * PE or on every PE. The menu is built when it opens, from the row under it.
 */
final class InspectorBreakMenus {
    private final CoreInspectorModel model;
    private final BreakpointsModel breakpoints;

    InspectorBreakMenus(CoreInspectorModel model, BreakpointsModel breakpoints) {
        this.model = model;
        this.breakpoints = breakpoints;
    }

    void tasks(TableView<TaskRow> table) {
        install(table, r -> List.of(
                item("Break when task " + r.id() + " (" + r.name() + ") starts on this PE", pe -> new Breakpoint.TaskStart(r.id(), pe)),
                item("Break when task " + r.id() + " starts on any PE", pe -> new Breakpoint.TaskStart(r.id(), null))));
    }

    void symbols(TableView<SymbolLine> table) {
        install(table, r -> List.of(
                item("Break when " + r.name() + " is written on this PE", pe -> new Breakpoint.SymbolWritten(r.name(), pe, "")),
                item("Break when " + r.name() + " is written on any PE", pe -> new Breakpoint.SymbolWritten(r.name(), null, ""))));
    }

    void queues(TableView<QueueLine> table) {
        install(table, r -> List.of(item("Break when a queue of this PE is full", pe -> new Breakpoint.QueueFull(pe))));
    }

    void routes(TableView<RouteLine> table) {
        install(table, r -> List.of(
                item("Break when a wavelet of color " + r.color() + " arrives here", pe -> new Breakpoint.WaveletArrives(r.color(), pe)),
                item("Break when a wavelet of color " + r.color() + " arrives anywhere",
                        pe -> new Breakpoint.WaveletArrives(r.color(), null))));
    }

    private record Item(String text, Function<Breakpoint.Pe, Breakpoint> make) {
    }

    private static Item item(String text, Function<Breakpoint.Pe, Breakpoint> make) {
        return new Item(text, make);
    }

    private <R> void install(TableView<R> table, Function<R, List<Item>> items) {
        ContextMenu menu = new ContextMenu();
        menu.setId("inspector-break-menu");
        table.setOnContextMenuRequested(e -> {
            menu.getItems().clear();
            R row = table.getSelectionModel().getSelectedItem();
            CoreSnapshot s = model.snapshot();
            if (row == null || s == null) {
                menu.getItems().add(disabled("Select a row to set a breakpoint on it"));
            } else {
                Breakpoint.Pe pe = new Breakpoint.Pe(s.x(), s.y());
                for (Item i : items.apply(row)) {
                    MenuItem m = new MenuItem(i.text());
                    m.setOnAction(a -> breakpoints.add(i.make().apply(pe)));
                    menu.getItems().add(m);
                }
            }
            menu.show(table, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static MenuItem disabled(String text) {
        MenuItem m = new MenuItem(text);
        m.setDisable(true);
        return m;
    }
}
