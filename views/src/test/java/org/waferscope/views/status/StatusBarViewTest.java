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

    /** A W×H fabric's frame, {@code active} of its PEs at work, its host waiting for every PE's unblock_cmd_stream. */
    private void show(FxRobot robot, long cycle, SimState state, int w, int h, int active, String message) {
        FabricStats stats = new FabricStats(w * h, active, 2L * w * h, 0, 0, 1.41e-8, 250,
                org.waferscope.engine.api.HostStatus.waitingForPes((long) w * h), "wse2");
        robot.interact(() -> model.update(new Frame(cycle, cycle, state, w, h, MetricLayer.UTILIZATION, -1,
                new float[1], 0, 1, null, stats, List.of(), message), 1));
        robot.interact(() -> { });
        robot.interact(() -> { });
    }

    private static String shown(Label l) {
        javafx.scene.Node text = l.lookup(".text");
        return text == null ? "" : ((javafx.scene.text.Text) text).getText();
    }

    @Test
    void theHostStepGivesWayFirstWithItsWholeTextInATooltip(FxRobot robot) {
        show(robot, 12, SimState.PAUSED, 757, 996, 753_972, "");
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
    void besideADeadlocksMessageTheHostSaysItsStepInAFewWordsOrNothingNeverACutOne(FxRobot robot) {
        // at 1280 the host's step was cut ("host: waiting for unblock_cmd_stre…", "h…") beside a deadlock's message
        Label host = robot.lookup("#status-host").queryAs(Label.class);
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        robot.interact(() -> bar.setMaxWidth(1280));
        show(robot, 19, SimState.HALTED, 3, 1, 0, "deadlock at cycle 19: work remains but nothing can move");
        assertEquals(1280, bar.getWidth(), 0.5);
        assertEquals("host waits for 3 PE(s)", host.getText(), "a few words");
        assertEquals(host.getText(), shown(host), "shown whole");
        assertEquals(message.getText(), shown(message), "the message whole");
        assertEquals("host: waiting for unblock_cmd_stream from 3 PE(s)", host.getTooltip().getText());
        // a full wafer's counts and a longer message: the host says nothing rather than "h…"; the message keeps its room
        show(robot, 123_456, SimState.HALTED, 757, 996, 12, "deadlock at cycle 123,456: work remains but nothing can move; "
                + "wavelets left the fabric by 1 route");
        assertTrue(shown(host).isEmpty() || shown(host).equals(host.getText()), "whole or nothing: " + shown(host));
        assertTrue(shown(message).length() > 40, shown(message));
        // the deadlock over (a step back), there is room for all of it again
        show(robot, 18, SimState.PAUSED, 3, 1, 0, "");
        assertEquals("host: waiting for unblock_cmd_stream from 3 PE(s)", shown(host), "with room, all of it");
    }

    @Test
    void theCountOfPesAtWorkSaysWhichCycleItIsOfWhereThereIsRoom(FxRobot robot) {
        // at cycle 2 of broadcast-chain "5 of 5 PEs at work" sat beside an inspector calling PE (2, 0) idle at cycle 2
        robot.interact(() -> bar.setMaxWidth(1280));
        show(robot, 2, SimState.PAUSED, 5, 1, 5, "");
        Label activity = robot.lookup("#status-activity").queryAs(Label.class);
        Label host = robot.lookup("#status-host").queryAs(Label.class);
        assertEquals("5 × 1 fabric · 5 of 5 PEs at work from cycle 1 to 2 · 10 wavelets in flight", shown(activity));
        assertEquals("host: waiting for unblock_cmd_stream from 5 PE(s)", shown(host), "and the host's whole step beside it");
        // short of room, the cycle's words give way before the host's few words; the tooltip keeps them
        robot.interact(() -> bar.setMaxWidth(760));
        robot.interact(() -> { });
        assertEquals("5 × 1 fabric · 5 of 5 PEs at work · 10 wavelets in flight", shown(activity));
        assertEquals(activity.getText(), shown(activity), "whole, not cut");
        assertEquals("5 × 1 fabric · 5 of 5 PEs at work from cycle 1 to 2 · 10 wavelets in flight",
                activity.getTooltip().getText());
    }
}
