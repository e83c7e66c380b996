package org.waferscope.views.heatmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.RouteCode;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.TaskStateCode;
import org.waferscope.engine.arch.Direction;
import org.waferscope.views.palette.CategoricalColors;
import org.waferscope.views.palette.Palette;

class HeatmapRasterTest {
    static Frame frame(MetricLayer layer, int w, int h, float[] v, float min, float max) {
        return new Frame(1, 0, SimState.PAUSED, w, h, layer, 0, v, min, max, null, FabricStats.NONE, List.of(), "");
    }

    @Test
    void continuousValuesGoThroughTheLookupTable() {
        int[] lut = Palette.VIRIDIS.lut();
        HeatmapRaster r = new HeatmapRaster();
        r.render(frame(MetricLayer.UTILIZATION, 3, 1, new float[] {0, 0.5f, 1}, 0, 1), lut);
        assertEquals(lut[0], r.pixels()[0]);
        assertEquals(lut[127], r.pixels()[1]);
        assertEquals(lut[255], r.pixels()[2]);
    }

    @Test
    void outOfRangeAndFlatFramesClamp() {
        int[] lut = Palette.CIVIDIS.lut();
        HeatmapRaster r = new HeatmapRaster();
        r.render(frame(MetricLayer.SRAM, 2, 1, new float[] {-5, 99}, 0, 10), lut);
        assertEquals(lut[0], r.pixels()[0]);
        assertEquals(lut[255], r.pixels()[1]);
        r.render(frame(MetricLayer.SRAM, 2, 1, new float[] {3, 3}, 3, 3), lut);
        assertEquals(lut[0], r.pixels()[1]);
    }

    @Test
    void fitToDataSpreadsAQuietLayerOverThePalette() {
        int[] lut = Palette.VIRIDIS.lut();
        HeatmapRaster r = new HeatmapRaster();
        Frame quiet = frame(MetricLayer.TRAFFIC, 2, 1, new float[] {0, 0.5f}, 0, 4);
        r.render(quiet, lut, false);
        assertEquals(lut[31], r.pixels()[1]);
        assertEquals(4, r.high());
        r.render(quiet, lut, true);
        assertEquals(lut[255], r.pixels()[1]);
        assertEquals(0.5f, r.high());
        r.render(frame(MetricLayer.TRAFFIC, 2, 1, new float[] {0, 0}, 0, 4), lut, true);
        assertEquals(4, r.high(), "an all-zero layer keeps the frame's range");
        r.render(frame(MetricLayer.UTILIZATION, 1, 1, new float[] {0.33f}, 0, 1), lut, true);
        assertEquals(1, r.high(), "one PE at 33 % is not spread to the top colour");
        assertEquals(lut[84], r.pixels()[0]);
    }

    @Test
    void bufferIsReusedWhileTheFabricKeepsItsSize() {
        HeatmapRaster r = new HeatmapRaster();
        int[] lut = Palette.VIRIDIS.lut();
        r.render(frame(MetricLayer.UTILIZATION, 4, 4, new float[16], 0, 1), lut);
        int[] first = r.pixels();
        r.render(frame(MetricLayer.UTILIZATION, 4, 4, new float[16], 0, 1), lut);
        assertSame(first, r.pixels());
    }

    @Test
    void categoricalLayersUseFixedColours() {
        HeatmapRaster r = new HeatmapRaster();
        int route = RouteCode.pack(Direction.WEST.bit(), Direction.RAMP.bit() | Direction.EAST.bit(), 0);
        r.render(frame(MetricLayer.TASK_STATE, 2, 1, new float[] {TaskStateCode.RUNNING.ordinal(),
            TaskStateCode.STALLED_BACKPRESSURE.ordinal()}, 0, 6), Palette.VIRIDIS.lut());
        assertEquals(CategoricalColors.taskState(TaskStateCode.RUNNING.ordinal()), r.pixels()[0]);
        assertNotEquals(r.pixels()[0], r.pixels()[1]);
        r.render(frame(MetricLayer.ROUTE, 2, 1, new float[] {route, 0}, 0, 0), Palette.VIRIDIS.lut());
        assertEquals(CategoricalColors.RouteRole.RECEIVES.argb, r.pixels()[0]);
        assertEquals(CategoricalColors.NOTHING, r.pixels()[1]);
    }

    @Test
    void valueTextDescribesEachLayer() {
        assertEquals("running a task", ValueText.describe(MetricLayer.TASK_STATE, 0, TaskStateCode.RUNNING.ordinal()));
        assertEquals("1,024 bytes", ValueText.describe(MetricLayer.SRAM, 0, 1024));
        int route = RouteCode.pack(Direction.RAMP.bit(), Direction.EAST.bit(), 1);
        assertEquals("color 3: rx {RAMP} → tx {EAST}, switch position 1", ValueText.describe(MetricLayer.ROUTE, 3, route));
    }
}
