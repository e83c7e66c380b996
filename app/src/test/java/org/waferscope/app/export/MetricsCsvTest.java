package org.waferscope.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;

class MetricsCsvTest {
    @Test
    void onePeARowWithLinksForTraffic() throws Exception {
        Frame f = new Frame(3, 42, SimState.PAUSED, 2, 1, MetricLayer.TRAFFIC, 0, new float[] {0.5f, 2},
                0, 2, new float[] {0, 1, 0.25f, 0, 0, 0, 0, 0}, FabricStats.NONE, List.of(), "");
        StringWriter w = new StringWriter();
        MetricsCsv.write(f, w);
        assertEquals("""
                # Waferscope metrics: Fabric traffic (wavelets/cycle)
                # cycle 42, fabric 2x1, state PAUSED
                x,y,value,north,south,east,west
                0,0,0.5,0,1,0.25,0
                1,0,2,0,0,0,0
                """, w.toString());
    }

    @Test
    void valueLayerNamesTheVariableAndLeavesPesWithoutItEmpty() throws Exception {
        org.waferscope.engine.api.ValueSample v = new org.waferscope.engine.api.ValueSample(
                org.waferscope.engine.api.ValueQuery.parse("sum(T)"), org.waferscope.engine.arch.ElementType.F32, 36,
                new int[] {36}, 2, null, new float[0], 0, 0, "");
        Frame f = new Frame(3, 42, SimState.PAUSED, 3, 1, MetricLayer.VALUE, 0, new float[] {1.5f, Float.NaN, -2},
                -2, 1.5f, null, FabricStats.NONE, List.of(), "", null, v);
        StringWriter w = new StringWriter();
        MetricsCsv.write(f, w);
        assertEquals("""
                # Waferscope metrics: Program value sum(T) · [36]f32; an empty value is a PE without the variable
                # cycle 42, fabric 3x1, state PAUSED
                x,y,value
                0,0,1.5
                1,0,
                2,0,-2
                """, w.toString());
    }
}
