package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/** Sample 7: receiver k ends with exactly x[k*chunk .. (k+1)*chunk), in order. */
class FiltersTest {
    @ParameterizedTest
    @CsvSource({"4,3,wse2", "4,3,wse3", "1,1,wse2", "7,5,wse2", "32,16,wse2"})
    void eachReceiverKeepsItsOwnRange(int receivers, int chunk, String arch) throws Exception {
        RunResult r = Samples.run("filters", Map.of("receivers", "" + receivers, "chunk", "" + chunk), arch, 1);
        Samples.assertHalted(r);
        long[] x = Samples.ints(r, "x");
        long[] split = Samples.ints(r, "split");
        for (int k = 0; k < receivers; k++) {
            long[] expected = java.util.Arrays.copyOfRange(x, k * chunk, (k + 1) * chunk);
            long[] got = java.util.Arrays.copyOfRange(split, k * chunk, (k + 1) * chunk);
            assertArrayEquals(expected, got, "receiver " + k);
        }
    }
}
