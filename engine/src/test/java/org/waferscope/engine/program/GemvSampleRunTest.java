package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** The done criterion: the tutorial-style GEMV passes its check for several k x l, on one thread or two. */
class GemvSampleRunTest {
    private static RunResult run(int l, int k, int m, int n, String arch, int threads) throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder("gemv-checkerboard"),
                ProgramLoader.LoadOptions.DEFAULTS.withArch(ArchProfile.byName(arch)).withParams(Map.of(
                        "kernel_x_dim", "" + l, "kernel_y_dim", "" + k, "M", "" + m, "N", "" + n)));
        try (Wafer w = Wafer.load(p, threads)) {
            return w.runToCompletion(5_000_000);
        }
    }

    @ParameterizedTest
    @CsvSource({"4,4,32,16,wse2", "1,1,8,8,wse2", "3,2,6,9,wse2", "2,5,10,4,wse2", "5,1,4,10,wse2", "4,4,32,16,wse3",
            "3,3,9,12,wse3"})
    void passesItsCheck(int l, int k, int m, int n, String arch) throws Exception {
        RunResult r = run(l, k, m, n, arch, 1);
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertEquals(1, r.checks().size());
        assertTrue(r.allChecksPass(), () -> r.checks().get(0).describe());
    }

    @ParameterizedTest
    @CsvSource({"4,4,32,16", "3,5,15,9"})
    void sameStateHashOnOneAndTwoThreads(int l, int k, int m, int n) throws Exception {
        RunResult one = run(l, k, m, n, "wse2", 1);
        RunResult two = run(l, k, m, n, "wse2", 2);
        assertEquals(one.cycles(), two.cycles());
        assertEquals(one.stateHash(), two.stateHash());
    }
}
