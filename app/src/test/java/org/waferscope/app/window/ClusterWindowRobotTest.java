package org.waferscope.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.export.PngWriter;
import org.waferscope.engine.api.ClusterFrame;
import org.waferscope.engine.cluster.ClusterProgram;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.views.cluster.ClusterViewModel;

/**
 * The Cluster view with the bundled cluster program on two systems, its training run on
 * the test's thread: a few cycles at a time (the thumbnails follow the kernels), a layer
 * phase, a training step, Run to the end; a click on a system opens that wafer as a
 * program folder, a second click replaces it, and closing the window deletes it. Writes
 * target/screenshots/cluster-light.png and cluster-dark.png (docs/cluster-view*.png).
 */
@ExtendWith(ApplicationExtension.class)
class ClusterWindowRobotTest {
    private ClusterWindow window;
    private final List<Path> opened = new ArrayList<>();
    private final List<String> said = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        ClusterProgram p = ClusterProgram.load(new ClasspathSource(getClass().getClassLoader(),
                "org/waferscope/samples/cluster-digits"));
        p = p.with(p.spec().withSystems(2).withBatch(16).withSteps(3));
        window = new ClusterWindow(stage, p, (dir, what) -> {
            opened.add(dir);
            said.add(what);
        }, Runnable::run, Runnable::run);
        stage.setWidth(1260);   // within the headless screen
        stage.setHeight(780);
        stage.show();
    }

    @Test
    void stepsByCyclePhaseAndStepWithLiveThumbnailsAndOpensWafers(FxRobot robot) throws Exception {
        ClusterViewModel model = window.model();
        // one cycle: the first step begins, forward layer 1 is under way
        robot.clickOn("#cluster-cycles");
        ClusterFrame f = model.frameProperty().get();
        assertTrue(f.phase().startsWith("step 1: forward layer 1 (pass 1 of 4), cycle 1 of"), f.phase());
        assertEquals(0, f.step());
        assertEquals(1, f.wafers().get(0).cycles());
        assertTrue(status(robot).contains("cycle 1 of the pass"), status(robot));

        // 100 cycles, then 1,000: the weights stream east along the rows, the thumbnails follow
        robot.interact(() -> model.cyclesPerClickProperty().set(100L));
        robot.clickOn("#cluster-cycles");
        float[] early = model.frameProperty().get().wafers().get(1).utilization();
        Image before = thumbnails(robot);
        robot.interact(() -> model.cyclesPerClickProperty().set(1_000L));
        assertEquals(1_000L, robot.lookup("#cluster-cycle-count").queryAs(ChoiceBox.class).getValue());
        robot.clickOn("#cluster-cycles");
        f = model.frameProperty().get();
        assertEquals(1_101, f.wafers().get(1).cycles());
        assertFalse(Arrays.equals(early, f.wafers().get(1).utilization()), "CS-2's thumbnail follows its kernel");
        assertTrue(differ(before, thumbnails(robot)), "the thumbnails are drawn anew");
        assertTrue(f.bars().stream().anyMatch(b -> b.row().equals("CS-1") && b.kind().equals("FORWARD")),
                "the timeline shows the pass under way");
        assertEquals(f.now(), model.playheadProperty().get(), "the playhead follows the training");

        // a layer phase: forward layer 1 ends, forward layer 2 is next, not yet run
        robot.clickOn("#cluster-phase");
        f = model.frameProperty().get();
        assertTrue(f.phase().contains("forward layer 2 (pass 2 of 4), cycle 0"), f.phase());
        assertTrue(f.bars().stream().anyMatch(b -> b.kind().equals("READ") && b.layer() == 2),
                "layer 2's weights are prefetched");

        // the training step under way to its end: a loss point, the reduction on the timeline
        robot.clickOn("#cluster-step");
        f = model.frameProperty().get();
        assertEquals(1, f.step());
        assertEquals("step 1 done", f.phase());
        assertEquals(f.stepSeconds(), model.playheadProperty().get(), 1e-15);
        assertTrue(f.bars().stream().anyMatch(b -> b.row().equals("SwarmX reduce")));
        assertTrue(status(robot).contains("Steps done 1/3"), status(robot));

        // layer pipelining for contrast: one step on a wafer of its own, beside weight streaming's figures
        robot.clickOn("#cluster-pipelined");
        String contrast = robot.lookup("#cluster-pipelined-figures").queryAs(Label.class).getText();
        assertTrue(contrast.startsWith("Layer-pipelined, one wafer (measured on the engine): 2 regions on 24 PEs, "
                + "2 micro-batches of 8"), contrast);
        assertTrue(contrast.contains("Weight streaming here, 2 system(s)") && contrast.contains("samples/s"), contrast);

        // into the next step: forward layer 1 runs while layer 2's weights are prefetched
        robot.clickOn("#cluster-cycles");
        assertTrue(model.frameProperty().get().phase().startsWith("step 2: forward layer 1"));
        // the pictures in docs/CLUSTER.md: this moment in the app's light and dark themes
        javafx.scene.Scene owner = new javafx.scene.Scene(new javafx.scene.layout.Pane());
        robot.interact(() -> window.followLooks(owner));
        for (org.waferscope.app.prefs.Theme theme : org.waferscope.app.prefs.Theme.values()) {
            Path shot = Path.of("target", "screenshots", "cluster-" + theme.name().toLowerCase(java.util.Locale.ROOT)
                    + ".png");
            robot.interact(() -> {
                owner.getStylesheets().setAll(org.waferscope.assets.Stylesheet.BASE.url(), theme.sheet.url());
                owner.getRoot().getStyleClass().setAll("theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
                window.stage().getScene().getRoot().applyCss();
                window.view().paintIfDirty();
                try {
                    PngWriter.write(window.stage().getScene().snapshot(null), shot);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(Files.size(shot) > 20_000);
        }

        // Run, a step a frame, to the end: it stops by itself
        robot.interact(() -> {
            model.paceProperty().set(ClusterViewModel.Pace.STEP);
            model.runningProperty().set(true);
        });
        for (int i = 0; i < 10 && model.runningProperty().get(); i++) {
            robot.interact(model::pulse);
        }
        assertEquals(3, model.frameProperty().get().step());
        assertFalse(model.runningProperty().get(), "Run ends with the training");
        assertEquals("training done", model.frameProperty().get().phase());

        // CS-1's wafer opened at the start; CS-2's replaces it, in the same one folder
        robot.interact(() -> window.view().paintIfDirty());
        clickSystem(robot, 1);
        assertEquals(2, opened.size(), "CS-1's wafer opened at the start, then the one clicked");
        Path cs2 = opened.get(1);
        assertTrue(Files.readString(cs2.resolve("run.json")).contains("CS-2 of the cluster"));
        // a user expects the live wafer: the window says it opened a copy of one pass, and that training is not moved
        // the training is done after step 3: the replay is of step 3, the last one watched (it said "step 4", which never runs)
        assertTrue(said.get(1).startsWith("Opened a replay of CS-2's wafer") && said.get(1).contains("step 3,")
                && said.get(1).contains("does not move the training"), said.get(1));
        assertTrue(robot.lookup("#cluster-hint").queryAs(Label.class).getText().startsWith(
                "Click a CS system to open a replay of its wafer"));
        assertFalse(Files.exists(opened.get(0)), "the first system's folder is gone");
        try (Stream<Path> left = Files.list(window.replayFolder())) {
            assertEquals(List.of(cs2), left.toList());
        }
        Path replays = window.replayFolder();
        robot.interact(() -> window.stage().hide());
        assertFalse(Files.exists(replays), "closing the window deletes its wafers' folders");
    }

    @Test
    void dressesAsTheMainWindowDoesAndFollowsItsTheme(FxRobot robot) throws Exception {
        javafx.scene.Scene owner = new javafx.scene.Scene(new javafx.scene.layout.Pane());
        robot.interact(() -> {
            owner.getStylesheets().setAll(org.waferscope.assets.Stylesheet.BASE.url(),
                    org.waferscope.app.prefs.Theme.DARK.sheet.url());
            owner.getRoot().getStyleClass().add("theme-dark");
            window.followLooks(owner);
        });
        assertTrue(brightness(robot, "/tmp/polish-cluster-dark.png") < 0.35, "the toolbar is dark, as the main window's");
        // the diagram and the timeline are canvases: they take the theme's colours too (they were painted white)
        assertTrue(canvasBrightness(robot, "#cluster-diagram") < 0.35, "the diagram is dark");
        assertTrue(canvasBrightness(robot, "#cluster-gantt") < 0.35, "the timeline is dark");
        robot.interact(() -> {
            owner.getStylesheets().setAll(org.waferscope.assets.Stylesheet.BASE.url(),
                    org.waferscope.app.prefs.Theme.LIGHT.sheet.url());
            owner.getRoot().getStyleClass().setAll("theme-light");
        });
        assertTrue(window.stage().getScene().getRoot().getStyleClass().contains("theme-light"));
        assertFalse(window.stage().getScene().getRoot().getStyleClass().contains("theme-dark"));
        assertTrue(brightness(robot, "/tmp/polish-cluster-light.png") > 0.6, "a theme toggled there is followed");
        assertTrue(canvasBrightness(robot, "#cluster-diagram") > 0.6, "the diagram follows the toggle");
        assertTrue(canvasBrightness(robot, "#cluster-gantt") > 0.6, "the timeline follows the toggle");
    }

    /** The brightness of the window's toolbar strip beside its last button; the whole window goes to {@code png}. */
    private double brightness(FxRobot robot, String png) {
        double[] out = new double[1];
        robot.interact(() -> {
            window.view().paintIfDirty();
            javafx.scene.image.WritableImage img = window.stage().getScene().snapshot(null);
            try {
                PngWriter.write(img, Path.of(png));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Bounds b = robot.lookup("#cluster-step").query().localToScene(
                    robot.lookup("#cluster-step").query().getBoundsInLocal());
            out[0] = img.getPixelReader().getColor((int) b.getMinX() - 3, (int) b.getCenterY()).getBrightness();
        });
        return out[0];
    }

    /** The brightness of a canvas pane's bottom-right corner, where nothing but its background is drawn. */
    private double canvasBrightness(FxRobot robot, String id) {
        double[] out = new double[1];
        robot.interact(() -> {
            window.stage().getScene().getRoot().applyCss();   // the theme's colours reach the canvases' properties
            window.view().paintIfDirty();
            javafx.scene.Node pane = robot.lookup(id).query();
            Image img = pane.snapshot(null, null);
            out[0] = img.getPixelReader().getColor((int) img.getWidth() - 3, (int) img.getHeight() - 3).getBrightness();
        });
        return out[0];
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#cluster-status").queryAs(Label.class).getText();
    }

    private void clickSystem(FxRobot robot, int i) {
        double[] box = window.view().diagram().systemBox(i);
        Bounds b = window.view().diagram().localToScreen(window.view().diagram().getBoundsInLocal());
        robot.clickOn(b.getMinX() + box[0] + box[2] / 2, b.getMinY() + box[1] + box[3] / 2);
    }

    /** The diagram as drawn now. */
    private Image thumbnails(FxRobot robot) {
        Image[] out = new Image[1];
        robot.interact(() -> {
            window.view().paintIfDirty();
            out[0] = window.view().diagram().snapshot(null, null);
        });
        return out[0];
    }

    /** True when some pixel inside a system's box differs. */
    private boolean differ(Image a, Image b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int s = 0; s < 2; s++) {
            double[] box = window.view().diagram().systemBox(s);
            for (int y = (int) box[1] + 22; y < box[1] + box[3] - 2; y++) {
                for (int x = (int) box[0] + 6; x < box[0] + box[2] - 6; x++) {
                    if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void opensWithinTheScreen(FxRobot robot) throws Exception {
        ClusterProgram full = ClusterProgram.load(new ClasspathSource(getClass().getClassLoader(),
                "org/waferscope/samples/cluster-digits"));
        ClusterProgram p = full.with(full.spec().withSystems(2).withBatch(16).withSteps(3));
        Stage[] other = new Stage[1];
        robot.interact(() -> {
            other[0] = new Stage();
            new ClusterWindow(other[0], p, (dir, what) -> { }, Runnable::run, Runnable::run);
            other[0].show();
        });
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        try {
            // before: a fixed 1400x820, cut on a 1280x800 screen (the headless one is that size)
            assertTrue(other[0].getWidth() <= screen.getWidth() && other[0].getHeight() <= screen.getHeight(),
                    other[0].getWidth() + "x" + other[0].getHeight() + " on " + screen);
            robot.interact(() -> {
                try {
                    org.waferscope.app.export.PngWriter.write(other[0].getScene().snapshot(null),
                            java.nio.file.Path.of("target", "screenshots", "cluster-window-within-screen.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } finally {
            robot.interact(() -> other[0].close());
        }
    }
}
