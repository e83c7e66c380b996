package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * A link buffer's pops are seen by its sender from the cycle after the pop, though no commit
 * publishes them ({@link ChannelRings#stamp}): a pop stamped with this cycle counts as not yet
 * seen, and no stamp outlives the 2^15 cycles after which it would be taken for a later cycle's.
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
    void aStampIsClearedByAVisitBeforeItCouldBeTakenForALaterCycles() {
        try (Wafer w = exchange()) {
            Buffer b = linkBuffer(w);
            Fabric f = b.f();
            f.setCounters(b.ch(), 3, 0, 0);   // full
            f.popLink(b.owner(), b.facts(), ctr(b), 100);   // two held, room 1
            // 2^15 cycles later the stamp's bits are the cycle's again: without a visit clearing
            // it, the sender would count the old pop as not yet seen
            assertEquals(0, f.roomOf(b.facts(), 100 + 32768), "the stamp left alone repeats");
            f.ageStamp(b.facts(), 100 + 16383);
            assertEquals(0, f.roomOf(b.facts(), 100 + 32768), "younger than 2^14 cycles: kept");
            f.ageStamp(b.facts(), 100 + 16384);
            assertEquals(1, f.roomOf(b.facts(), 100 + 32768));
            assertEquals(1, f.seenPoppedCount(b.ch()));
        }
    }

    @Test
    void aPushIntoTheEmptyBufferClearsItsStamp() {
        try (Wafer w = exchange()) {
            Buffer b = linkBuffer(w);
            Fabric f = b.f();
            f.setCounters(b.ch(), 1, 0, 0);
            f.popLink(b.owner(), b.facts(), ctr(b), 200);   // empty
            assertEquals(2, f.roomOf(b.facts(), 200), "the pop of this cycle is not seen");
            f.pushTo(b.owner(), b.facts(), 7, 0, 200);      // the sender's push in the commit
            // one held, room 2: had the stamp stayed, room 1 in cycle 200 + 2^15, not visited
            // while the wavelet is on its hop
            assertEquals(2, f.roomOf(b.facts(), 200 + 32768));
            assertEquals(2, f.roomOf(b.facts(), 201));
        }
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
