package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * The CE's values share one record per PE ({@link CoreRecords}): each must keep its own bits
 * whatever its neighbours in the record hold (negative values, wrapped counters), and a PE's
 * record must not reach another PE's.
 */
class CoreRecordsTest {
    @Test
    void everyValueKeepsItsOwnBitsBesideItsNeighbours() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(3, 2, NeighbourExchange.Options.FOREVER), 1)) {
            Fabric f = w.fabric();
            int p = 4;
            assertEquals(-1, f.pc(p), "no task runs at load");
            assertEquals(-1, f.task(p));
            assertEquals(63, f.lastPicked(p), "the picker goes on from id 63, so starts with the lowest");
            f.setPc(p, -1);
            f.setFp(p, 0x7FFF_FFF0);
            f.setBusy(p, 12345);
            f.setOpDone(p, -7);
            f.setTask(p, (byte) -1);
            f.setLastPicked(p, (byte) 62);
            f.setActivity(p, Activity.STALL_OUTPUT);
            for (int k = 0; k < 3; k++) {
                f.countSent(p);
                f.countTaskRun(p);
            }
            f.countReceived(p);
            f.addCycles(p, CoreRecords.COMPUTE, 1L << 40);
            f.addCycles(p, CoreRecords.STALL_IN, 5);
            f.markFaulted(p);
            assertEquals(-1, f.pc(p));
            assertEquals(0x7FFF_FFF0, f.fp(p));
            assertEquals(12345, f.busy(p));
            assertEquals(-7, f.opDone(p));
            assertEquals(-1, f.task(p));
            assertEquals(62, f.lastPicked(p));
            assertEquals(Activity.STALL_OUTPUT, f.activity(p));
            assertEquals(3, f.cntSent(p));
            assertEquals(3, f.tasksRun(p));
            assertEquals(1, f.cntReceived(p));
            assertEquals(1L << 40, f.cntCompute(p));
            assertEquals(5, f.cntStallIn(p));
            assertEquals(0, f.cntFabric(p));
            assertEquals(0, f.cntStallOut(p));
            assertTrue(f.faulted(p));
            f.setPc(p, 17);
            f.setTask(p, (byte) 5);
            assertEquals(0x7FFF_FFF0, f.fp(p), "a new pc leaves the frame pointer");
            assertEquals(Activity.STALL_OUTPUT, f.activity(p), "a new task id leaves the activity");
            assertEquals(3, f.cntSent(p));
            for (int q : new int[] {p - 1, p + 1}) {
                assertEquals(-1, f.pc(q), "PE " + q + " is untouched");
                assertEquals(0, f.cntSent(q));
                assertEquals(0, f.cntCompute(q));
                assertFalse(f.faulted(q));
            }
        }
    }

    @Test
    void aRecordChangedByHandChangesTheStateHash() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(3, 2, NeighbourExchange.Options.FOREVER), 1)) {
            long before = w.stateHash();
            w.fabric().countReceived(5);
            assertNotEquals(before, w.stateHash(), "the hash covers the record's values");
        }
    }
}
