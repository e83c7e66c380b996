package org.waferscope.views.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.views.source.BreakpointsModel;

/** The element table is virtualised: thousands of elements, a screenful of rows; changed rows carry :changed. */
@ExtendWith(ApplicationExtension.class)
class MemoryPaneTest {
    private final CoreInspectorModel model = new CoreInspectorModel();
    private CoreInspectorView view;

    @Start
    void start(Stage stage) {
        view = new CoreInspectorView(model, new BreakpointsModel(c -> { }));
        stage.setScene(new Scene(view, 420, 700));
        stage.show();
    }

    @Test
    void aLongArrayPagesThroughAFewRowsAndMarksChanges(FxRobot robot) {
        float[] v = MemoryModelTest.ramp(5000);
        robot.interact(() -> {
            model.show(MemoryModelTest.snapshot(0, 0, 1, MemoryModelTest.f32("T", new int[] {5000}, v)));
            view.showTab("Memory");
        });
        v[4990] = -3;
        robot.interact(() -> model.show(MemoryModelTest.snapshot(0, 0, 2, MemoryModelTest.f32("T", new int[] {5000}, v))));
        @SuppressWarnings("unchecked")
        TableView<MemoryModel.ElementRow> table = robot.lookup("#inspector-elements").queryAs(TableView.class);
        assertEquals(5000, table.getItems().size());
        long rows = robot.lookup("#inspector-elements .table-row-cell").queryAll().size();
        assertTrue(rows < 100, "only the rows in view exist: " + rows);
        robot.interact(() -> table.scrollTo(4985));
        robot.interact(() -> table.layout());
        var marked = robot.lookup("#inspector-elements .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("changed")))
                .map(r -> ((MemoryModel.ElementRow) r.getItem()).index()).toList();
        assertEquals(java.util.List.of(4990), marked, "the changed element, and only it, is marked");
    }

    @Test
    void theTabsStayPutWhenAPeIsSelectedAndCleared(FxRobot robot) {
        javafx.scene.Node tabs = robot.lookup("#inspector-tabs").query();
        robot.interact(model::clear);
        double empty = tabs.localToScene(tabs.getBoundsInLocal()).getMinY();
        robot.interact(() -> model.show(MemoryModelTest.snapshot(3, 4, 7)));
        assertTrue(model.titleProperty().get().contains("3"), model.titleProperty().get());
        assertEquals(empty, tabs.localToScene(tabs.getBoundsInLocal()).getMinY(), 0.5,
                "the tab strip where the pointer found it before the first click on a PE");
        robot.interact(model::clear);
        assertEquals(empty, tabs.localToScene(tabs.getBoundsInLocal()).getMinY(), 0.5);
    }

    @Test
    void theSymbolShownBelowIsTheListsSelectionAndLooksSelectedWhenItChanged(FxRobot robot) {
        // the ninth review: heat-diffusion's heading named u under a list with no row picked, and a picked
        // row that had changed looked like every other changed row
        robot.interact(() -> {
            view.getScene().getStylesheets().setAll(org.waferscope.assets.Stylesheet.BASE.url(),
                    org.waferscope.assets.Stylesheet.DARK.url());
            model.show(MemoryModelTest.snapshot(0, 0, 1, MemoryModelTest.f32("u", new int[] {2}, 1, 2),
                    MemoryModelTest.f32("T", new int[] {2}, 3, 4)));
            view.showTab("Memory");
        });
        @SuppressWarnings("unchecked")
        TableView<InspectorRows.SymbolLine> symbols = robot.lookup("#inspector-symbols").queryAs(TableView.class);
        assertEquals("u", model.memory().symbolProperty().get());
        assertEquals("u", symbols.getSelectionModel().getSelectedItem().name(), "the symbol on show is the selected row");
        robot.interact(() -> model.show(MemoryModelTest.snapshot(0, 0, 2, MemoryModelTest.f32("u", new int[] {2}, 1, 5),
                MemoryModelTest.f32("T", new int[] {2}, 3, 6))));
        robot.interact(() -> model.memory().symbolProperty().set("T"));
        robot.interact(() -> symbols.layout());
        assertEquals("T", symbols.getSelectionModel().getSelectedItem().name());
        java.util.Map<String, javafx.scene.paint.Paint> fill = new java.util.HashMap<>();
        for (TableRow<?> r : robot.lookup("#inspector-symbols .table-row-cell").queryAllAs(TableRow.class)) {
            if (r.getItem() instanceof InspectorRows.SymbolLine l && r.getBackground() != null) {
                java.util.List<javafx.scene.layout.BackgroundFill> fills = r.getBackground().getFills();
                fill.put(l.name(), fills.get(fills.size() - 1).getFill());
            }
        }
        assertTrue(fill.containsKey("u") && fill.containsKey("T"), fill.toString());
        assertTrue(!fill.get("u").equals(fill.get("T")), "both changed, the selected one looks selected: " + fill);
    }
}
