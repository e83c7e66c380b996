package org.waferscope.views.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.FakeSimulation;
import org.waferscope.views.palette.Palette;

/** Renders the heatmap headless and reads its pixels. */
@ExtendWith(ApplicationExtension.class)
class HeatmapViewSnapshotTest {
    private final FakeSimulation sim = new FakeSimulation(40, 30);
    private HeatmapView view;
    private MinimapView minimap;

    @Start
    void start(Stage stage) {
        view = new HeatmapView();
        minimap = new MinimapView(view);
        StackPane root = new StackPane(view, minimap);
        StackPane.setAlignment(minimap, javafx.geometry.Pos.BOTTOM_RIGHT);
        stage.setScene(new Scene(root, 400, 300));
        stage.sizeToScene();   // the test stage is shared, and an earlier test may have resized it
        stage.show();
    }

    private int pixelAtPe(FxRobot robot, int x, int y) {
        int[] argb = new int[1];
        robot.interact(() -> {
            view.paintIfDirty();
            WritableImage img = view.snapshot(null, null);
            Viewport v = view.getViewport();
            argb[0] = img.getPixelReader().getArgb((int) v.toViewX(x + 0.5), (int) v.toViewY(y + 0.5));
        });
        return argb[0];
    }

    @Test
    void pixelsChangeAsTheProgramRuns(FxRobot robot) {
        robot.interact(() -> view.setFrame(sim.latestFrame()));
        int before = pixelAtPe(robot, 10, 10);
        assertEquals(view.argbAt(10, 10), before, "the screen shows the palette colour of the PE's value");
        robot.interact(() -> {
            sim.advance(3);
            view.setFrame(sim.latestFrame());
        });
        int after = pixelAtPe(robot, 10, 10);
        assertNotEquals(before, after);
        assertEquals(view.argbAt(10, 10), after);
    }

    @Test
    void aFittedFabricStaysFittedWhenTheViewIsResizedAndAZoomIsKept(FxRobot robot) {
        robot.interact(() -> view.setFrame(sim.latestFrame()));
        for (double width : new double[] {250, 600, 400}) {
            resizeTo(robot, width, 300);
            Viewport v = view.getViewport();
            assertTrue(v.showsAll(), "all of the fabric at width " + width);
            assertEquals(Viewport.fit(40, 30, v.viewWidth(), v.viewHeight()).scale(), v.scale(), 1e-9,
                    "as large as fits at width " + width);
        }
        // a user's zoom is on purpose: a resize keeps its scale and its centre
        robot.interact(() -> view.setViewport(view.getViewport().zoom(3)));
        double zoomed = view.getViewport().scale();
        resizeTo(robot, 300, 250);
        assertEquals(zoomed, view.getViewport().scale(), 1e-9);
        assertEquals(20, view.getViewport().toFabricX(view.getViewport().viewWidth() / 2), 1e-6);
    }

