package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;

/**
 * Two workers whose split leans with the levels ({@link LeaningSplit}): fabrics tall enough
 * for the lean, with traffic across the split in every cycle, stepped in passes on two
 * workers against cycle by cycle on one. Every step must end alike and leave the same state,
 * and the passes must have leaned.
 */
class LeaningSplitTest {
    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("neighbour exchange 40x60, every PE busy, jittered, 12 iterations then quiet",
                        NeighbourExchange.layout(40, 60, new NeighbourExchange.Options(12, true, true)), 450),
                Arguments.of("neighbour exchange 150x60 dozing through memory vector ops",
                        NeighbourExchange.layout(150, 60, NeighbourExchange.Options.atRate(30)), 300),
                Arguments.of("jittered exchange on a 30x50 block of a sleeping 100x70 fabric, then quiet",
                        NeighbourExchange.layout(100, 70, 40, 10, 30, 50, new NeighbourExchange.Options(10, true, true),
                                NeighbourExchange.asleep()), 450));
    }

    /** Each program in passes of 8, saved as they come, and of 5, reserved up front. */
    static Stream<Arguments> programsAndDepths() {
        return WavefrontTest.eachWith(programs().map(a -> Arguments.of(a.get()[0], ArchProfile.WSE2, a.get()[1],
                a.get()[2])), new int[] {8, 2, 0}, new int[] {5, 2, 1});
    }

    @ParameterizedTest(name = "{0}, passes of {4}, {6}")
    @MethodSource("programsAndDepths")
    void leaningPassesEndEveryStepAsSingleCyclesDo(String name, ArchProfile profile, FabricLayout layout, int cycles,
                                                   int depth, int workers, String saves) {
        Fabric single = WavefrontTest.launched(profile, layout);
        Fabric waved = WavefrontTest.launched(profile, layout);
        try (CycleStepper one = new CycleStepper(new FabricCycle(single), 1, 0);
             CycleStepper passes = new CycleStepper(new FabricCycle(waved), workers, depth,
                     WavefrontTest.budget(saves))) {
            boolean stoppedEarly = WavefrontTest.stepAlike(one, single, passes, waved, cycles);
            assertEquals(name.contains("quiet"), stoppedEarly, "the programs that go quiet stop inside a step");
            if (stoppedEarly) {
                assertTrue(passes.wavePassesUndone() > 0, "a step that stopped early undid a pass");
            }
            assertTrue(passes.wavePassesLeaning() > 0, "passes leaned");
            assertTrue(passes.waits().visited(1) > 0, "worker 1 computed");
        }
    }

    /**
     * The split sits where each worker computes about half the busy words over a pass's levels:
     * above the busy half by half the lean of the pass, on a doze wheel's boundary; and leaves
     * room for two rows on worker 0's side at the deepest level.
     */
    @Test
    void theSplitLeavesHalfTheWorkToEachWorker() {
        Fabric f = WavefrontTest.launched(ArchProfile.WSE2, NeighbourExchange.layout(150, 60,
                NeighbourExchange.Options.FOREVER));
        FabricCycle cycle = new FabricCycle(f);
        LeaningSplit lean = new LeaningSplit(cycle, cycle.passUndo(), 8);
        int wheel = 1 << cycle.wheelShift();
        assertEquals(8, lean.lean, "two rows of 3 words, rounded up to wheels of 4");
        assertEquals(100, lean.split(70, 8), "70 + 28, rounded to a wheel");
        assertEquals(0, lean.split(70, 8) % wheel);
        assertEquals(64, lean.split(0, 8), "at least 7 levels' lean and two rows below");
        assertEquals(cycle.words(), new LeaningSplit(cycle, cycle.passUndo(), 20).split(70, 20),
                "no room for 19 levels' lean: the workers meet at the split instead");
    }
}
