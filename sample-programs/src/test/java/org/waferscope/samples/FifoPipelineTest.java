package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.sim.RunResult;

/**
 * Sample 8: the consumer gets 2x in order with or without the FIFO; the FIFO frees the
 * producer much earlier, and the run as a whole still goes at the consumer's pace.
 */
class FifoPipelineTest {

    static RunResult run(int n, int depth, boolean fifo, String arch) throws Exception {
        RunResult r = Samples.run("fifo-pipeline", Map.of("n", "" + n, "depth", "" + depth, "use_fifo", "" + fifo), arch, 1);
        Samples.assertHalted(r);
        float[] x = Samples.floats(r, "x");
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = x[i] * 2.0f;
        }
        Samples.assertClose(expected, Samples.floats(r, "y"), 0, "y");
        return r;
    }

    @ParameterizedTest
    @CsvSource({"48,64,wse2", "48,64,wse3", "1,1,wse2", "200,16,wse2", "200,174,wse2"})
    void theFifoFreesTheProducerEarly(int n, int depth, String arch) throws Exception {
        RunResult with = run(n, depth, true, arch);
        RunResult without = run(n, depth, false, arch);
        long freedWith = Samples.ints(with, "sent_at")[0];
        long freedWithout = Samples.ints(without, "sent_at")[0];
        if (n > 40) {
            assertTrue(freedWith < freedWithout, "producer free at " + freedWith + " with the FIFO, " + freedWithout + " without");
        }
        assertTrue(Math.abs(with.cycles() - without.cycles()) < 20,
                "the consumer sets the pace: " + with.cycles() + " and " + without.cycles() + " cycles");
    }
}
