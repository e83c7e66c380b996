package org.waferscope.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.app.export.PngWriter;
import org.waferscope.app.prefs.Theme;
import org.waferscope.assets.Stylesheet;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.trace.PeReplay;
import org.waferscope.engine.trace.RunComparison;
import org.waferscope.engine.trace.RunSummary;
import org.waferscope.views.heatmap.HeatmapView;
import org.waferscope.views.palette.Palette;
import org.waferscope.views.timeline.PeTimelineView;
import org.waferscope.views.timeline.TimelineView;

/**
 * The history views on real runs of fifo-pipeline, rendered headless to
 * {@code target/screenshots/} so they can be looked at: the recorded timeline, the per-PE
 * timeline, and the comparison of use_fifo=true with use_fifo=false.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryViewsTest {
    private static final Path FIFO = Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope",
            "samples", "fifo-pipeline");
    private static RunComparison comparison;
    private static List<PeTrack> tracks;
    private Stage stage;

    @BeforeAll
    static void run() throws Exception {
        WaferProgram withFifo = load("true");
        comparison = RunComparison.of(RunSummary.run(withFifo, -1, 1_000_000, 1),
                RunSummary.run(load("false"), -1, 1_000_000, 1));
        try (Wafer w = Wafer.load(withFifo, 1)) {
            tracks = PeReplay.record(w, new int[] {0, 1, 2}, 1_000_000);
        }
    }

    private static WaferProgram load(String useFifo) throws Exception {
        return ProgramLoader.load(FIFO, ProgramLoader.LoadOptions.DEFAULTS.withParams(Map.of("use_fifo", useFifo)));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void showIn(Parent root, double w, double h) {
        Scene scene = new Scene(root, w, h);
        scene.getStylesheets().setAll(Stylesheet.BASE.url(), Theme.DARK.sheet.url());
        root.getStyleClass().add("theme-dark");
        stage.setScene(scene);
        stage.show();
    }

    private static WritableImage shoot(Node node, String name) throws Exception {
        // the scene, so the theme's background is in the picture
        WritableImage img = node.getScene().snapshot(null);
        Path file = Path.of("target", "screenshots", name);
        PngWriter.write(img, file);
        assertTrue(Files.size(file) > 2_000, name + " has content");
        return img;
    }

    private static WritableImage shootOn(FxRobot robot, Node node, String name) {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> {
            try {
                img[0] = shoot(node, name);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return img[0];
    }

    /** Distinct colours in a horizontal line of the image: a drawn series or row has several. */
    private static long coloursAlong(WritableImage img, int y) {
        return java.util.stream.IntStream.range(0, (int) img.getWidth())
                .map(x -> img.getPixelReader().getArgb(x, y)).distinct().count();
    }

    @Test
    void theRecordedTimelineDrawsTheWholeRun(FxRobot robot) throws Exception {
        TimelineView view = new TimelineView();
        robot.interact(() -> {
            showIn(new StackPane(view), 900, 200);
            view.setPoints(comparison.a().timeline());
            view.overlayProperty().set(comparison.b().timeline());
        });
        robot.interact(view::paintIfDirty);
        WritableImage[] img = {shootOn(robot, view, "history-timeline.png")};
        assertEquals(comparison.a().cycles(), comparison.a().timeline().get(comparison.a().timeline().size() - 1).cycle());
        assertTrue(coloursAlong(img[0], 120) > 3, "series cross the plot");
    }

    @Test
    void thePeTimelineShowsEachPesTasksAndStalls(FxRobot robot) throws Exception {
        PeTimelineView view = new PeTimelineView();
        robot.interact(() -> {
            showIn(new StackPane(view), 1000, 130);
            view.tracksProperty().set(tracks);
            view.highlightProperty().set(1);
            view.noteProperty().set("fifo-pipeline, row 0");
        });
        robot.interact(view::paintIfDirty);
        WritableImage[] img = {shootOn(robot, view, "history-pe-timeline.png")};
        assertTrue(tracks.get(1).stalls().size() > 0, "the worker stalls somewhere");
        for (int row = 0; row < 3; row++) {
            int y = 22 + row * 26 + 13;
            assertTrue(coloursAlong(img[0], y) > 2, "row " + row + " has slices");
        }
        // the header's first letter stands clear of the left edge, not cut by it
        javafx.scene.image.PixelReader px = img[0].getPixelReader();
        for (int y = 0; y < 22; y++) {
            for (int x = 0; x < 3; x++) {
                assertEquals(px.getArgb(0, 0), px.getArgb(x, y), "header ink at (" + x + ", " + y + ")");
            }
        }
    }

    /** The Compare window of fifo-pipeline with and without its FIFO, shown. */
    private CompareWindow fifoCompared(FxRobot robot) {
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> {
            showIn(new StackPane(), 200, 100);
            w[0] = new CompareWindow(stage, "fifo-pipeline use_fifo=true", "fifo-pipeline use_fifo=false",
                    comparison, Palette.VIRIDIS);
            w[0].show();
        });
        return w[0];
    }

    @Test
    void theCompareWindowShowsBothRunsAndTheirDifference(FxRobot robot) throws Exception {
        CompareWindow[] w = {fifoCompared(robot)};
        robot.interact(() -> w[0].select(MetricLayer.BACKPRESSURE));
        Scene scene = w[0].stage().getScene();
        HeatmapView diff = (HeatmapView) scene.lookup("#compare-diff");
        robot.interact(() -> {
            diff.fitToView();
            ((HeatmapView) scene.lookup("#compare-a")).fitToView();
            ((HeatmapView) scene.lookup("#compare-b")).fitToView();
        });
        robot.interact(() -> {
            for (String id : new String[] {"#compare-a", "#compare-b", "#compare-diff", "#compare-timeline"}) {
                ((org.waferscope.views.Paintable) scene.lookup(id)).paintIfDirty();
            }
        });
        shootOn(robot, scene.getRoot(), "history-compare.png");
        robot.interact(() -> {
            assertTrue(((javafx.scene.control.TextArea) scene.lookup("#compare-figures")).getText()
                    .contains("the runs differ"));
            // the worker (x = 1) stalls on its output far more without the FIFO; the producer does not change alike
            assertNotEquals(diff.argbAt(1, 0), diff.argbAt(2, 0), "the difference map shows where the runs differ");
            w[0].stage().hide();
        });
    }

    @Test
    void theCompareWindowDrawsItsMapsAsItOpens(FxRobot robot) throws Exception {
        CompareWindow[] w = new CompareWindow[1];
        robot.interact(() -> {
            showIn(new StackPane(), 200, 100);
            w[0] = new CompareWindow(stage, "A", "B", comparison, Palette.VIRIDIS);
            w[0].show();
        });
        Scene scene = w[0].stage().getScene();
        robot.interact(() -> {
            for (String id : new String[] {"#compare-a", "#compare-b", "#compare-diff"}) {
                HeatmapView h = (HeatmapView) scene.lookup(id);
                h.paintIfDirty();
                var v = h.getViewport();
                // before: the maps stayed on their empty 1x1 fabric (black) until another layer was picked
                assertTrue(v.sameFabric(h.getFrame().width(), h.getFrame().height()) && v.showsAll()
                        && v.scale() > 10, id + " shows the whole fabric: " + v);
            }
        });
        shootOn(robot, scene.getRoot(), "history-compare-opened.png");
        robot.interact(() -> javafx.event.Event.fireEvent(scene.getRoot(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", javafx.scene.input.KeyCode.ESCAPE, false, false, false,
                false)));
        assertTrue(!w[0].stage().isShowing(), "Esc closes it");
    }

    @Test
    void theCompareWindowGivesItsThreeMapsOneWidth(FxRobot robot) throws Exception {
        CompareWindow[] w = {fifoCompared(robot)};
        Scene scene = w[0].stage().getScene();
        for (double width : new double[] {1200, 900, 1500}) {
            robot.interact(() -> {
                w[0].stage().setWidth(width);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            });
            robot.interact(() -> {
                HeatmapView a = (HeatmapView) scene.lookup("#compare-a");
                // before: A's column was as wide as its legend wanted, B's (no legend) narrower; and a
                // legend on two lines (B - A's) left its map shorter than one on a single line (A's)
                for (String id : new String[] {"#compare-b", "#compare-diff"}) {
                    HeatmapView h = (HeatmapView) scene.lookup(id);
                    assertEquals(a.getWidth(), h.getWidth(), 1.0, id + " is as wide as A in a window " + width + " wide");
                    assertEquals(a.getHeight(), h.getHeight(), 1.0, id + " is as tall as A in a window " + width + " wide");
                    assertEquals(a.localToScene(0, 0).getY(), h.localToScene(0, 0).getY(), 1.0, id + " starts level with A");
                }
            });
        }
        robot.interact(() -> w[0].stage().hide());
    }

    @Test
    void theDifferenceIsOnTheSignedScaleAndNoDifferenceIsSaid(FxRobot robot) throws Exception {
        CompareWindow[] w = new CompareWindow[1];
        RunComparison same = RunComparison.of(comparison.a(), comparison.a());
        for (RunComparison c : List.of(comparison, same)) {
            robot.interact(() -> {
                showIn(new StackPane(), 200, 100);
                w[0] = new CompareWindow(stage, "A", "B", c, Palette.VIRIDIS);
                w[0].show();
                w[0].select(MetricLayer.BACKPRESSURE);
            });
            Scene scene = w[0].stage().getScene();
            HeatmapView diff = (HeatmapView) scene.lookup("#compare-diff");
            robot.interact(diff::paintIfDirty);
            float[] d = c.layers().stream().filter(l -> l.layer() == MetricLayer.BACKPRESSURE).findFirst()
                    .orElseThrow().diff();
            int width = c.a().width();
            int[] lut = org.waferscope.views.palette.DivergingPalette.lut();
            int zero = lut[(lut.length - 1) / 2];
            robot.interact(() -> {
                assertTrue(diff.divergingProperty().get(), "B - A is drawn on the blue–red scale");
                for (int i = 0; i < d.length; i++) {
                    int argb = diff.argbAt(i % width, i / width);
                    int red = (argb >> 16) & 0xFF;
                    int blue = argb & 0xFF;
                    String at = "PE " + i + " differs by " + d[i];
                    if (d[i] > 0) {
                        assertTrue(red > blue, at + ": red, " + Integer.toHexString(argb));
                    } else if (d[i] < 0) {
                        assertTrue(blue > red, at + ": blue, " + Integer.toHexString(argb));
                    } else {
                        assertEquals(zero & 0xFFFFFF, argb & 0xFFFFFF, at + ": white, the middle of the scale");
                    }
                }
                String title = scene.getRoot().lookupAll(".panel-title").stream()
                        .map(n -> ((javafx.scene.control.Label) n).getText()).filter(t -> t.startsWith("B - A"))
                        .findFirst().orElseThrow();
                var legend = scene.getRoot().lookupAll(".legend-view").stream().skip(1).findFirst().orElseThrow();
                String range = legend.lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                        .reduce("", (a, b) -> a + " " + b);
                if (c == same) {
                    assertTrue(title.endsWith("no difference"), title);
                    assertTrue(!range.contains("e-0"), "no made-up millionth range: " + range);
                } else {
                    assertTrue(!title.contains("no difference"), title);
                    assertTrue(range.contains("-"), "the scale runs below zero: " + range);
                }
            });
            shootOn(robot, scene.getRoot(), c == same ? "history-compare-same.png" : "history-compare-signed.png");
            robot.interact(() -> w[0].stage().hide());
        }
    }
}
