package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;

/**
 * Pieces prepared on a second thread ({@link PrepareAhead}) make the very snapshots that the
 * simulation thread alone makes: the same bytes kept and held, the same memories read, and
 * each restores the state it was taken of. Batches are a few pieces here, so that every
 * array is many batches and the two threads take turns within the ring.
 */
class PrepareAheadTest {
    private static final FabricLayout LAYOUT = NeighbourExchange.layout(40, 30, new NeighbourExchange.Options(20, true,
            true));

    /** One fabric, stepped and snapshotted, with its snapshots and the state hash each was taken at. */
    private static final class Run {
        final Fabric f = FabricBuilder.build(ArchProfile.WSE2, LAYOUT);
        final List<FabricSnapshot> snaps = new ArrayList<>();
        final List<Long> hashes = new ArrayList<>();

        Run(Executor helper) {
            PieceSlabs.of(f, null, helper, 512);
            new HostPort(f).launch("start");
        }

        void snapshot() {
            snaps.add(FabricSnapshot.of(f, snaps.isEmpty() ? null : snaps.get(snaps.size() - 1)));
            hashes.add(StateHash.of(f));
        }
    }

    @Test
    void snapshotsPreparedOnTwoThreadsAreThoseOfOne() throws Exception {
        Executor helper = PrepareAhead.helperThread();
        Run two = new Run(helper);
        Run one = new Run(null);
        try (CycleStepper a = new CycleStepper(new FabricCycle(two.f), 1);
                CycleStepper b = new CycleStepper(new FabricCycle(one.f), 1)) {
            two.snapshot();
            one.snapshot();
            for (int step : new int[] {1, 3, 7, 20, 2, 50, 5}) {
                a.step(step, StepLimits.NONE);
                b.step(step, StepLimits.NONE);
                two.snapshot();
                one.snapshot();
            }
            // back to an early one and on again: a snapshot after a restore is told against the one restored
            two.snaps.get(2).restoreInto(two.f);
            one.snaps.get(2).restoreInto(one.f);
            a.step(9, StepLimits.NONE);
            b.step(9, StepLimits.NONE);
            two.snapshot();
            one.snapshot();
        }
        for (int i = 0; i < one.snaps.size(); i++) {
            FabricSnapshot x = two.snaps.get(i);
            FabricSnapshot y = one.snaps.get(i);
            assertEquals(one.hashes.get(i), two.hashes.get(i), "snapshot " + i + ": the same state");
            assertEquals(y.bytes(), x.bytes(), "snapshot " + i + ": the same bytes kept");
            assertEquals(y.memoriesRead(), x.memoriesRead(), "snapshot " + i + ": the same memories read");
            assertEquals(y.bytesBeyond(null), x.bytesBeyond(null), "snapshot " + i);
        }
        assertEquals(FabricSnapshot.heldBytes(one.f), FabricSnapshot.heldBytes(two.f), "the same pieces held");
        assertTrue(one.snaps.get(3).memoriesRead() > 0 && FabricSnapshot.heldBytes(one.f) > 0);
        for (int i = one.snaps.size() - 1; i >= 0; i--) {
            two.snaps.get(i).restoreInto(two.f);
            assertEquals((long) one.hashes.get(i), StateHash.of(two.f), "snapshot " + i + " restores its state");
        }
    }

    @Test
    void whatTheHelperThrowsIsThrownOnTheSimulationThread() {
        SlabKind[] kinds = {new SlabKind(FabricSnapshot.CHUNK, int.class, 4, 64 << 10, null)};
        PrepareAhead ahead = new PrepareAhead(kinds, PrepareAhead.helperThread(), 512);
        List<Integer> filed = new ArrayList<>();
        RuntimeException e = assertThrows(RuntimeException.class, () -> ahead.run(50, (b, into, scratch) -> {
            if (b == 7) {
                throw new ArithmeticException("batch 7");
            }
        }, (b, prepared) -> filed.add(b)));
        // thrown as it is when this thread prepared batch 7, else as the cause
        assertEquals("batch 7", (e instanceof ArithmeticException ? e : e.getCause()).getMessage());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), filed, "filed in order up to the batch that failed");
        // and it runs again afterwards
        filed.clear();
        ahead.run(20, (b, into, scratch) -> into.clear(1, 16), (b, prepared) -> filed.add(b));
        assertEquals(20, filed.size());
    }
}
