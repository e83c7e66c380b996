package org.waferscope.views.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.views.FakeSimulation;
import org.waferscope.views.palette.CategoricalColors;

/** The zoomed-in detail, drawn on a canvas of its own and read back pixel by pixel. */
@ExtendWith(ApplicationExtension.class)
class DetailPainterTest {
    private static final int COLOR = 2;

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void waveletDotsLeaveThePesCoordinateLabelReadable(FxRobot robot) {
        FakeSimulation sim = new FakeSimulation(40, 30);
        CoreSnapshot base = FakeSimulation.snapshot(5, 5, 1);
        // a router full of wavelets: a row of dots across the PE's top
        CoreSnapshot busy = new CoreSnapshot(5, 5, 1, base.program(), base.params(), base.runningTask(), base.position(),
                base.instruction(), base.activity(), base.tasks(), base.microthreads(), base.inputQueues(),
                base.outputQueues(), List.of(new CoreSnapshot.RouteRow(COLOR, 0, List.of("rx {WEST} tx {EAST}"), false,
                        "", 30)), base.symbols(), base.sramUsed(), base.sramTotal(), base.counters());
        double s = Viewport.MAX_SCALE;
        Viewport v = new Viewport(40, 30, 300, 300, s, 5, 5);
        int[] inLabel = new int[2];
        robot.interact(() -> {
            Canvas c = new Canvas(300, 300);
            GraphicsContext g = c.getGraphicsContext2D();
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, 300, 300);
            new DetailPainter().paint(g, v, sim.latestFrame(), List.of(busy), (x, y) -> 0xFF000000, 1);
            PixelReader px = c.snapshot(null, null).getPixelReader();
            int dot = CategoricalColors.fabricColor(COLOR);
            double cx = v.toViewX(5.5);
            double cy = v.toViewY(5.5);
            // the label "5,5": from its left edge, 14 px high above its baseline
            for (int y = (int) (cy - s * 0.30 - 11); y <= (int) (cy - s * 0.30); y++) {
                for (int x = (int) (cx - s * 0.46); x < (int) (cx - s * 0.46) + 24; x++) {
                    int p = px.getArgb(x, y);
                    inLabel[0] += near(p, dot) ? 1 : 0;
                    inLabel[1] += (p & 0xFF) > 200 && ((p >> 8) & 0xFF) > 200 && ((p >> 16) & 0xFF) > 200 ? 1 : 0;
                }
            }
        });
        assertEquals(0, inLabel[0], "no wavelet dot lies over the label");
        assertTrue(inLabel[1] > 20, "and the label's light ink is drawn: " + inLabel[1] + " pixels");
    }

    private static boolean near(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) > 24) {
                return false;
            }
        }
        return true;
    }
}
