package org.waferscope.engine.sim;

/**
 * What step-back snapshots have cost so far: how many are kept and how many were taken (the
 * cycle-0 one included), their heap, the wall and CPU time taken to take them all, and the
 * bytes they copied into the slots of dropped ones instead of new ones.
 */
public record SnapshotFigures(int kept, int taken, long bytes, long takenNanos, long takenCpuNanos,
                              long reusedBytes) {
    /** Before any program is loaded. */
    public static final SnapshotFigures NONE = new SnapshotFigures(0, 0, 0, 0, 0, 0);
}
