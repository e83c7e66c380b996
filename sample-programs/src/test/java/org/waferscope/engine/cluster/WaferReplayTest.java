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
    void aReplayAfterAStepIsOfThatStepNotTheNext(@TempDir Path dir) throws Exception {
        // the eighth review: clicked after step 1, the replay opened "step 2", a step not yet begun
        ClusterProgram p = ClusterProgram.load(ClusterKernelTest.FOLDER);
        p = p.with(p.spec().withSystems(2).withBatch(16));
        try (ClusterTraining t = new ClusterTraining(p, 1)) {
            Path before = java.nio.file.Files.createDirectory(dir.resolve("before"));
            assertEquals(1, WaferReplay.write(t, 1, before), "before any step: the first, about to begin");
            t.step();
            Path after = java.nio.file.Files.createDirectory(dir.resolve("after"));
            assertEquals(1, WaferReplay.write(t, 1, after), "after step 1: step 1, the one just watched");
            for (String f : new String[] {"act.csv", "weights.csv", "expected.csv", "run.json"}) {
                assertEquals(java.nio.file.Files.readString(before.resolve(f)), java.nio.file.Files.readString(after.resolve(f)),
                        f + ": step 1's samples and the weights it streamed, not the updated ones");
            }
            t.advancePhase();
            Path under = java.nio.file.Files.createDirectory(dir.resolve("under"));
            assertEquals(2, WaferReplay.write(t, 1, under), "step 2 under way: step 2");
            assertTrue(java.nio.file.Files.readString(under.resolve("run.json")).contains("layer 1 forward of step 2"));
            assertFalse(java.nio.file.Files.readString(under.resolve("weights.csv"))
                    .equals(java.nio.file.Files.readString(after.resolve("weights.csv"))), "step 2 streams the updated weights");
        }
    }

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
