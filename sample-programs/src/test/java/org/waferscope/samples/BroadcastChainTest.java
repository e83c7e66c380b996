package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.sim.RunResult;

/** Sample 1: every receiver gets every value, one hop (2 cycles) after its west neighbour. */
class BroadcastChainTest {
    static final int HOP_CYCLES = 2;

    @ParameterizedTest
    @CsvSource({"4,3,wse2", "4,3,wse3", "12,8,wse2", "1,1,wse2"})
    void everyReceiverGetsEveryValueOneHopLater(int receivers, int count, String arch) throws Exception {
        RunResult r = Samples.run("broadcast-chain", Map.of("receivers", "" + receivers, "count", "" + count), arch, 1);
        Samples.assertHalted(r);

        float[] values = Samples.floats(r, "values");
        float[] received = Samples.floats(r, "received");
        long[] arrivals = Samples.ints(r, "arrivals");
        assertEquals(count, values.length);
        float[] expected = new float[receivers * count];
        for (int x = 0; x < receivers; x++) {
            System.arraycopy(values, 0, expected, x * count, count);
        }
        Samples.assertClose(expected, received, 0, "received");

        for (int k = 0; k < count; k++) {
            for (int x = 1; x < receivers; x++) {
                assertEquals(HOP_CYCLES, arrivals[x * count + k] - arrivals[(x - 1) * count + k],
                        "value " + k + " reaches receiver " + (x + 1) + " one hop after receiver " + x);
            }
            if (k > 0) {
                assertTrue(arrivals[k] > arrivals[k - 1], "values arrive in order");
            }
        }
        long prints = r.console().stream().filter(l -> l.kind() == ConsoleLine.Kind.PRINT).count();
        assertEquals((long) receivers * count, prints, "one console line per value per receiver");
    }
}
