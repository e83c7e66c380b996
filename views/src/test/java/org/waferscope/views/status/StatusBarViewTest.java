package org.waferscope.views.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;

/**
 * The status bar of a full wafer, whose counts and host step are long: while there is room
 * each says all of it, and when there is not the host step gives way first, with an
 * ellipsis and its whole text in a tooltip; state, cycle and time are never cut.
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarViewTest {
    private final StatusModel model = new StatusModel();
    private StatusBarView bar;

    @Start
    void start(Stage stage) {
        bar = new StatusBarView(model, new SimpleStringProperty(""));
        stage.setScene(new Scene(new BorderPane(null, null, null, bar, null), 1440, 60));
        stage.sizeToScene();   // the test stage is shared, and an earlier test may have left it another size
        stage.show();
    }

    private static String shown(Label l) {
        javafx.scene.Node text = l.lookup(".text");
        return text == null ? "" : ((javafx.scene.text.Text) text).getText();
    }

    @Test
    void theHostStepGivesWayFirstWithItsWholeTextInATooltip(FxRobot robot) {
        FabricStats stats = new FabricStats(753_972, 753_972, 1_505_952, 0, 0, 1.41e-8, 250,
                "waiting for unblock_cmd_stream from 753972 PE(s)", "wse2");
        robot.interact(() -> model.update(new Frame(1, 12, SimState.PAUSED, 757, 996, MetricLayer.UTILIZATION, -1,
                new float[1], 0, 1, null, stats, List.of(), ""), 1));
        Label host = robot.lookup("#status-host").queryAs(Label.class);
        Label activity = robot.lookup("#status-activity").queryAs(Label.class);
        for (double width : new double[] {1440, 1280, 1000}) {
            robot.interact(() -> bar.setMaxWidth(width));   // (the stage keeps its size for the other tests)
            robot.interact(() -> { });
            assertEquals(width, bar.getWidth(), 0.5);
            for (String id : new String[] {"#status-state", "#status-cycle", "#status-time"}) {
                Label l = robot.lookup(id).queryAs(Label.class);
                assertEquals(l.getText(), shown(l), id + " at " + width + " px");
            }
            assertEquals("host: waiting for unblock_cmd_stream from 753972 PE(s)", host.getTooltip().getText());
            if (width >= 1280) {
                assertEquals(activity.getText(), shown(activity), "the counts whole at " + width + " px");
            }
            if (width == 1440) {
                assertEquals(host.getText(), shown(host), "room for all of it at 1440 px");
            } else if (!shown(host).equals(host.getText())) {
                assertTrue(shown(activity).equals(activity.getText()) || shown(host).isEmpty(),
                        "the host step gives way before the counts, at " + width + " px");
            }
        }
    }

    @Test
    void besideADeadlocksMessageTheHostSaysItsStepInAFewWordsNotACutOne(FxRobot robot) {
        // at 1280 the host's step was cut to "h…" beside "deadlock at cycle …: work remains but nothing can move"
        FabricStats stats = new FabricStats(753_972, 12, 1_505_952, 0, 0, 1.41e-8, 250,
                "waiting for unblock_cmd_stream from 753972 PE(s)", "wse2");
        robot.interact(() -> model.update(new Frame(1, 123_456, SimState.HALTED, 757, 996, MetricLayer.UTILIZATION, -1,
                new float[1], 0, 1, null, stats, List.of(), "deadlock at cycle 123,456: work remains but nothing can move"), 1));
        Label host = robot.lookup("#status-host").queryAs(Label.class);
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        for (double width : new double[] {1280}) {
            robot.interact(() -> bar.setMaxWidth(width));
            robot.interact(() -> { });
            robot.interact(() -> { });
            assertEquals("host waits for 753972 PE(s)", host.getText(), "a few words at " + width + " px");
            assertEquals(host.getText(), shown(host), "shown whole at " + width + " px");
            assertTrue(shown(message).startsWith("deadlock at cycle 123,456"), width + ": " + shown(message));
            assertEquals("host: waiting for unblock_cmd_stream from 753972 PE(s)", host.getTooltip().getText());
        }
        // the deadlock over (a step back), there is room for all of it again
        robot.interact(() -> model.update(new Frame(2, 123_455, SimState.PAUSED, 757, 996, MetricLayer.UTILIZATION, -1,
                new float[1], 0, 1, null, stats, List.of(), ""), 1));
        robot.interact(() -> { });
        robot.interact(() -> { });
        assertEquals("host: waiting for unblock_cmd_stream from 753972 PE(s)", shown(host), "with room, all of it");
    }
}
