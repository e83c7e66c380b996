package org.waferscope.engine.sim;

/**
 * Everything time travel holds on the heap, by holder, against the one budget they share:
 * the snapshots' slabs (free slots included: only slabs left wholly free at the end are given back), the slots'
 * bookkeeping (counts, hashes and their index), the snapshots' own
 * lists and small arrays, the fresh slabs made ahead and not yet taken, and the re-run
 * stepper parked between step backs. {@code near} is the part of the snapshots that the
 * snapshot kept near a step back's target copied (already in {@code slabs} and {@code lists}).
 * {@code counted} is what the budget was last held to: the slabs' slots in use rather than all
 * of them, and the slabs ahead as the two kept ready between snapshots.
 */
public record HistoryBytes(long budget, long slabs, long index, long lists, long ahead, long rerun, long near,
                           long counted) {
    /** Before any program is loaded. */
    public static final HistoryBytes NONE = new HistoryBytes(0, 0, 0, 0, 0, 0, 0, 0);

    /** The heap all of them hold now. */
    public long total() {
        return slabs + index + lists + ahead + rerun;
    }
}
