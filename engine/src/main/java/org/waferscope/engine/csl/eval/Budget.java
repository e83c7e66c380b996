package org.waferscope.engine.csl.eval;

import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/**
 * Bounds compile-time work so that a layout loop that never ends is an error, not a hang.
 * A step is a statement executed; a full-wafer layout (757 × 996 PEs, a few calls each)
 * takes a few million.
 */
public final class Budget {
    public static final long DEFAULT_STEPS = 30_000_000L;
    /**
     * Trips one compile-time loop may make: more than a whole WSE-3 fabric's PEs (893,064)
     * in one loop, and small enough that a loop that never ends stops well within a second,
     * long before {@link #DEFAULT_STEPS} would stop it.
     */
    public static final long MAX_LOOP_TRIPS = 1L << 20;

    private final long limit;
    private long used;

    public Budget(long limit) {
        this.limit = limit;
    }

    public void step(SourcePos pos) {
        if (++used > limit) {
            throw new CslError(pos, String.format("compile-time evaluation took more than %,d steps; "
                    + "is there a loop that never ends?", limit));
        }
    }

    /** Refuses the {@code trips}-th trip round one loop when there are too many. */
    public static void trip(long trips, SourcePos loop) {
        if (trips > MAX_LOOP_TRIPS) {
            throw new CslError(loop, String.format("a compile-time loop went round more than %,d times; "
                    + "is there a loop that never ends?", MAX_LOOP_TRIPS));
        }
    }

    /** Whether {@code steps} more fit in the budget. */
    public boolean has(long steps) {
        return used + steps <= limit;
    }

    /** Charges {@code steps} that {@link #has} said fit: a replayed trip's, without its statements. */
    void charge(long steps) {
        used += steps;
    }

    public long used() {
        return used;
    }
}
