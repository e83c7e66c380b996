package org.waferscope.engine.sim;

/** Where a wafer's run stands. */
public enum WaferStatus {
    /** More cycles can be simulated. */
    RUNNING,
    /** The host's steps are done and the fabric is quiet. */
    HALTED,
    /** Work remains but nothing can move (or the host waits on a quiet fabric). */
    DEADLOCK,
    /** The cycle budget ran out first. */
    BUDGET_EXHAUSTED,
    /** A PE faulted or a host step failed. */
    FAULTED
}
