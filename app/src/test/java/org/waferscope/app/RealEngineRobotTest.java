package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.samples.Sample;
import org.waferscope.app.samples.SampleCatalog;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.app.window.MainWindow;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.heatmap.Viewport;

/**
 * The explorer on the real simulator and CSL front end, driven by a robot, headless. The
 * simulator is not started: each pulse first runs one turn of its loop by hand
 * ({@code tick}) on the FX thread, so every step is deterministic and nothing sleeps.
 */
@ExtendWith(ApplicationExtension.class)
class RealEngineRobotTest {
    private RealExplorer explorer;
    private SimulationSession session;
    private MainWindow window;
    private SampleCatalog samples;
    private Stage stage;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        explorer = new RealExplorer(stage);
        session = explorer.session;
        window = explorer.window;
        samples = explorer.samples;
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    private void pulse(FxRobot robot) {
        explorer.pulse(robot);
    }

    private void loadSample(FxRobot robot) {
        Sample gemv = samples.byName("gemv-checkerboard").orElseThrow();
        robot.interact(() -> window.openSample(gemv));
        pulse(robot);
        assertEquals(SimState.LOADED, session.frameProperty().get().state());
    }

    /**
     * Types a key and waits until the window has taken it in: Monocle delivers keys on its own
     * thread, so a pulse right after {@code type} could turn the simulator before the key's
     * command was posted (Space then still read PAUSED). The run controls say what they posted.
     */
    private void key(FxRobot robot, String pending, Runnable typing) {
        java.util.concurrent.Callable<String> said = () -> org.testfx.util.WaitForAsyncUtils
                .asyncFx(() -> session.controls().pendingProperty().get()).get();
        try {
            assertEquals("", said.call(), "the last pulse took in every command before this key");
            typing.run();
            org.testfx.util.WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                    () -> said.call().equals(pending));
        } catch (Exception e) {
            throw new AssertionError("the window never said \"" + pending + "\" after the key", e);
        }
    }

    private long cycle() {
        return session.frameProperty().get().cycle();
    }

    @Test
    void loadsASampleThenStepsRunsAndPauses(FxRobot robot) {
        loadSample(robot);
        assertEquals("GEMV on a checkerboard of PEs", robot.lookup(".fabric-title").queryAs(Label.class).getText());
        key(robot, "stepping…", () -> robot.type(KeyCode.RIGHT));
        pulse(robot);
        assertEquals(1, cycle());
        assertEquals(SimState.PAUSED, session.frameProperty().get().state());
        key(robot, "stepping…", () -> robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT));
        pulse(robot);
        assertEquals(101, cycle());
        key(robot, "starting…", () -> robot.type(KeyCode.SPACE));
        pulse(robot);
        assertEquals(SimState.RUNNING, session.frameProperty().get().state());
        assertTrue(cycle() > 101, "a running slice simulated cycles");
        key(robot, "pausing…", () -> robot.type(KeyCode.SPACE));
        pulse(robot);
        assertEquals(SimState.PAUSED, session.frameProperty().get().state());
        long paused = cycle();
        pulse(robot);
        assertEquals(paused, cycle(), "paused means no more cycles");
    }

    @Test
    void clickingAPeFillsTheInspectorFromTheEngine(FxRobot robot) {
        loadSample(robot);
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        HeatmapView heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        Viewport v = heatmap.getViewport();
        Point2D pe = heatmap.localToScreen(v.toViewX(1.5), v.toViewY(2.5));
        robot.clickOn(pe);
        pulse(robot);
        assertEquals("PE (1, 2)  ·  cycle 1", robot.lookup(".inspector-title").queryAs(Label.class).getText());
        assertEquals("pe_program.csl", session.inspector().programProperty().get());
        TableView<?> tasks = robot.lookup("#inspector-tasks").queryAs(TableView.class);
        assertTrue(tasks.getItems().size() > 0, "the task table lists the PE's tasks");
        assertTrue(session.inspector().symbols().stream().anyMatch(s -> s.name().equals("A")), "SRAM symbols shown");
        assertTrue(session.inspector().sourceTextProperty().get().contains("task"), "the PE's source is shown");
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        pulse(robot);
        pulse(robot);
        assertEquals("PE (1, 2)  ·  cycle 101", session.inspector().titleProperty().get(), "a step refreshes the inspector");
        assertTrue(session.inspector().sourceLineProperty().get() > 0 || session.inspector().snapshot().runningTask() < 0,
                "a running task has its source line");
        for (String tab : java.util.List.of("Source", "Memory", "Router")) {
            robot.clickOn(tab);
            if (tab.equals("Source")) {
                var marked = robot.lookup("#inspector-source .list-cell").queryAllAs(javafx.scene.control.ListCell.class)
                        .stream().filter(c -> c.getItem() != null && c.getPseudoClassStates().stream()
                                .anyMatch(p -> p.getPseudoClassName().equals("current")))
                        .map(c -> ((org.waferscope.views.source.SourceView.Line) c.getItem()).number()).toList();
                assertEquals(java.util.List.of(session.inspector().sourceLineProperty().get()), marked,
                        "the current line, and only it, is marked in the source view");
            }
            robot.interact(() -> {
                try {
                    org.waferscope.app.export.PngWriter.write(stage.getScene().snapshot(null),
                            Path.of("target", "screenshots", "real-inspector-" + tab.toLowerCase() + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void theParametersDialogReloadsTheProgramWithNewParams(FxRobot robot) {
        loadSample(robot);
        assertTrue(robot.lookup(".lesson-paragraph").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("Layout parameters… (Ctrl+L)")), "the lesson says where --param goes");
        assertEquals("4", session.programProperty().get().params().get("kernel_x_dim"));
        assertEquals(java.util.List.of("kernel_x_dim", "kernel_y_dim", "M", "N"),
                java.util.List.copyOf(session.programProperty().get().params().keySet()), "in the layout's order");
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        robot.doubleClickOn("#param-kernel_x_dim").write("2");
        robot.interact(() -> {
            try {
                org.waferscope.app.export.PngWriter.write(
                        robot.lookup("#param-kernel_x_dim").query().getScene().snapshot(null),
                        Path.of("target", "screenshots", "params-dialog.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        robot.clickOn("#params-reload");
        pulse(robot);
        assertEquals("2", session.programProperty().get().params().get("kernel_x_dim"));
        assertEquals(2, session.programProperty().get().layout().width(), "the layout was evaluated anew");
        assertEquals(SimState.LOADED, session.frameProperty().get().state());
        assertEquals(0, cycle());

        // a value the layout refuses: the console says why, and the program on the wafer stays
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        robot.doubleClickOn("#param-M").write("-3");
        robot.clickOn("#params-reload");
        pulse(robot);
        assertEquals("2", session.programProperty().get().params().get("kernel_x_dim"));
        assertEquals("32", session.programProperty().get().params().get("M"));
        assertTrue(session.loadErrorProperty().get().startsWith("Could not load"), session.loadErrorProperty().get());
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        assertEquals(1, cycle(), "the program still steps");

        // and back to the run.json's own values
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        robot.clickOn("#params-defaults");
        pulse(robot);
        assertEquals("4", session.programProperty().get().params().get("kernel_x_dim"));
        assertEquals(4, session.programProperty().get().layout().width());
    }

    @Test
    void aBoolParamIsACheckBoxAndReloadsAsTrueOrFalse(FxRobot robot) {
        Sample fifo = samples.byName("fifo-pipeline").orElseThrow();
        robot.interact(() -> window.openSample(fifo));
        pulse(robot);
        assertEquals("true", session.programProperty().get().params().get("use_fifo"));
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        javafx.scene.control.CheckBox box = robot.lookup("#param-use_fifo").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(box.isSelected(), "it shows the value the program holds");
        assertTrue(robot.lookup("#param-n").tryQueryAs(javafx.scene.control.TextField.class).isPresent(),
                "an int param stays a text field");
        RealExplorer.shoot(robot, box.getScene(), "params-dialog-bool");
        javafx.scene.control.Button defaults = robot.lookup("#params-defaults").queryAs(javafx.scene.control.Button.class);
        assertEquals("Reload with run.json's params", defaults.getText(), "it said \"Reload with run.json's\", and stopped");
        assertTrue(textFits(defaults), "whole, not cut: " + defaults.getWidth());
        robot.clickOn(box);
        robot.clickOn("#params-reload");
        pulse(robot);
        assertEquals("false", session.programProperty().get().params().get("use_fifo"));
        assertEquals(SimState.LOADED, session.frameProperty().get().state());
        // in the dark theme too, for a look
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        javafx.scene.control.CheckBox off = robot.lookup("#param-use_fifo").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(!off.isSelected(), "the reloaded program's false");
        RealExplorer.shoot(robot, off.getScene(), "params-dialog-bool-other-theme");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void switchingLayersChangesWhatFramesCarry(FxRobot robot) {
        loadSample(robot);
        robot.clickOn("#layer-task_state");
        pulse(robot);
        assertEquals(MetricLayer.TASK_STATE, session.frameProperty().get().layer());
        robot.type(KeyCode.DIGIT2);
        pulse(robot);
        assertEquals(MetricLayer.SRAM, session.frameProperty().get().layer());
        assertTrue(session.frameProperty().get().max() > 0);
    }

    @Test
    void aBrokenProgramShowsWhereItIsWrongAndTheSessionGoesOn(FxRobot robot) throws Exception {
        loadSample(robot);
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(broken.resolve("run.json"), "{ \"title\": \"Broken\", \"steps\": [] }");
        Files.writeString(broken.resolve("layout.csl"), "layout {\n  @set_rectangle(2, 2)\n}\n");
        robot.interact(() -> window.open(broken));
        pulse(robot);
        ListView<?> console = robot.lookup("#console-list").queryAs(ListView.class);
        assertTrue(session.console().lines().stream().anyMatch(l -> l.kind() == ConsoleLine.Kind.ERROR
                && l.text().contains("layout.csl:")), "the error names the file and line");
        assertTrue(console.getItems().size() > 0);
        assertEquals("GEMV on a checkerboard of PEs", session.programProperty().get().title());
        robot.type(KeyCode.RIGHT);
        pulse(robot);
        assertEquals(1, cycle(), "the loaded program still steps");
    }

    @Test
    void aProgramThatNamesNothingToWatchOpensOnUtilizationNotTheLastProgramsVariable(FxRobot robot) throws Exception {
        Sample heat = samples.byName("heat-diffusion").orElseThrow();
        robot.interact(() -> window.openSample(heat));
        pulse(robot);
        assertEquals(MetricLayer.VALUE, session.frameProperty().get().layer());
        // the same program in another folder, its run.json without a "watch", as an SDK example's
        Path plain = Files.createDirectories(tmp.resolve("no-watch"));
        try (var files = Files.list(heat.folder())) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                if (f.getFileName().toString().equals("run.json")) {
                    text = text.replaceAll("\"watch\"\\s*:\\s*\"[^\"]*\"\\s*,?", "");
                    assertTrue(!text.contains("\"watch\""), "the copy names nothing to watch");
                }
                Files.writeString(plain.resolve(f.getFileName().toString()), text);
            }
        }
        robot.interact(() -> window.open(plain));
        pulse(robot);
        assertEquals(plain, session.folderProperty().get());
        assertEquals(MetricLayer.UTILIZATION, session.frameProperty().get().layer());
    }

    @Test
    void theWatchFieldKeepsNoSymbolOfTheLastProgram(FxRobot robot) {
        // Game of Life's "cell" stayed in the field after cluster-digits' replay was opened
        robot.interact(() -> window.openSample(samples.byName("game-of-life").orElseThrow()));
        pulse(robot);
        robot.interact(() -> session.layers().selectedProperty().set(new org.waferscope.views.heatmap.PeLocation(1, 1)));
        pulse(robot);
        robot.clickOn("Memory");
        javafx.scene.control.TextField field = robot.lookup("#watch-query").queryAs(javafx.scene.control.TextField.class);
        assertEquals("cell", field.getText());
        robot.interact(() -> window.openSample(samples.byName("broadcast-chain").orElseThrow()));
        pulse(robot);
        assertEquals("", field.getText(), "broadcast-chain has no cell");
    }

    @Test
    void heatmapPixelsChangeAsTheProgramRuns(FxRobot robot) {
        loadSample(robot);
        HeatmapView heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        int before = colourOfPe(robot, heatmap, 3, 0);
        for (int i = 0; i < 6; i++) {
            robot.interact(() -> session.controls().stepCountProperty().set(10));
            robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
            pulse(robot);
        }
        assertEquals(60, cycle());
        int after = colourOfPe(robot, heatmap, 3, 0);
        assertNotEquals(before, after, "utilization of a working PE shows on the heatmap");
    }

    private static int colourOfPe(FxRobot robot, HeatmapView heatmap, int x, int y) {
        int[] argb = new int[1];
        robot.interact(() -> {
            Viewport v = heatmap.getViewport();
            argb[0] = heatmap.snapshot(null, null).getPixelReader()
                    .getArgb((int) v.toViewX(x + 0.2), (int) v.toViewY(y + 0.5));
        });
        return argb[0];
    }

    @Test
    void theValueLayerShowsAVariablePickedFromTheProgramsGlobals(FxRobot robot) {
        Sample heat = samples.byName("heat-diffusion").orElseThrow();
        robot.interact(() -> window.openSample(heat));
        pulse(robot);
        assertEquals(MetricLayer.VALUE, session.frameProperty().get().layer(), "the lesson's watch: the sample opens on u");
        assertEquals("u", session.frameProperty().get().value().query().text());
        assertEquals(0, session.frameProperty().get().cycle());
        assertTrue(session.frameProperty().get().min() < session.frameProperty().get().max(),
                "it opens on the layer that holds the starting temperatures (T is all 0 until the launch copies u in)");
        robot.interact(() -> session.controls().stepCountProperty().set(2000));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        pulse(robot);
        robot.clickOn("#layer-value");
        robot.clickOn("#value-symbol");
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && c.getText() != null && c.getText().startsWith("T  [")).queryAs(javafx.scene.Node.class));
        robot.clickOn("#value-reduce");
        robot.clickOn(robot.lookup(".list-cell").match((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && "max".equals(c.getText())).queryAs(javafx.scene.Node.class));
        pulse(robot);
        org.waferscope.engine.api.Frame f = session.frameProperty().get();
        assertEquals(MetricLayer.VALUE, f.layer());
        assertEquals("max(T)", f.value().query().text());
        HeatmapView heatmap = robot.lookup("#heatmap").queryAs(HeatmapView.class);
        int[] lut = session.layers().paletteProperty().get().lut();
        // zoomed in, a reduction is still one number per PE: no whole arrays, and the scale is the maxima's
        assertEquals(null, f.value().tiles(), "max(next) draws each PE's max, not its cells");
        float lo = (float) heatmap.scaleLowProperty().get();
        float hi = (float) heatmap.scaleHighProperty().get();
        assertEquals(f.min(), lo);
        assertEquals(f.max(), hi);
        assertTrue(hi > lo, "the run has spread heat unevenly");
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int idx = (int) ((f.value(x, y) - lo) * ((lut.length - 1) / (hi - lo)));
                assertEquals(lut[Math.max(0, Math.min(255, idx))], heatmap.argbAt(x, y), "PE " + x + "," + y);
            }
        }
        assertTrue(robot.lookup(".legend-title").queryAs(Label.class).getText().startsWith("max(T) · ["),
                "the legend names the variable and its type");

        // the Memory tab: a PE's T whole, a watch on another PE's element, both refreshed by a step
        robot.interact(() -> session.layers().selectedProperty().set(new org.waferscope.views.heatmap.PeLocation(3, 3)));
        pulse(robot);
        robot.clickOn("Memory");
        robot.interact(() -> session.inspector().memory().symbolProperty().set("T"));
        assertEquals(36, session.inspector().memory().elements().size(), "the whole 6x6 T (tile 4 and its halo)");
        robot.doubleClickOn("#watch-query").write("sum(T)");
        robot.clickOn("#watch-add");
        pulse(robot);
        var watch = session.inspector().memory().watches().rows().get(0);
        assertEquals("sum(T)", watch.query().text());
        assertTrue(!watch.value().isEmpty(), "a new watch gets its value at once");
        robot.interact(() -> session.controls().stepCountProperty().set(50));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT);
        pulse(robot);
        pulse(robot);
        assertEquals(session.frameProperty().get().cycle(), session.inspector().memory().watches().rows().get(0).cycle(),
                "the watch list follows the step");
        assertTrue(session.inspector().memory().elements().stream().anyMatch(org.waferscope.views.inspector.MemoryModel.ElementRow::changed),
                "the step changed some of T, and those elements are marked");
        robot.interact(() -> {
            try {
                org.waferscope.app.export.PngWriter.write(stage.getScene().snapshot(null),
                        Path.of("target", "screenshots", "value-layer-memory.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The button's text shows whole: no ellipsis in the label its skin draws. */
    private static boolean textFits(javafx.scene.control.Labeled l) {
        return l.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).allMatch(t -> t.equals(l.getText()));
    }
}
