package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.BreakCondition;
import org.waferscope.engine.api.BreakSpec;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Breakpoint.Pe;

/** The one-line form of breakpoints reads back what it writes and says what it expected. */
class BreakSpecTest {
    @Test
    void everyKindRoundTrips() {
        for (String s : new String[] {"receiver.csl:27", "receiver.csl:27@3,0 if seen == 3 hit 2", "task", "task:4@1,0",
                "wavelet:0@4,0", "write:sum@1,0 if >= 3", "write:y if [2] == 0", "queue-full", "queue-full@2,0",
                "host-step:3", "cycle:40"}) {
            assertEquals(s, BreakSpec.format(BreakSpec.parse(s)));
        }
        assertEquals(new Breakpoint.Line("receiver.csl", 27, new Pe(3, 0), "seen == 3", 2),
                BreakSpec.parse("line:receiver.csl:27 @3,0 if seen == 3 hit 2"));
        assertEquals(new Breakpoint.AtCycle(1000), BreakSpec.parse("cycle:1,000"));
    }

    @Test
    void badTextSaysWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BreakSpec.parse("recv"));
        assertTrue(e.getMessage().startsWith("expected FILE:LINE, task[:ID]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BreakSpec.parse("a.csl:3 if sum >> 2"));
        assertTrue(e.getMessage().contains("expected a comparison"), e.getMessage());
    }

    @Test
    void conditionsCompare() {
        assertTrue(BreakCondition.parse("sum > 100", null).test(101));
        assertTrue(BreakCondition.parse("[2] == 0", "y").index() == 2);
        assertThrows(IllegalArgumentException.class, () -> BreakCondition.parse("> 3", null));
    }
}