    /** Resizes the window, as dragging a side pane's divider resizes the fabric view, and lays it out. */
    private void resizeTo(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            javafx.stage.Window w = view.getScene().getWindow();
            w.setWidth(width + w.getWidth() - view.getScene().getWidth());
            w.setHeight(height + w.getHeight() - view.getScene().getHeight());
            view.getScene().getRoot().layout();
        });
        assertEquals(width, view.getWidth(), 1);
    }

    @Test
    void paletteChangeRecolours(FxRobot robot) {
        robot.interact(() -> view.setFrame(sim.latestFrame()));
        int viridis = pixelAtPe(robot, 3, 3);
        robot.interact(() -> view.setPalette(Palette.HIGH_CONTRAST));
        assertNotEquals(viridis, pixelAtPe(robot, 3, 3));
    }

    @Test
    void clickSelectsAndHoverDescribes(FxRobot robot) {
        robot.interact(() -> {
            view.setFrame(sim.latestFrame());
            view.paintIfDirty();
        });
        Viewport v = view.getViewport();
        Point2D onScreen = view.localToScreen(v.toViewX(7.5), v.toViewY(4.5));
        robot.moveTo(onScreen).clickOn(onScreen);
        assertEquals(new PeLocation(7, 4), view.getSelected());
        assertEquals(new PeLocation(7, 4), view.getHovered());
        Label hover = robot.lookup(".heatmap-hover").queryAs(Label.class);
        assertTrue(hover.isVisible());
        assertTrue(hover.getText().startsWith("PE (7, 4)"), hover.getText());
    }

    @Test
    void theHoverKeepsNamingTheElementUnderTheStillPointerAsFramesCome(FxRobot robot) {
        // mandelbrot running, the pointer on a pixel: each new frame left only "mean(counts) = 9.813"
        org.waferscope.engine.api.ValueQuery.Window w = new org.waferscope.engine.api.ValueQuery.Window(0, 0, 2, 1);
        robot.interact(() -> {
            view.setFrame(ValueLayerRasterTest.valueFrame(2, 1, new float[] {1.5f, 5},
                    ValueLayerRasterTest.sample(org.waferscope.engine.api.ValueQuery.of("T"), 4, w,
                            new float[] {0, 1, 2, 3, 4, 5, 6, 7})));
            view.getScene().getRoot().layout();
            view.paintIfDirty();
        });
        Viewport v = view.getViewport();
        assertTrue(v.scale() >= HeatmapSkin.TILE_SCALE, "zoomed in far enough for tiles: " + v.scale());
        // the pointer on PE (1, 0), its 2x2 tile's column 0, row 1: element 2 (as HeatmapInput reports a move;
        // a robot's pointer gets a stray exit from Monocle here)
        robot.interact(() -> ((HeatmapSkin) view.getSkin()).showHover(new PeLocation(1, 0), v.toViewX(1.25), v.toViewY(0.75)));
        Label hover = robot.lookup(".heatmap-hover").queryAs(Label.class);
        assertTrue(hover.getText().endsWith("T[2] = 6"), hover.getText());
        robot.interact(() -> {
            org.waferscope.engine.api.Frame next = ValueLayerRasterTest.valueFrame(2, 1, new float[] {1.5f, 6},
                    ValueLayerRasterTest.sample(org.waferscope.engine.api.ValueQuery.of("T"), 4, w,
                            new float[] {0, 1, 2, 3, 4, 5, 9, 7}));
            view.setFrame(new org.waferscope.engine.api.Frame(2, 1, next.state(), 2, 1, next.layer(), next.routeColor(),
                    next.values(), next.min(), next.max(), null, next.stats(), next.timeline(), "", null, next.value()));
            view.paintIfDirty();
        });
        assertTrue(hover.getText().startsWith("PE (1, 0)"), hover.getText());
        assertTrue(hover.getText().endsWith("T[2] = 9"), "the new frame's element: " + hover.getText());
    }

    @Test
    void aOneElementArraysHoverSaysItsValueOnce(FxRobot robot) {
        // the ninth review: Game of Life's board, zoomed in, read "PE (6, 6)   cell = 1 u16   cell[0] = 1"
        org.waferscope.engine.api.ValueQuery.Window w = new org.waferscope.engine.api.ValueQuery.Window(0, 0, 2, 1);
        robot.interact(() -> {
            view.setFrame(ValueLayerRasterTest.valueFrame(2, 1, new float[] {0, 1},
                    ValueLayerRasterTest.sample(org.waferscope.engine.api.ValueQuery.of("cell"), 1, w, new float[] {0, 1})));
            view.getScene().getRoot().layout();
            view.paintIfDirty();
        });
        Viewport v = view.getViewport();
        assertTrue(v.scale() >= HeatmapSkin.TILE_SCALE, "zoomed in far enough for tiles: " + v.scale());
        robot.interact(() -> ((HeatmapSkin) view.getSkin()).showHover(new PeLocation(1, 0), v.toViewX(1.5), v.toViewY(0.5)));
        Label hover = robot.lookup(".heatmap-hover").queryAs(Label.class);
        assertTrue(hover.getText().startsWith("PE (1, 0)   cell = 1 "), hover.getText());
        assertFalse(hover.getText().contains("cell[0]"), hover.getText());
    }

    @Test
    void zoomedInShowsDetailAndTheMinimap(FxRobot robot) {
        robot.interact(() -> {
            sim.post(new Command.Request(FrameRequest.DEFAULT.withLayer(MetricLayer.TRAFFIC)));
            view.setFrame(sim.latestFrame());
            view.setDetails(java.util.List.of(FakeSimulation.snapshot(5, 5, 1)));
        });
        assertFalse(minimap.neededProperty().get());
        robot.interact(() -> view.setViewport(view.getViewport().zoom(8).centerOn(5.5, 5.5)));
        assertTrue(view.getViewport().scale() >= HeatmapSkin.DETAIL_SCALE);
        assertTrue(minimap.neededProperty().get());
        int[] colours = new int[2];
        robot.interact(() -> {
            view.paintIfDirty();
            minimap.paintIfDirty();
            WritableImage img = view.snapshot(null, null);
            Viewport v = view.getViewport();
            // The centre of a PE is its colour; its east port is drawn over it.
            colours[0] = img.getPixelReader().getArgb((int) v.toViewX(5.5), (int) v.toViewY(5.5) + (int) (v.scale() * 0.25));
            colours[1] = img.getPixelReader().getArgb((int) v.toViewX(5.95), (int) v.toViewY(5.5));
        });
        assertNotEquals(colours[0], colours[1], "ports and links are drawn when zoomed in");
    }

    @Test
    void keyboardZoomsAndFits(FxRobot robot) {
        robot.interact(() -> {
            view.setFrame(sim.latestFrame());
            view.requestFocus();
        });
        double fit = view.getViewport().scale();
        robot.clickOn(view).type(javafx.scene.input.KeyCode.EQUALS);
        assertTrue(view.getViewport().scale() > fit);
        robot.type(javafx.scene.input.KeyCode.DIGIT0);
        assertEquals(fit, view.getViewport().scale(), 1e-9);
    }
}
