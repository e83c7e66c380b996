package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;
import org.waferscope.engine.sim.Wafer;

/**
 * A link buffer's pops are seen by its sender from the cycle after the pop, though no commit
 * publishes them ({@link ChannelRings#stamp}): a pop stamped with this cycle counts as not yet
 * seen, and no stamp outlives the 2^15 cycles after which it would be taken for a later cycle's
 * ({@link StampSweep}).
 */
class StampedPopsTest {

    /** A router input buffer fed by a link of a 4x4 exchange, before any cycle, and its owner. */
    private record Buffer(Fabric f, int owner, int ch, long facts) {
    }

    private static Buffer linkBuffer(Wafer w) {
        Fabric f = w.fabric();
        for (int p = 0; p < f.n; p++) {
            for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
                if (f.srcPort[si] != Direction.RAMP.ordinal()) {
                    int ch = f.srcChan[si];
                    return new Buffer(f, p, ch, f.chFacts[ch]);
                }
            }
        }
        throw new AssertionError("no link buffer");
    }

    private static Wafer exchange() {
        return Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(4, 4, NeighbourExchange.Options.FOREVER), 1);
    }

    private static int ctr(Buffer b) {
        return b.f().chan[(int) b.facts() + ChannelRings.CTR];
    }

    @Test
    void aPopIsSeenByTheSenderFromTheNextCycle() {
        try (Wafer w = exchange()) {
            Buffer b = linkBuffer(w);
            Fabric f = b.f();
            assertEquals(3, f.capacity(b.ch()), "WSE-2's router buffers hold 3");
            assertTrue(ChannelRings.stamps(b.facts()));
            f.setCounters(b.ch(), 3, 1, 1);   // two held: room 1
            assertEquals(1, f.roomOf(b.facts(), 100));
            f.popLink(b.owner(), b.facts(), ctr(b), 100);
            assertEquals(1, f.count(b.ch()));
            assertEquals(1, f.roomOf(b.facts(), 100), "popped this cycle: not seen in it");
            assertEquals(2, f.roomOf(b.facts(), 101));
            assertEquals(2, f.roomOf(b.facts()), "between cycles every pop is seen");
            assertEquals(2, f.seenPoppedCount(b.ch()), "the pops seen, as the state hash takes them");
        }
    }

    @Test
    void aSweepClearsAStampBeforeItCouldBeTakenForALaterCycles() {
        try (Wafer w = exchange()) {
            Buffer b = linkBuffer(w);
            Fabric f = b.f();
            f.setCounters(b.ch(), 3, 0, 0);   // full
            f.popLink(b.owner(), b.facts(), ctr(b), 100);   // two held, room 1
            // 2^15 cycles later the stamp's bits are the cycle's again: left alone, the sender
            // would count the old pop as not yet seen
            assertEquals(0, f.roomOf(b.facts(), 100 + 32768), "the stamp left alone repeats");
            java.util.Arrays.fill(f.touched, 0);
            FabricCycle cycle = new FabricCycle(f);
            StampSweep.sweep(cycle, 0, cycle.words());
            assertEquals(1, f.roomOf(b.facts(), 100 + 32768));
            assertEquals(1, f.roomOf(b.facts(), 101));
            assertEquals(1, f.seenPoppedCount(b.ch()), "the pops seen stay");
            assertEquals(1L << b.owner(), f.touched[0], "the owner is marked for the next snapshot, and only it");
        }
    }

    @Test
    void aSweepIsDueBeforeEveryCycleOrPassThatHoldsAMultipleOf16384() {
        assertFalse(StampSweep.due(0, 1), "nothing is stamped before cycle 0");
        assertFalse(StampSweep.due(0, 8));
        assertTrue(StampSweep.due(16384, 1));
        assertFalse(StampSweep.due(16383, 1));
        assertFalse(StampSweep.due(16385, 1));
        assertTrue(StampSweep.due(16377, 8));
        assertFalse(StampSweep.due(16376, 8));
        assertFalse(StampSweep.due(16385, 8));
        assertTrue(StampSweep.due(3L * 16384 - 1, 2));
    }

    /**
     * PEs that send once every 20,000 cycles: the pops of their first iteration stay stamped
     * until a stepper sweeps at cycle 16,384, cycle by cycle or in passes, on one worker or two.
     */
    @ParameterizedTest(name = "{0} worker(s), passes of {1}")
    @CsvSource({"1, 0", "2, 0", "1, 8", "2, 8"})
    void everyStepperSweepsAtTheMultiplesOf16384(int workers, int depth) {
        Fabric f = FabricBuilder.build(ArchProfile.WSE2, NeighbourExchange.layout(8, 8,
                NeighbourExchange.Options.atRate(20_000)));
        new HostPort(f).launch("start");
        try (CycleStepper s = new CycleStepper(new FabricCycle(f), workers, depth)) {
            stepTo(s, f, 16_000);
            assertTrue(stamps(f) > 0, "the first iteration's pops are still stamped");
            stepTo(s, f, 16_390);
            assertEquals(0, stamps(f), "no stamp is left from before the sweep");
        }
    }

    private static void stepTo(CycleStepper s, Fabric f, long cycle) {
        while (f.cycle() < cycle) {
            s.step(Math.min(997, cycle - f.cycle()), StepLimits.NONE);
        }
    }

    /** Link buffers whose SEEN word holds a stamp. */
    private static int stamps(Fabric f) {
        int n = 0;
        for (int si = 0; si < f.srcChan.length; si++) {
            if (f.srcPort[si] != Direction.RAMP.ordinal() && f.chan[(int) f.srcWords[2 * si] + ChannelRings.SEEN] < 0) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aBufferOfOneWaveletPublishesInTheCommit() {
        long facts3 = 100 | (long) (3 | 3 << ChannelRings.MASK_SHIFT) << 32;
        long facts1 = 100 | (long) (1) << 32;
        assertTrue(ChannelRings.stamps(facts3));
        // empty, a pop of this cycle's stamp would leave it no room: a capacity of 1 is not stamped
        assertFalse(ChannelRings.stamps(facts1));
    }
}
