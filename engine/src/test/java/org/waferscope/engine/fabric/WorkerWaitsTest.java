package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;

/**
 * A stepper's account of its workers ({@link WorkerWaits}): the PE-cycles each computed add
 * up to those one worker computes over the same steps, in passes or cycle by cycle, and each
 * worker's waits are its own.
 */
class WorkerWaitsTest {
    @Test
    void eachWorkersWaitsAreKeptApartByKind() {
        WorkerWaits w = new WorkerWaits(2);
        w.timeWaits();
        long since = w.wallNow();
        long cpuSince = w.cpuNow();
        w.add(1, WorkerWaits.SPLIT, since, cpuSince);
        w.add(1, WorkerWaits.SPLIT, since, cpuSince);
        w.add(0, WorkerWaits.BARRIER, since, cpuSince);
        w.addVisited(0, 5);
        w.addVisited(1, 7);
        assertEquals(2, w.count(1, WorkerWaits.SPLIT));
        assertEquals(0, w.count(0, WorkerWaits.SPLIT));
        assertEquals(1, w.count(0, WorkerWaits.BARRIER));
        assertEquals(0, w.count(1, WorkerWaits.BARRIER));
        assertTrue(w.nanos(1, WorkerWaits.SPLIT) >= 0 && w.cpu(1, WorkerWaits.SPLIT) >= 0);
        assertEquals(5, w.visited(0));
        assertEquals(7, w.visited(1));
    }

    /** Depth 8: passes on two workers (the fabric is tall enough to split); 0: cycle by cycle. */
    @ParameterizedTest(name = "passes of {0}")
    @ValueSource(ints = {0, 8})
    void theWorkersSharesAddUpToOneWorkersWork(int depth) {
        FabricLayout layout = NeighbourExchange.layout(70, 40, NeighbourExchange.Options.FOREVER);
        Fabric alone = FabricBuilder.build(ArchProfile.WSE2, layout);
        Fabric shared = FabricBuilder.build(ArchProfile.WSE2, layout);
        new HostPort(alone).launch("start");
        new HostPort(shared).launch("start");
        try (CycleStepper one = new CycleStepper(new FabricCycle(alone), 1, depth);
             CycleStepper two = new CycleStepper(new FabricCycle(shared), 2, depth)) {
            for (int step : new int[] {1, 30, 50, 7}) {
                one.step(step, StepLimits.NONE);
                two.step(step, StepLimits.NONE);
            }
            assertEquals(StateHash.of(alone), StateHash.of(shared));
            WorkerWaits w = two.waits();
            assertTrue(w.visited(0) > 0 && w.visited(1) > 0, "both workers computed");
            assertEquals(one.waits().visited(0), w.visited(0) + w.visited(1));
            if (depth > 0) {
                assertTrue(two.wavePassesShared() > 0, "passes ran on two workers");
                assertEquals(two.wavePasses(), w.count(0, WorkerWaits.PLAN), "a plan before every pass");
            }
        }
    }
}
