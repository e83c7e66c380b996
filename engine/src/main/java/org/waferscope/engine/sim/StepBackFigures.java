package org.waferscope.engine.sim;

/**
 * What the last step back (or reset) did: the cycle it went back to, the snapshot it restored
 * (its cycle; -1 when the program was loaded afresh), the restore's and the re-run's cost in
 * CPU time of the simulating thread and in wall time, the cycles re-run and on how many
 * workers, and whether it kept a snapshot near the target for the next step back.
 */
public record StepBackFigures(long target, long from, long restoreCpuNanos, long restoreNanos, long rerunCycles,
                              long rerunCpuNanos, long rerunNanos, int workers, boolean keptNear,
                              long keepCpuNanos) {
    /** Before any step back. */
    public static final StepBackFigures NONE = new StepBackFigures(0, 0, 0, 0, 0, 0, 0, 0, false, 0);
}
