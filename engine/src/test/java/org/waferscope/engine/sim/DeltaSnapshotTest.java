package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * Snapshots whose changed pieces are kept as their differences from the snapshot before
 * ({@code waferscope.snapshotDeltas}, on by default): a chain of them, with random ones let go
 * along the way, restores exactly at every kept cycle, in any order and many times over, and
 * runs on from there as the straight run did; and it holds less than copies do.
 */
class DeltaSnapshotTest {
    private static final Map<String, Map<String, String>> PARAMS = Map.of(
            "game-of-life", Map.of("width", "16", "height", "12", "gens", "6"),
            "allreduce", Map.of("width", "12", "height", "9", "n", "4"),
            "heat-diffusion", Map.of("width", "10", "height", "8", "tile", "2", "steps", "3"));

    @ParameterizedTest
    @ValueSource(strings = {"game-of-life", "allreduce", "heat-diffusion"})
    void manyRestoresOfAChainWithSnapshotsLetGoGiveTheStraightRunsHashes(String sample) throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder(sample),
                ProgramLoader.LoadOptions.DEFAULTS.withParams(PARAMS.get(sample)));
        int end = 400;
        long[] straight = new long[end + 1];
        try (Wafer w = Wafer.load(p, 1)) {
            for (int c = 0; c <= end; c++) {
                straight[c] = w.stateHash();
                if (w.status() != WaferStatus.RUNNING) {
                    break;   // the program ended here: its last state is kept too
                }
                w.advance(1, false, false);
            }
        }
        long deltas = check(p, straight, true, new Random(sample.hashCode()));
        long copies = check(p, straight, false, new Random(sample.hashCode()));
        assertTrue(deltas < copies, "differences hold " + deltas + " bytes, copies " + copies);
    }

    /** Snapshots every few cycles, some let go, then 60 restores at random; the bytes the last kept ones hold. */
    private static long check(WaferProgram p, long[] straight, boolean deltas, Random r) {
        try (Wafer w = Wafer.load(p, 2)) {
            System.setProperty("waferscope.snapshotDeltas", deltas ? "on" : "off");
            List<Wafer.Snapshot> kept = new ArrayList<>();
            try {
                kept.add(w.snapshot());
            } finally {
                System.clearProperty("waferscope.snapshotDeltas");
            }
            while (w.cycle() < straight.length - 1 && w.status() == WaferStatus.RUNNING) {
                w.advance(Math.min(straight.length - 1 - w.cycle(), 1 + r.nextInt(25)), false, false);
                kept.add(w.snapshot(kept.get(kept.size() - 1)));
                if (kept.size() > 4 && r.nextInt(3) == 0) {
                    // an older one goes (not the newest, nor the fabric's base: the next snapshot is told against it)
                    Wafer.Snapshot gone = kept.remove(1 + r.nextInt(kept.size() - 3));
                    FabricSnapshot.recycle(gone.fabric());
                }
            }
            for (int i = 0; i < 60; i++) {
                Wafer.Snapshot s = kept.get(r.nextInt(kept.size()));
                w.restore(s, false);
                assertEquals(straight[(int) s.cycle()], w.stateHash(), "restored to " + s.cycle() + ", restore " + i);
                long on = Math.min(straight.length - 1, s.cycle() + 1 + r.nextInt(8));
                w.advance(on - w.cycle(), false, false);
                assertEquals(straight[(int) w.cycle()], w.stateHash(), "ran on to " + w.cycle() + ", restore " + i);
                if (r.nextInt(4) == 0 && w.cycle() > s.cycle()) {
                    // a snapshot told against the restored one (the fabric's base), restored, then let go
                    Wafer.Snapshot extra = w.snapshot(s);
                    w.restore(s, false);
                    w.restore(extra, false);
                    assertEquals(straight[(int) extra.cycle()], w.stateHash(), "a snapshot taken after a restore");
                    w.restore(s, false);
                    FabricSnapshot.recycle(extra.fabric());
                }
            }
            return FabricSnapshot.heldBytes(w.fabric());
        }
    }
}
