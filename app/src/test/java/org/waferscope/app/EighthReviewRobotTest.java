package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.SimState;

/**
 * What the eighth new-user review (session 16) mended in the window, on the real engine at
 * 1280×800, headless: the console's counts after a step back out of a deadlock, and a long
 * load error over the fabric read whole.
 */
@ExtendWith(ApplicationExtension.class)
class EighthReviewRobotTest {
    private RealExplorer explorer;
    private SimulationSession session;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new RealExplorer(stage);
        session = explorer.session;
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    @Test
    void afterASteppingBackOutOfADeadlockTheCountsAreOfTheCycleShown(FxRobot robot) {
        explorer.open(robot, "relay-deadlock");
        explorer.runToStop(robot);
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
        int reported = session.console().errorsProperty().get();
        assertTrue(reported > 0, "the deadlock's report is counted");
        Label counts = robot.lookup("#console-counts").queryAs(Label.class);
        assertTrue(counts.getText().startsWith(reported + " err"), counts.getText());

        robot.type(KeyCode.LEFT);
        explorer.pulse(robot);
        assertEquals(18, session.frameProperty().get().cycle());
        // the run shown has no deadlock: "8 err" described a cycle the user is no longer at
        assertEquals(0, session.console().errorsProperty().get());
        assertTrue(counts.getText().startsWith("0 err"), counts.getText());
        assertEquals(reported, session.console().errorsSteppedBackFromProperty().get());
        assertTrue(counts.getTooltip().getText().contains(reported + " errors more in the greyed lines"),
                counts.getTooltip().getText());
        // the report stays, greyed, where it was read
        ConsoleLine report = session.console().lines().stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR)
                .findFirst().orElseThrow();
        assertTrue(session.console().isSteppedBackFrom(report));
        RealExplorer.shoot(robot, stage.getScene(), "console-stepped-back-from-a-deadlock");

        // forward again: the deadlock is met again and counted once, not twice
        robot.type(KeyCode.RIGHT);
        explorer.pulse(robot);
        assertEquals(SimState.FAULTED, session.frameProperty().get().state());
        assertEquals(reported, session.console().errorsProperty().get());
        // a reset goes back to cycle 0 as a step back does
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        explorer.pulse(robot);
        assertEquals(0, session.frameProperty().get().cycle());
        assertEquals(0, session.console().errorsProperty().get());
        assertFalse(session.console().isSteppedBackFrom(session.console().lines().get(0)), "what came before the run stays");
    }

    @Test
    void aLongLoadErrorOverTheFabricIsReadWholeWithItsPlace(FxRobot robot) {
        explorer.open(robot, "heat-diffusion");
        java.nio.file.Path folder = session.folderProperty().get();
        robot.interact(() -> session.fxOpen(folder, Map.of("width", "0")));
        explorer.pulse(robot);
        String said = session.loadErrorProperty().get();
        assertTrue(said.contains("layout.csl:"), "the error keeps its file:line:col: " + said);
        Label words = robot.lookup("#load-error .notification-bar .label").match((Label l) -> said.equals(l.getText()))
                .queryAs(Label.class);
        robot.interact(() -> { });
        Text drawn = (Text) words.lookup(".text");
        // a label drawn cut ends in "…" and holds less than its text
        assertEquals(said, drawn.getText(), "the banner's words are drawn whole at 1280 wide");
        assertTrue(words.getHeight() >= words.prefHeight(words.getWidth()) - 0.5,
                "every line of the wrapped words has its room: " + words.getHeight());
        assertTrue(words.localToScene(words.getLayoutBounds()).getMaxX() <= stage.getScene().getWidth(),
                "and within the window");
        RealExplorer.shoot(robot, stage.getScene(), "load-error-whole-at-1280");
    }

    @Test
    void theValueFooterFitsAt1280WithTheSignedPaletteAndOneElement(FxRobot robot) {
        // allreduce's result[0] after its run: "Blue–red (signed)", the element's index, and "rows" cut at the edge
        explorer.open(robot, "allreduce");
        explorer.runToStop(robot);
        assertTrue(robot.lookup("#palette").queryAs(javafx.scene.control.Control.class).isDisabled(), "values are signed");
        javafx.scene.Node heatmap = robot.lookup("#heatmap").query();
        double edge = heatmap.localToScene(heatmap.getBoundsInLocal()).getMaxX() + 0.5;
        for (String id : new String[] {"#palette", "#value-reduce", "#value-index"}) {
            javafx.scene.Node n = robot.lookup(id).query();
            assertTrue(n.isVisible() && n.localToScene(n.getBoundsInLocal()).getMaxX() <= edge, id + " is cut at the edge");
        }
        javafx.scene.Node rows = robot.lookup("#value-rows").query();
        assertFalse(rows.isVisible(), "\"rows\" lays out whole arrays; one element has none to lay out");
        robot.interact(() -> robot.lookup("#value-reduce").queryComboBox().getSelectionModel()
                .select(org.waferscope.engine.api.ValueQuery.Reduce.ARRAY));
        explorer.pulse(robot);
        assertTrue(rows.isVisible(), "a whole array can be laid out as rows");
        assertTrue(rows.localToScene(rows.getBoundsInLocal()).getMaxX() <= edge, "\"rows\" is not cut off");
        RealExplorer.shoot(robot, stage.getScene(), "value-footer-signed-at-1280");
    }
}
