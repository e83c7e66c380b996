package org.waferscope.engine.sim;

/** Why a call to {@link CycleStepper#step} returned. */
public enum StopReason {
    /** All the cycles asked for were simulated. */
    CYCLES_DONE,
    /** No PE has work left and nothing is in flight. */
    QUIET,
    /** PEs have work but nothing changed for several cycles: a deadlock. */
    NO_PROGRESS,
    /** A PE faulted. */
    FAULT,
    /** A PE is about to execute an instruction on a breakpoint line. */
    BREAKPOINT,
    /** A task started (when asked to stop there). */
    TASK_STARTED,
    /** What the host waits for has happened (releases, streamed wavelets). */
    HOST_EVENT,
    /** Someone asked the step to end at the next cycle boundary (a Pause waits). */
    INTERRUPTED
}
