package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fixtures.NeighbourExchange;

/** Snapshot and restore: exact, and runs continue identically (the basis of stepping back). */
class SnapshotTest {
    static final FabricLayout LAYOUT = NeighbourExchange.layout(32, 20, new NeighbourExchange.Options(0, true, true));

    @Test
    void restoringGivesBackTheSameStateAndTheSameFuture() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, LAYOUT, 2)) {
            w.port().launch("start");
            w.stepFabric(157);
            long atSnapshot = w.stateHash();
            long consoleAtSnapshot = w.console().size();
            Wafer.Snapshot s = w.snapshot();
            assertEquals(157, s.cycle());
            assertTrue(s.bytes() > 0);
            w.stepFabric(300);
            long after = w.stateHash();
            List<ConsoleLine> future = w.console().since(consoleAtSnapshot, 10_000);
            assertTrue(!future.isEmpty(), "the continuation printed something to compare");
            assertNotEquals(atSnapshot, after);

            w.restore(s);
            assertEquals(157, w.cycle());
            assertEquals(atSnapshot, w.stateHash(), "restore is exact");
            assertEquals(consoleAtSnapshot, w.console().size(), "and forgets the console lines of the undone cycles");
            w.stepFabric(300);
            assertEquals(after, w.stateHash(), "the run continues identically");
            assertEquals(future, w.console().since(consoleAtSnapshot, 10_000));

            w.restore(s);
            assertEquals(atSnapshot, w.stateHash(), "a snapshot is not changed by running on after restoring it");
        }
    }

    @Test
    void aSnapshotRestoresIntoAnotherWaferOfTheSameLayoutWithOtherThreads() {
        try (Wafer a = Wafer.of(ArchProfile.WSE2, LAYOUT, 1); Wafer b = Wafer.of(ArchProfile.WSE2, LAYOUT, 3)) {
            a.port().launch("start");
            a.stepFabric(211);
            b.restore(a.snapshot());
            assertEquals(a.stateHash(), b.stateHash());
            a.stepFabric(250);
            b.stepFabric(250);
            assertEquals(a.stateHash(), b.stateHash());
        }
    }

    @Test
    void aSnapshotTakenMidStreamRestoresTheHostToo() {
        try (Wafer w = Wafer.load(HostPortTest.streaming(), 2)) {
            w.advance(9, false, false);
            assertEquals(WaferStatus.RUNNING, w.status());
            Wafer.Snapshot s = w.snapshot();
            RunResult first = w.runToCompletion(10_000);
            assertEquals(WaferStatus.HALTED, first.status(), first.report().toString());
            w.restore(s);
            assertEquals(WaferStatus.RUNNING, w.status());
            assertTrue(w.checks().isEmpty(), "the check had not happened yet at the snapshot");
            RunResult again = w.runToCompletion(10_000);
            assertEquals(first.cycles(), again.cycles());
            assertEquals(first.stateHash(), again.stateHash());
            assertEquals(first.checks(), again.checks());
        }
    }
}
