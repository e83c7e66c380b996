package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The counter filter's rule on its own: what passes, how the counter moves, what is refused. */
class CounterFilterTest {
    @Test
    void dataPassesWhileTheCounterIsAtMostMaxCounterAndTheCounterWrapsAfterLimit1() {
        CounterFilter f = new CounterFilter(3, 1, 2, true, false);
        assertFalse(f.passes(2));
        assertTrue(f.passes(1));
        assertTrue(f.passes(0));
        assertEquals(3, f.next(2, false));
        assertEquals(0, f.next(3, false), "wraps from limit1 to 0");
        assertEquals(2, f.next(2, true), "control wavelets are not counted unless count_control");
    }

    @Test
    void countControlAndCountDataChooseWhatMovesTheCounter() {
        CounterFilter controlOnly = new CounterFilter(1, 0, 0, false, true);
        assertEquals(0, controlOnly.next(0, false));
        assertEquals(1, controlOnly.next(0, true));
        assertEquals(0, controlOnly.next(1, true));
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CounterFilter(2, 3, 0, true, false));
        assertThrows(IllegalArgumentException.class, () -> new CounterFilter(2, 0, 3, true, false));
        assertThrows(IllegalArgumentException.class, () -> new CounterFilter(0x10000, 0, 0, true, false));
        RoutePosition p = new RoutePosition(1, 2);
        assertThrows(IllegalArgumentException.class, () -> new ColorConfig(List.of(p), 0, false, 0, 3, false, false,
                ColorConfig.NO_POP, false, new CounterFilter(2, 0, 0, true, false)), "range and counter at once");
        assertTrue(new ColorConfig(List.of(p), 0, false, -1, -1, false, false, ColorConfig.NO_POP, false,
                new CounterFilter(2, 0, 0, true, false)).hasFilter());
    }
}
