package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** A system opened from the cluster is an ordinary program that runs and checks itself. */
class WaferReplayTest {
    @Test
    void aSystemsWaferRunsAsAProgramAndPassesItsCheck(@TempDir Path dir) throws Exception {
        ClusterProgram p = ClusterProgram.load(ClusterKernelTest.FOLDER);
        p = p.with(p.spec().withSystems(2).withBatch(16));
        try (ClusterTraining t = new ClusterTraining(p, 1)) {
            t.step();
            WaferReplay.write(t, 1, dir);
        }
        WaferProgram program = ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS);
        assertTrue(program.title().startsWith("CS-2 of the cluster"), program.title());
        try (Wafer w = Wafer.load(program, 1)) {
            RunResult r = w.runToCompletion(10_000_000);
            assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
            assertFalse(r.checks().isEmpty());
            r.checks().forEach(c -> assertTrue(c.pass(), c.describe()));
        }
    }
}
