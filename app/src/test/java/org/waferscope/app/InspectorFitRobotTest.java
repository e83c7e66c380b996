package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.heatmap.PeLocation;

/**
 * The inspector's tables at a laptop's 1280×800 (the test window's size): each lies whole
 * inside the inspector, shows rows, and keeps its columns at a width their text reads at,
 * scrolling sideways where they do not all fit.
 */
@ExtendWith(ApplicationExtension.class)
class InspectorFitRobotTest {
    private RealExplorer explorer;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new RealExplorer(stage);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    @Test
    void everyTableOfTheInspectorIsWholeAndReadableAt1280By800(FxRobot robot) {
        robot.interact(() -> explorer.window.openSample(explorer.samples.byName("fifo-pipeline").orElseThrow()));
        explorer.pulse(robot);
        assertEquals(SimState.LOADED, explorer.session.frameProperty().get().state());
        robot.interact(() -> explorer.session.post(new Command.Step(40)));
        explorer.pulse(robot);
        robot.interact(() -> explorer.session.layers().selectedProperty().set(new PeLocation(1, 0)));
        explorer.pulse(robot);
        explorer.pulse(robot);
        assertEquals(1280, stage.getWidth(), 1);
        Node inspector = robot.lookup("#inspector").query();
        for (String tab : java.util.List.of("Tasks", "Router", "Counters", "Memory")) {
            robot.interact(() -> ((org.waferscope.views.inspector.CoreInspectorView) inspector).showTab(tab));
            robot.interact(() -> stage.getScene().getRoot().layout());
            RealExplorer.shoot(robot, stage.getScene(), "inspector-fit-" + tab.toLowerCase(java.util.Locale.ROOT));
            Bounds room = inspector.localToScene(inspector.getLayoutBounds());
            for (Node n : inspector.lookupAll(".inspector-table")) {
                if (!n.isVisible() || n.getScene() == null || !showing(n)) {
                    continue;
                }
                TableView<?> t = (TableView<?>) n;
                Bounds b = t.localToScene(t.getLayoutBounds());
                String what = tab + " " + t.getColumns().get(0).getText() + "…";
                assertTrue(b.getMaxY() <= room.getMaxY() + 0.5 && b.getMaxX() <= room.getMaxX() + 0.5,
                        what + " lies inside the inspector: " + b + " in " + room);
                assertTrue(b.getHeight() >= 3 * 24, what + " shows a header and two rows at least: " + b.getHeight());
                for (TableColumn<?, ?> c : t.getColumns()) {
                    assertTrue(c.getWidth() >= c.getPrefWidth() - 0.5, what + " column " + c.getText() + " is "
                            + c.getWidth() + " wide, less than the " + c.getPrefWidth() + " its text needs");
                }
            }
        }
    }

    @Test
    void inALargerWindowTheTaskTableFillsItsWidthWithoutScrolling(FxRobot robot) {
        robot.interact(() -> explorer.window.openSample(explorer.samples.byName("fifo-pipeline").orElseThrow()));
        explorer.pulse(robot);
        // the headless screen is 1280×800: give the inspector the 27 % of a 1440-pixel window instead
        robot.interact(() -> {
            Node n = robot.lookup("#inspector").query();
            while (!(n instanceof javafx.scene.control.SplitPane)) {
                n = n.getParent();
            }
            javafx.scene.control.SplitPane main = (javafx.scene.control.SplitPane) n;
            double[] at = main.getDividerPositions();
            main.setDividerPosition(at.length - 1, 1 - 0.27 * 1440 / 1280);
            stage.getScene().getRoot().layout();
        });
        TableView<?> tasks = robot.lookup("#inspector-tasks").queryAs(TableView.class);
        assertEquals(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN, tasks.getColumnResizePolicy(),
                "at 1440 wide the task table's columns fit: " + tasks.getWidth());
    }

    @Test
    void theMemoryTabsHeadingSaysSinceWhichCycleWholeAt1280(FxRobot robot) {
        // "u  [16]f32  ·  16 elements  ·  0 changed since ..." hid the one figure that was news: the cycle
        heatDiffusionAtCycle3001(robot, "Memory");
        javafx.scene.control.Label heading = robot.lookup(".memory-pane .inspector-section")
                .match((javafx.scene.control.Label l) -> l.getText().contains("changed since cycle")).query();
        String shown = robot.from(heading).lookup(".text").queryAs(javafx.scene.text.Text.class).getText();
        assertEquals(heading.getText(), shown, "the heading is not cut");
        assertTrue(heading.getText().endsWith("changed since cycle 3,000"), heading.getText());
        RealExplorer.shoot(robot, stage.getScene(), "inspector-fit-memory-heading");
    }

    @Test
    void theCountersAreReadWholeAt1280(FxRobot robot) {
        // the tenth review: "fabric send/receive cy...", "stalled on back-press...", "tasks run (all of its tas..."
        // beside a value column with room to spare
        Node inspector = heatDiffusionAtCycle3001(robot, "Counters");
        RealExplorer.shoot(robot, stage.getScene(), "inspector-fit-counters-whole");
        TableView<?> counters = (TableView<?>) inspector.lookupAll(".inspector-table").stream()
                .filter(InspectorFitRobotTest::showing).findFirst().orElseThrow();
        java.util.List<javafx.scene.control.Labeled> cells = counters.lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.Labeled) n)
                .filter(c -> c.getText() != null && !c.getText().isEmpty() && showing(c)).toList();
        assertTrue(cells.size() >= 16, "a name and a value for each counter: " + cells.size());
        for (javafx.scene.control.Labeled c : cells) {
            String shown = ((javafx.scene.text.Text) c.lookup(".text")).getText();
            assertEquals(c.getText(), shown, "a counter's name or value is cut");
        }
        Bounds room = counters.localToScene(counters.getLayoutBounds());
        for (javafx.scene.control.Labeled c : cells) {
            Bounds b = c.localToScene(c.getLayoutBounds());
            assertTrue(b.getMaxX() <= room.getMaxX() + 0.5, c.getText() + " lies inside the table, not past its edge");
        }
    }

    /** heat-diffusion stepped 3,000 cycles and then one, PE (3, 1) inspected on {@code tab}; the inspector. */
    private Node heatDiffusionAtCycle3001(FxRobot robot, String tab) {
        robot.interact(() -> explorer.window.openSample(explorer.samples.byName("heat-diffusion").orElseThrow()));
        explorer.pulse(robot);
        robot.interact(() -> explorer.session.layers().selectedProperty().set(new PeLocation(3, 1)));
        robot.interact(() -> explorer.session.post(new Command.Step(3_000)));
        explorer.pulse(robot);
        robot.interact(() -> explorer.session.post(new Command.Step(1)));
        explorer.pulse(robot);
        explorer.pulse(robot);
        Node inspector = robot.lookup("#inspector").query();
        robot.interact(() -> ((org.waferscope.views.inspector.CoreInspectorView) inspector).showTab(tab));
        robot.interact(() -> stage.getScene().getRoot().layout());
        return inspector;
    }

    /** Whether {@code n} is in the selected tab (the others' content is in the scene too). */
    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
