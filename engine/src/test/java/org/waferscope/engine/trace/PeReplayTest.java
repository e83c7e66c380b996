package org.waferscope.engine.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.PeProbe;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/** A replayed PE history adds up to the PE's own counters, and a replay from a snapshot matches one from load. */
class PeReplayTest {
    private static WaferProgram fifo() throws Exception {
        return ProgramLoader.load(CslFixture.sampleFolder("fifo-pipeline"), ProgramLoader.LoadOptions.DEFAULTS);
    }

    @Test
    void eachTrackAddsUpToItsPesCounters() throws Exception {
        try (Wafer w = Wafer.load(fifo(), 1)) {
            List<PeTrack> tracks = PeReplay.record(w, new int[] {0, 1, 2}, 100_000);
            assertEquals("halted", w.status().name().toLowerCase());
            for (PeTrack t : tracks) {
                int p = t.x();
                long[] sums = t.workTotals();
                assertEquals(w.cycle(), t.cycles());
                assertEquals(PeProbe.computeCycles(w.fabric(), p), sums[PeTrack.COMPUTE], "compute at " + p);
                assertEquals(PeProbe.fabricCycles(w.fabric(), p), sums[PeTrack.FABRIC], "fabric at " + p);
                assertEquals(PeProbe.stallInCycles(w.fabric(), p), sums[PeTrack.STALL_INPUT], "stall in at " + p);
                assertEquals(PeProbe.stallOutCycles(w.fabric(), p), sums[PeTrack.STALL_OUTPUT], "stall out at " + p);
                long out = 0;
                for (int d = 0; d < 4; d++) {
                    out += PeProbe.linkOut(w.fabric(), p, d);
                }
                assertEquals(out, t.wavelets(true), "wavelets out of " + p);
                assertEquals(PeProbe.tasksStarted(w.fabric(), p), t.taskSlices().size(), "one slice per task run at " + p);
            }
            assertTrue(tracks.get(1).wavelets(false) > 0, "the worker receives from the producer");
            assertEquals(tracks.get(0).wavelets(true), tracks.get(1).wavelets(false), "what leaves east arrives");
        }
    }

    @Test
    void aReplayFromASnapshotSeesWhatTheRunFromLoadSaw() throws Exception {
        WaferProgram p = fifo();
        PeTrack whole;
        try (Wafer w = Wafer.load(p, 1)) {
            whole = PeReplay.record(w, new int[] {1}, 400).get(0);
        }
        try (Wafer w = Wafer.load(p, 2)) {
            w.advance(250, false, false);
            Wafer.Snapshot s = w.snapshot();
            w.advance(50, false, false);
            w.restore(s);
            PeTrack tail = PeReplay.record(w, new int[] {1}, 400).get(0);
            assertEquals(250, tail.firstCycle());
            assertArrayEquals(Arrays.copyOfRange(whole.work(), 250, 400), tail.work());
            assertArrayEquals(Arrays.copyOfRange(whole.task(), 250, 400), tail.task());
            assertArrayEquals(Arrays.copyOfRange(whole.linkIn(), 250, 400), tail.linkIn());
        }
    }
}
