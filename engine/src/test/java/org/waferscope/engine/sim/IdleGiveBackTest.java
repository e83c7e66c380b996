package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * When the simulator gives the heap back while paused ({@link History#idle}): once the wafer
 * has stayed at one cycle for {@link History#QUIET_NANOS}, the step back prepared meanwhile
 * counted in, so that a long preparation (a re-run from the run's snapshot, which grows the
 * heap) is followed by a give-back at once. Timed by a clock the test moves, not by waiting.
 */
class IdleGiveBackTest {
    private final long[] now = {0};
    private int given;
    private final History history = new History(Long.MAX_VALUE, 2, () -> now[0], (state, kept) -> {
        given++;
        return 1;
    });

    /** A cancel that never cancels and moves the clock by {@code nanos} each time it is asked. */
    private BooleanSupplier ticking(long nanos) {
        return () -> {
            now[0] += nanos;
            return false;
        };
    }

    @Test
    void aPreparationLongerThanTheQuietIsFollowedByAGiveBackAtOnce() {
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 1)) {
            PreparedStepBackTest.toCycle240(w, history);
            history.idle(w, true, ticking(100_000_000L));   // asked between the re-run's cycles: over 3 s in all
            assertEquals(1, given, "given back after the preparation, " + now[0] / 1e9 + " s after the pause");
            history.idle(w, true, ticking(0));
            assertEquals(1, given, "not again at the next turn");
        }
    }

    @Test
    void aShortPauseGivesNothingBackUntilTheQuietIsOver() {
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 1)) {
            PreparedStepBackTest.toCycle240(w, history);
            history.idle(w, true, ticking(0));   // the preparation, in no time
            now[0] += History.QUIET_NANOS - 1;
            history.idle(w, true, ticking(0));
            assertEquals(0, given, "a user stepping cycle by cycle is not paused for a collection");
            now[0] += 1;
            history.idle(w, true, ticking(0));
            assertEquals(1, given);
        }
    }

    @Test
    void aCancelledPreparationStartsTheQuietAgain() {
        try (Wafer w = Wafer.load(SteppingBackTest.program(), 1)) {
            PreparedStepBackTest.toCycle240(w, history);
            history.idle(w, true, () -> {
                now[0] += History.QUIET_NANOS;
                return true;   // a command waits
            });
            history.idle(w, true, ticking(0));   // prepared again, in no time
            assertEquals(0, given, "the command broke the quiet");
        }
    }
}
