package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;

/**
 * Words are committed as soon as the words around them have computed ({@link CommitFront}),
 * not after the whole compute phase. On a fabric whose rows are wider than a chunk of bitmap
 * words, a word's neighbours lie in other chunks (here a chunk is 2 words, and a row 3), so
 * commits wait on chunks other workers compute, and with two workers one of them visits
 * its chunks and words downwards. None of it may change a cycle's result.
 */
class CommitFrontTest {
    private static final FabricLayout WIDE = NeighbourExchange.layout(140, 48, new NeighbourExchange.Options(20, true,
            true));

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 3})
    void commitsRightBehindTheComputeChangeNothingAgainstTheReference(int threads) {
        Fabric tracked = FabricBuilder.build(ArchProfile.WSE2, WIDE);
        Fabric reference = FabricBuilder.build(ArchProfile.WSE2, WIDE);
        new HostPort(tracked).launch("start");
        new HostPort(reference).launch("start");
        ReferenceStepper ref = new ReferenceStepper(reference);
        FabricCycle cycle = new FabricCycle(tracked);
        assertTrue(cycle.chunks() > 8 && cycle.chunks() == (cycle.words() + 1) / 2 && tracked.width > 2 * 64,
                "many chunks of two words, each row over two words");
        try (CycleStepper stepper = new CycleStepper(cycle, threads)) {
            assertEquals(threads, stepper.workers());
            int done = 0;
            for (int step : new int[] {1, 1, 2, 5, 13, 40, 3, 35}) {
                stepper.step(step, StepLimits.NONE);
                for (int k = 0; k < step; k++) {
                    ref.step();
                }
                done += step;
                if (StateHash.of(tracked) != StateHash.of(reference)) {
                    fail("tracked and reference engines differ after cycle " + done + ": "
                            + ReferenceStepper.firstDifference(tracked, reference));
                }
            }
        }
    }
}
