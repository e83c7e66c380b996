package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.heatmap.Viewport;

/**
 * The explorer driven by a robot, headless: load, step, run, pause, inspect a PE, switch
 * layers, open a broken program. The engine is a same-thread stand-in and the frame pump is
 * pulsed by hand, so nothing waits on the wall clock.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerRobotTest {
    private final FakeEngine engine = new FakeEngine();
    private Preferences node;
    private SimulationSession session;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        node = Preferences.userRoot().node("org/waferscope/test/" + UUID.randomUUID());
        session = new SimulationSession(engine.engine(), FakeEngine::open, Runnable::run, Runnable::run);
        window = new MainWindow(stage, session, new AppPreferences(node), new SampleCatalog(getClass().getClassLoader()));
        // The headless screen is 1280 × 800; a larger stage overflows its frame buffer.
        stage.setWidth(1280);
        stage.setHeight(800);
        window.show();
    }

    @AfterEach
    void forgetPreferences(FxRobot robot) throws Exception {
        // the primary stage outlives this test: later tests must not fire this window's handlers
        robot.interact(() -> {
            stage.hide();
            stage.setOnShown(null);
            stage.setOnHidden(null);
        });
        node.removeNode();
    }

    private void pulse(FxRobot robot) {
        robot.interact(() -> window.pump().pulse(System.nanoTime()));
    }

    private void load(FxRobot robot, String folder) {
        robot.interact(() -> window.open(Path.of(folder)));
        pulse(robot);
    }

    private long cycle() {
        return session.frameProperty().get().cycle();
    }

    @Test
    void loadStepRunAndPauseFromTheKeyboard(FxRobot robot) {
        load(robot, "heat");
        assertEquals(SimState.LOADED, session.frameProperty().get().state());
        assertEquals("Heat diffusion", robot.lookup(".fabric-title").queryAs(Label.class).getText());
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        assertEquals(1, cycle());
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        pulse(robot);
        assertEquals(101, cycle());
        robot.type(KeyCode.SPACE);
        pulse(robot);
        assertEquals(SimState.RUNNING, session.frameProperty().get().state());
        assertEquals("Running", robot.lookup("#status-state").queryAs(Label.class).getText());
        robot.type(KeyCode.SPACE);
        pulse(robot);
        assertEquals(SimState.PAUSED, session.frameProperty().get().state());
    }

    @Test
    void toolbarButtonsStepAndReset(FxRobot robot) {
        load(robot, "heat");
        robot.clickOn("#step");
        pulse(robot);
        assertEquals(1, cycle());
        robot.clickOn("#reset");
        pulse(robot);
        assertEquals(0, cycle());
    }

    @Test
    void clickingAPeFillsTheInspector(FxRobot robot) {
        load(robot, "heat");
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        HeatmapView heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        Viewport v = heatmap.getViewport();
        Point2D pe = heatmap.localToScreen(v.toViewX(5.5), v.toViewY(7.5));
        robot.clickOn(pe);
        pulse(robot);
        assertEquals("PE (5, 7)  ·  cycle 1", robot.lookup(".inspector-title").queryAs(Label.class).getText());
        TableView<?> tasks = robot.lookup("#inspector-tasks").queryAs(TableView.class);
        assertEquals(2, tasks.getItems().size());
        assertEquals(5, session.layers().requestProperty().get().selectedX(), "the timeline follows the PE");
        robot.clickOn("Source");
        assertEquals(5, session.inspector().sourceLineProperty().get());
        assertTrue(session.inspector().sourceTextProperty().get().contains("task step"));
        Label lineFour = robot.lookup(".source-line-number").match((Label l) -> "4".equals(l.getText())).query();
        robot.clickOn(lineFour);
        assertEquals(new org.waferscope.engine.api.Command.SetBreakpoints(
                java.util.List.of(new org.waferscope.engine.api.Breakpoint.Line("pe.csl", 4))),
                engine.posted.get(engine.posted.size() - 1), "clicking a line number sets a breakpoint");
    }

    @Test
    void switchingLayersRequestsThemFromTheEngine(FxRobot robot) {
        load(robot, "heat");
        robot.clickOn("#layer-task_state");
        pulse(robot);
        assertEquals(MetricLayer.TASK_STATE, session.frameProperty().get().layer());
        assertEquals("Task state", robot.lookup(".legend-title").queryAs(Label.class).getText());
        robot.type(KeyCode.DIGIT3);
        pulse(robot);
        assertEquals(MetricLayer.TRAFFIC, session.frameProperty().get().layer());
    }

    @Test
    void aBrokenProgramShowsItsErrorsAndTheSessionGoesOn(FxRobot robot) {
        load(robot, "heat");
        load(robot, "broken-program");
        ListView<?> console = robot.lookup("#console-list").queryAs(ListView.class);
        assertTrue(console.getItems().stream().map(Object::toString).anyMatch(s -> s.contains("unknown builtin @faddz")));
        assertTrue(session.console().lines().stream().anyMatch(l -> l.kind() == ConsoleLine.Kind.ERROR
                && l.text().contains("layout.csl:2:1")));
        assertEquals(2, session.console().lines().stream().filter(l -> l.kind() == ConsoleLine.Kind.ERROR).count(),
                "one error line per error, so the console's count says 2");
        assertEquals("Heat diffusion", session.programProperty().get().title(), "the loaded program stays");
        org.controlsfx.control.NotificationPane note = robot.lookup("#load-error")
                .queryAs(org.controlsfx.control.NotificationPane.class);
        assertTrue(note.getText().startsWith("Could not load broken-program: pe.csl:4:3"), note.getText());
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        assertEquals(1, cycle());
    }

    @Test
    void heatmapPixelsChangeAsTheProgramRuns(FxRobot robot) {
        load(robot, "heat");
        HeatmapView heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        int[] before = pixels(robot, heatmap);
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        pulse(robot);
        int[] after = pixels(robot, heatmap);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += before[i] != after[i] ? 1 : 0;
        }
        assertTrue(changed > before.length / 20, "the heatmap changed as heat spread: " + changed + " pixels");
        assertFalse(java.util.Arrays.equals(before, after));
        assertNotEquals(0, cycle());
    }

    @Test
    void themeAndScaleChangeFromTheKeyboardAndAreRemembered(FxRobot robot) {
        load(robot, "heat");
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("theme-dark"));
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        assertTrue(stage.getScene().getRoot().getStyleClass().contains("theme-light"));
        assertEquals(org.waferscope.app.prefs.Theme.LIGHT, new AppPreferences(node).theme());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        assertTrue(new AppPreferences(node).uiScale() > 1, "the UI scale grew and was saved");
        assertTrue(stage.getScene().getRoot().getStyle().contains("-fx-font-size: 13.5px"));
    }

    @Test
    void exportsTheFabricAsPngAndTheLayerAsCsv(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        load(robot, "heat");
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        robot.interact(() -> {
            window.exportPngTo(tmp.resolve("fabric.png"));
            window.exportCsvTo(tmp.resolve("metrics.csv"));
        });
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(tmp.resolve("fabric.png").toFile());
        assertTrue(img.getWidth() > 200 && img.getHeight() > 200);
        java.util.List<String> csv = java.nio.file.Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals(3 + 48 * 32, csv.size(), "two comment lines, a header and one row per PE");
        assertEquals("x,y,value", csv.get(2));
        assertTrue(session.console().lines().stream().anyMatch(l -> l.text().startsWith("Layer saved to")));
    }

    private static int[] pixels(FxRobot robot, HeatmapView heatmap) {
        int[][] out = new int[1][];
        robot.interact(() -> {
            WritableImage img = heatmap.snapshot(null, null);
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            out[0] = new int[w * h];
            img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out[0], 0, w);
        });
        return out[0];
    }
}
