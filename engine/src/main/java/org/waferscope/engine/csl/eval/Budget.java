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

    public long used() {
        return used;
    }
}
