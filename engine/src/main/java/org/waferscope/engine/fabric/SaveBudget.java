package org.waferscope.engine.fabric;

/**
 * How much memory an epoch of wavefront passes may spend on the copies that let it be undone
 * ({@link PassUndo}), so that passes run wherever the heap allows and never run it out.
 *
 * <ul>
 *   <li>An epoch whose saves are bounded by {@link #asItComes()} bytes or less copies each word
 *       as the passes first write it, the copies growing as they fill: small and sparse runs,
 *       as before.</li>
 *   <li>A larger one (the all-active full wafer would save about 0.8 GB) reserves its whole bound when
 *       a pass is planned, so that no pass allocates, and only if {@link #upFront} allows it;
 *       otherwise, or when the reservation itself fails, the step runs cycle by cycle.</li>
 * </ul>
 *
 * <p>{@link #heap()} is the rule for runs: 1/16 of the heap as it comes; up front, at most a
 * quarter of the heap, and only while a quarter stays free after it (counting the garbage not
 * yet collected as used, so the estimate errs on the safe side; the time-travel snapshots'
 * budget is a quarter of the heap).
 */
public final class SaveBudget {
    private final long asItComes;
    /** Bytes the saves may hold when reserved up front, or -1: from the heap as it is. */
    private final long upFront;

    private SaveBudget(long asItComes, long upFront) {
        this.asItComes = asItComes;
        this.upFront = upFront;
    }

    /** The rule for runs, from this JVM's heap. */
    public static SaveBudget heap() {
        return new SaveBudget(Runtime.getRuntime().maxMemory() / 16, -1);
    }

    /** Fixed figures (tests): saves up to {@code asItComes} bytes as they come, up to {@code upFront} reserved. */
    public static SaveBudget of(long asItComes, long upFront) {
        return new SaveBudget(asItComes, upFront);
    }

    /** Bytes of saves an epoch may make as it goes, its copies growing when full. */
    long asItComes() {
        return asItComes;
    }

    /** Bytes an epoch's saves may hold, reserved before its passes, when they hold {@code held} already. */
    long upFront(long held) {
        if (upFront >= 0) {
            return upFront;
        }
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long free = max - (rt.totalMemory() - rt.freeMemory());
        return Math.min(max / 4, free + held - max / 4);
    }
}
