package org.waferscope.samples;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/** Sample 2: y = A x + b on one PE, bit for bit what a column-by-column f32 loop gives. */
class GemvOnePeTest {
    @ParameterizedTest
    @CsvSource({"4,6,wse2", "4,6,wse3", "1,1,wse2", "7,3,wse2", "64,64,wse2"})
    void matchesAColumnByColumnReference(int m, int n, String arch) throws Exception {
        RunResult r = Samples.run("gemv-one-pe", Map.of("M", "" + m, "N", "" + n), arch, 1);
        Samples.assertHalted(r);
        float[] expected = Gemv.columnByColumn(Samples.floats(r, "A"), Samples.floats(r, "x"), Samples.floats(r, "b"), m, n);
        Samples.assertClose(expected, Samples.floats(r, "y"), 0, "y");
    }
}
