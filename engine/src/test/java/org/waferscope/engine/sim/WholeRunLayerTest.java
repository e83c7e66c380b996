package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fabric.LayerSampler;

/** A rate layer over the whole run measures from cycle 0, whatever windows were sampled before. */
class WholeRunLayerTest {

    @Test
    void wholeRunUtilizationIsBusyCyclesOverAllCycles() {
        try (Wafer w = Wafer.load(SimulatorTest.chainProgram(), 1)) {
            LayerSampler sampler = new LayerSampler(w.fabric());
            w.advance(20, false, false);
            sampler.sample(MetricLayer.UTILIZATION, 0);
            w.advance(1_000, false, false);
            long cycles = w.cycle();
            float window = sampler.sample(MetricLayer.UTILIZATION, 0).values()[3];
            float whole = sampler.sample(MetricLayer.UTILIZATION, 0, true).values()[3];
            assertEquals(100f * FabricMetrics.busyOf(w.fabric(), 3) / cycles, whole, 1e-4);
            assertNotEquals(window, whole, "the last window is not the whole run");
            assertEquals(window, sampler.sample(MetricLayer.UTILIZATION, 0).values()[3], 1e-4,
                    "and back to windows: the same window as before");
        }
    }
}
