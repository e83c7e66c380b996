package org.waferscope.views.breakpoints;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.BreakSpec;
import org.waferscope.views.source.BreakpointsModel;

/** A breakpoint with a hit count says what it counts: a step back keeps the count, a reset starts it again. */
@ExtendWith(ApplicationExtension.class)
class BreakpointsPanelTest {
    private final BreakpointsModel model = new BreakpointsModel(c -> { });

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new BreakpointsPanel(model), 240, 500));
        stage.show();
    }

    @Test
    void aHitCountSaysWhatItCounts(FxRobot robot) {
        robot.interact(() -> model.add(BreakSpec.parse("receiver.csl:27")));
        Label note = robot.lookup("#breakpoints-hit-note").queryAs(Label.class);
        assertFalse(note.isVisible(), "no hit count, no note");
        robot.interact(() -> model.add(BreakSpec.parse("receiver.csl:30 hit 6")));
        assertTrue(note.isVisible(), "a hit count brings the note");
        assertTrue(note.getText().contains("A step back keeps the count"), note.getText());
        assertFalse(note.getText().contains("afresh after a step back"), "a step back no longer restarts the count");
        robot.interact(model::clear);
        assertFalse(note.isVisible());
    }
}
