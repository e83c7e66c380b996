package org.waferscope.samples;

import org.junit.jupiter.api.Test;

/**
 * Samples 3, 9 and 12 at 64 x 64 PEs (4,096 cores), checked against the same Java
 * references as at their default sizes.
 */
class LargeSamplesTest {

    @Test
    void gemvOn64By64Pes() throws Exception {
        GemvCheckerboardTest.runAndCompare(64, 64, 256, 256, "wse2");
    }

    @Test
    void gameOfLifeOn64By64Pes() throws Exception {
        GameOfLifeTest.runAndCompare(64, 64, 4, "wse2");
    }

    @Test
    void heatDiffusionOn64By64Pes() throws Exception {
        HeatDiffusionTest.runAndCompare(64, 64, 2, 5, "wse2");
    }
}
