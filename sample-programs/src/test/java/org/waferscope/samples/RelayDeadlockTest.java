package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Sample 14: as written it ends in the engine's deadlock report, exactly when the data no
 * longer fits between sender and relay; the fixed variant runs through.
 */
class RelayDeadlockTest {

    /** Wavelets that fit between the sender's CE and the relay's CE: output queue 2, router buffer, input queue 2. */
    static int inFlightLimit(ArchProfile a) {
        return a.outputQueueDepths().get(2) + a.routerBufferDepth() + a.inputQueueDepths().get(2);
    }

    @Test
    void asWrittenItEndsInADeadlockReportThatNamesBothWaits() throws Exception {
        RunResult r = Samples.run("relay-deadlock", Map.of());
        assertEquals(WaferStatus.DEADLOCK, r.status(), () -> String.join("\n", r.report()));
        String report = String.join("\n", r.report());
        assertTrue(report.startsWith("deadlock at cycle"), report);
        assertTrue(report.contains("PE (0, 0): task") && report.contains("waits for room in a full output queue"), report);
        assertTrue(report.contains("PE (0, 0): the 6 wavelet(s) of color 0 in output queue 2 cannot leave: EAST to PE (1, 0) is full"), report);
        assertTrue(report.contains("PE (1, 0): task") && report.contains("waits for a wavelet on an empty input"), report);
        assertTrue(report.contains("RAMP to this CE's input queue 2 is full"), report);
        assertTrue(r.checks().isEmpty(), "the host never got to its check");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void deadlocksExactlyWhenTheDataNoLongerFitsInTheQueues(String arch) throws Exception {
        int limit = inFlightLimit(ArchProfile.byName(arch));
        RunResult fits = Samples.run("relay-deadlock", Map.of("n", "" + limit), arch, 1);
        Samples.assertHalted(fits);
        assertScaled(fits);
        RunResult oneMore = Samples.run("relay-deadlock", Map.of("n", "" + (limit + 1)), arch, 1);
        assertEquals(WaferStatus.DEADLOCK, oneMore.status(), "n = " + (limit + 1));
    }

    @ParameterizedTest
    @CsvSource({"24,wse2", "24,wse3", "1,wse2", "500,wse2"})
    void theFixedVariantRunsThrough(int n, String arch) throws Exception {
        RunResult r = Samples.run("relay-deadlock", Map.of("n", "" + n, "fixed", "true"), arch, 1);
        Samples.assertHalted(r);
        assertEquals(1, r.checks().size());
        assertScaled(r);
    }

    private static void assertScaled(RunResult r) {
        float[] x = Samples.floats(r, "x");
        float scale = Samples.floats(r, "scale")[0];
        float[] expected = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            expected[i] = x[i] * scale;
        }
        Samples.assertClose(expected, Samples.floats(r, "y"), 0, "y");
    }
}
