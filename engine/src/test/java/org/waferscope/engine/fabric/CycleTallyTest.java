package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * A visited PE's cycle is counted from the activity {@link ComputeEngine#step} returns, by
 * tables of bits rather than branches ({@link CoreRecords#countCycle}, {@link BandState#tally}):
 * each activity must land in the counter and the tally the utilization metrics define, and
 * the CE's dispatch must read the tables its programs were decoded into.
 */
class CycleTallyTest {
    /** Per activity: the counter one cycle of it adds to ({@code -1} for none), and whether it is busy or stalled. */
    private static final int[][] EXPECTED = {
        {Activity.IDLE, -1, 0, 0},
        {Activity.COMPUTE, CoreRecords.COMPUTE, 1, 0},
        {Activity.FABRIC, CoreRecords.FABRIC, 1, 0},
        {Activity.STALL_INPUT, CoreRecords.STALL_IN, 0, 1},
        {Activity.STALL_OUTPUT, CoreRecords.STALL_OUT, 0, 1},
        {Activity.MICROTHREADS, CoreRecords.FABRIC, 1, 0},
        {Activity.FAULTED, -1, 0, 0},
    };

    @Test
    void eachActivityCountsInItsOwnCounterAndTally() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(3, 2, NeighbourExchange.Options.FOREVER), 1)) {
            Fabric f = w.fabric();
            int p = 4;
            for (int[] e : EXPECTED) {
                long[] before = counters(f, p);
                f.countCycle(p, e[0]);
                f.countCycle(p, e[0]);
                long[] after = counters(f, p);
                for (int k = CoreRecords.COMPUTE; k <= CoreRecords.STALL_OUT; k++) {
                    assertEquals(before[k - CoreRecords.COMPUTE] + (k == e[1] ? 2 : 0), after[k - CoreRecords.COMPUTE],
                            "counter " + k + " after two cycles of activity " + e[0]);
                }
                BandState band = new BandState();
                band.tally(e[0]);
                assertEquals(e[2], band.busy, "busy tally of activity " + e[0]);
                assertEquals(e[3], band.stalled, "stalled tally of activity " + e[0]);
            }
            assertEquals(-1, f.pc(p), "counting leaves the rest of the record");
            assertEquals(-1, f.pc(p + 1));
            assertEquals(0, f.cntCompute(p + 1) + f.cntFabric(p + 1) + f.cntStallIn(p + 1) + f.cntStallOut(p + 1),
                    "and the next PE's record");
        }
    }

    @Test
    void theDispatchReadsTheProgramsDecodedTables() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(4, 3, NeighbourExchange.Options.FOREVER), 1)) {
            Fabric f = w.fabric();
            assertEquals(f.tables.length, f.decodedBase.length);
            for (int i = 0; i < f.tables.length; i++) {
                ProgramTables t = f.tables[i];
                assertSame(t.decodedAt, f.decodedAt, "program " + i);
                assertSame(t.decodedPool, f.decodedPool, "program " + i);
                assertEquals(t.decodedBase, f.decodedBase[i], "program " + i);
                assertSame(t.code, f.code[i], "program " + i);
            }
        }
    }

    private static long[] counters(Fabric f, int p) {
        return new long[] {f.cntCompute(p), f.cntFabric(p), f.cntStallIn(p), f.cntStallOut(p)};
    }
}
