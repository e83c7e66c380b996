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

    private BreakpointsPanel panel;

    @Start
    void start(Stage stage) {
        panel = new BreakpointsPanel(model);
        stage.setScene(new Scene(panel, 240, 500));
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

    @Test
    void aBreakpointThatCanNeverStopIsMarkedAndADoubleClickSaysWhy(FxRobot robot) {
        java.util.List<Object> jumped = new java.util.ArrayList<>();
        robot.interact(() -> {
            panel.setOnJump(jumped::add);
            panel.setProgramChecks(b -> b.describe().startsWith("receiver.csl:9999") ? "no code on line 9999" : null,
                    "receiver.csl:27");
            model.add(BreakSpec.parse("receiver.csl:27"));
        });
        javafx.scene.control.TextField field = robot.lookup("#breakpoint-spec").queryAs(javafx.scene.control.TextField.class);
        assertTrue(field.getPromptText().startsWith("receiver.csl:27"), "the loaded program's line: " + field.getPromptText());
        robot.interact(() -> {
            field.setText("receiver.csl:9999");
            panel.add();
        });
        Label problem = robot.lookup(".breakpoint-problem").queryAs(Label.class);
        // before: added silently, listed like any other, and a double-click did nothing
        assertTrue(problem.getText().contains("can never stop: no code on line 9999"), problem.getText());
        assertTrue(robot.lookup("⚠ receiver.csl:9999").tryQuery().isPresent(), "the entry is marked");
        // Enter on the selected entry is the double-click's twin (a double-click's timing is the machine's, not ours)
        robot.clickOn("⚠ receiver.csl:9999").type(javafx.scene.input.KeyCode.ENTER);
        assertTrue(jumped.isEmpty(), "no jump to nowhere");
        assertTrue(problem.getText().contains("receiver.csl:9999 can never stop"), problem.getText());
        robot.clickOn("receiver.csl:27").type(javafx.scene.input.KeyCode.ENTER);
        assertTrue(jumped.size() == 1, "a breakpoint that can stop still jumps");
        robot.interact(() -> {
            // in the dark theme, to be looked at: the marked entry, the reason, and the field's example
            javafx.scene.Scene scene = panel.getScene();
            scene.getStylesheets().setAll(org.waferscope.assets.Stylesheet.BASE.url(),
                    org.waferscope.assets.Stylesheet.DARK.url());
            scene.getRoot().getStyleClass().add("theme-dark");
            field.clear();
            panel.requestFocus();
            try {
                java.nio.file.Path out = java.nio.file.Path.of("target", "screenshots", "breakpoints-never.png");
                java.nio.file.Files.createDirectories(out.getParent());
                javafx.scene.image.WritableImage img = scene.snapshot(null);
                int w = (int) img.getWidth();
                int h = (int) img.getHeight();
                java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(w, h,
                        java.awt.image.BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        b.setRGB(x, y, img.getPixelReader().getArgb(x, y));
                    }
                }
                javax.imageio.ImageIO.write(b, "png", out.toFile());
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                // the picture is for people; the assertions above are the test
            }
        });
    }
}
