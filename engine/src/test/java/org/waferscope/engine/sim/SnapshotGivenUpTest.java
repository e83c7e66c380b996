package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fixtures.NeighbourExchange;

/**
 * A step-back snapshot that a Pause gives up. At full wafer the snapshot after the launch
 * reads every PE and took 4 to 15 s on a loaded machine, and a Pause posted meanwhile
 * waited for all of it (the "first Pause after a load"). Now the simulator asks the
 * snapshot to give up while a Pause waits: it stops at its next question, leaves the slabs
 * and the fabric as if it had never begun, and is taken again when the run goes on.
 */
class SnapshotGivenUpTest {
    /** 32×24 PEs all exchanging with their neighbours, every PE busy. */
    private static final FabricLayout LAYOUT = NeighbourExchange.layout(32, 24, 0, 0, 32, 24,
            new NeighbourExchange.Options(0, true, false), NeighbourExchange.idle());

    /** Counts the questions; says "give up" from the {@code at}-th on (never when {@code at} is 0). */
    private static final class GiveUpAt implements BooleanSupplier {
        private final int at;
        private int asked;

        GiveUpAt(int at) {
            this.at = at;
        }

        @Override
        public boolean getAsBoolean() {
            return ++asked == at || at > 0 && asked > at;
        }
    }

    private static Wafer launched() {
        Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 2);
        w.port().launch("start");
        return w;
    }

    @Test
    void aSnapshotGivenUpAtAnyQuestionLeavesNoTraceAndTheOneTakenAfterRestoresExactly() {
        try (Wafer w = launched(); Wafer twin = launched()) {
            Wafer.Snapshot first = w.snapshot();
            Wafer.Snapshot twinFirst = twin.snapshot();
            w.stepFabric(40);
            twin.stepFabric(40);
            GiveUpAt never = new GiveUpAt(0);
            Wafer.Snapshot twinSecond = twin.snapshot(twinFirst, never);
            assertNotNull(twinSecond);
            assertTrue(never.asked > 30, "asked between arrays and within them: " + never.asked);

            // given up at its first question, then its second, ...: each time it begins afresh
            // (no more questions than the twin asked: fewer when the table of which PE owns which
            // piece, built once, was built by an attempt given up; the same when it was whole before)
            long held = FabricSnapshot.heldBytes(w.fabric());
            Wafer.Snapshot second;
            int at = 1;
            for (; (second = w.snapshot(first, new GiveUpAt(at))) == null; at++) {
                assertEquals(held, FabricSnapshot.heldBytes(w.fabric()), "the slots filled are free again, question " + at);
            }
            assertTrue(at > 30 && at <= never.asked + 1, "kept once it asks fewer than " + at + " questions");
            assertEquals(FabricSnapshot.heldBytes(twin.fabric()), FabricSnapshot.heldBytes(w.fabric()),
                    "the same pieces as a snapshot never given up");
            assertEquals(twinSecond.fabric().memoriesRead(), second.fabric().memoriesRead(),
                    "it still reads only what was visited since the first");

            long atSecond = w.stateHash();
            w.stepFabric(60);
            long later = w.stateHash();
            w.restore(first);
            w.restore(second);
            assertEquals(atSecond, w.stateHash());
            w.stepFabric(60);
            assertEquals(later, w.stateHash(), "the run from it goes on as the run did");
        }
    }

    @Test
    void aPauseWaitingGivesUpTheSnapshotDueAndTheRunAfterItTakesIt() {
        try (Wafer w = launched()) {
            TimeTravel travel = new TimeTravel(Long.MAX_VALUE, 10);
            travel.maybeRecord(w, () -> true);
            assertEquals(1, travel.count(), "the first snapshot, at the load, is never given up");
            w.stepFabric(30);
            travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
            travel.maybeRecord(w, () -> true);
            assertEquals(1, travel.count(), "a Pause waits: the snapshot due is given up");
            assertEquals(1, travel.taken());
            travel.maybeRecord(w, () -> false);
            assertEquals(2, travel.count(), "the run goes on: it is still due, and taken");
            assertEquals(30, travel.before(30).cycle());
        }
    }
}
