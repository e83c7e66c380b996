package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScalingPlotTest {
    @Test
    void theYAxisTicksAreRoundNumbers() {
        // a review's plot read 2,292,097; 4,584,194 ... (a fifth of the top of 11,460,485)
        assertArrayEquals(new double[] {0, 2e6, 4e6, 6e6, 8e6, 10e6, 12e6}, ScalingPlot.ticks(11_460_485));
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100, 120}, ScalingPlot.ticks(100));
        for (double max : new double[] {0.7, 3, 47, 999, 123_456, 5e9}) {
            double[] t = ScalingPlot.ticks(max);
            assertTrue(t.length >= 4 && t.length <= 8 && t[t.length - 1] >= max, max + ": " + t.length);
            double step = t[1] / Math.pow(10, Math.floor(Math.log10(t[1])));
            assertTrue(Math.abs(step - 1) < 1e-9 || Math.abs(step - 2) < 1e-9 || Math.abs(step - 5) < 1e-9,
                    max + ": step " + t[1]);
        }
    }
}
