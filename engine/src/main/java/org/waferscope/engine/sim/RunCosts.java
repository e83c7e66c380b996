package org.waferscope.engine.sim;

/**
 * Where the simulating thread's CPU went while the simulator was running (from Run to the
 * pause or stop, summed over runs since the program was loaded): stepping the fabric, taking
 * step-back snapshots, building frames, and the rest of the loop (commands, pacing, the
 * checks between steps). Stepping is what a bare {@code run} spends too, so
 * {@link #steppingShare()} is, within one process, about how fast the explorer runs against
 * {@code run}: separate processes of the same build differ by more than the explorer's
 * overhead on a shared machine (docs/benchmarks.md, "Session 9: the spread between processes").
 * {@code steps} counts the calls stepping made to the wafer: each has a fixed cost at full
 * wafer (the sleepers settled at its end), so a running slice makes one (docs/benchmarks.md,
 * "Session 13").
 * The preparation of a step back while paused is counted apart: it is idle time.
 */
public record RunCosts(long runningCpuNanos, long steppingCpuNanos, long steps, long snapshotCpuNanos, int snapshots,
                       long frameCpuNanos, int frames, long preparingCpuNanos) {
    /** Before any run. */
    public static final RunCosts NONE = new RunCosts(0, 0, 0, 0, 0, 0, 0, 0);

    /** What running spent on none of the named parts. */
    public long otherCpuNanos() {
        return Math.max(0, runningCpuNanos - steppingCpuNanos - snapshotCpuNanos - frameCpuNanos);
    }

    /** Stepping's share of running: the explorer's speed as a share of a bare run's, in this process. */
    public double steppingShare() {
        return runningCpuNanos == 0 ? 0 : (double) steppingCpuNanos / runningCpuNanos;
    }

    /** What {@code part} nanoseconds are of running, in per cent. */
    public double percent(long part) {
        return runningCpuNanos == 0 ? 0 : 100.0 * part / runningCpuNanos;
    }
}
