package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A hit log keeps what a step back needs, and no more than the hit count's worth of entries. */
class HitLogTest {

    @Test
    void aLongRunPastTheHitCountKeepsAtMostHitCountEntries() {
        HitLog log = new HitLog(0, 6);
        for (long c = 0; c < 200_000; c++) {
            log.add(c, 1);   // a line some PE arrives at every cycle
        }
        assertTrue(log.entries() <= 6, log.entries() + " entries");
        assertEquals(6, log.total(), "the count reached");
        log.cutAfter(150_000);
        assertEquals(6, log.total(), "back to a cycle after the hit: still reached, so it does not fire again");
        log.cutAfter(3);
        assertEquals(4, log.total(), "back to before the hit: the exact count a run from 0 has there");
        log.add(4, 1);
        log.add(5, 1);
        assertEquals(6, log.total(), "and counting on reaches it at the same cycle");
    }

    @Test
    void aCycleOfManyArrivalsCrossesTheCountAndLaterOnesAreNotKept() {
        HitLog log = new HitLog(10, 6);
        log.add(10, 4);
        log.add(11, 4);
        log.add(12, 1);
        assertEquals(2, log.entries());
        assertEquals(8, log.total(), "the crossing cycle's arrivals are counted whole");
        log.cutAfter(10);
        assertEquals(4, log.total());
        assertEquals(10, log.since());
    }
}
