package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/** Sample 6: the receiver sums a stream it was not told the length of, and stops at the sentinel. */
class SentinelTest {
    @ParameterizedTest
    @CsvSource({"10,wse2", "10,wse3", "1,wse2", "1000,wse2"})
    void sumsEveryValueAndStopsAtTheSentinel(int n, String arch) throws Exception {
        RunResult r = Samples.run("sentinel", Map.of("n", "" + n), arch, 1);
        Samples.assertHalted(r);
        float total = 0f;
        for (float v : Samples.floats(r, "x")) {
            total = total + v;
        }
        Samples.assertClose(new float[] {total}, Samples.floats(r, "sum"), 0, "sum");
        assertArrayEquals(new long[] {n, n}, Samples.ints(r, "counts"), "values seen, values announced");
    }
}
