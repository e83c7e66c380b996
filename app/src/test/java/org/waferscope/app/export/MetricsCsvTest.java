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
}
