package org.waferscope.engine.sim;

/**
 * What step-back snapshots have cost so far: how many are kept and how many were taken (the
 * cycle-0 one included), their heap, the wall and CPU time taken to take them all, and the
 * bytes they copied into the slots of dropped ones instead of new ones; and the CPU of the second
 * thread that prepares snapshots' pieces and writes restores beside the simulating one (its
 * snapshots' and restores' alike: the CPU time above is the simulating thread's alone).
 */
public record SnapshotFigures(int kept, int taken, long bytes, long takenNanos, long takenCpuNanos,
                              long reusedBytes, long helperCpuNanos) {
    /** Before any program is loaded. */
    public static final SnapshotFigures NONE = new SnapshotFigures(0, 0, 0, 0, 0, 0, 0);
}
