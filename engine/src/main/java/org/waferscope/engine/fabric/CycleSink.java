package org.waferscope.engine.fabric;

/**
 * Where one worker's PEs report what a cycle produced: simprint lines, faults, and events
 * the stepper sums. One per worker, so reporting needs no locks; the stepper merges them
 * in PE order, which keeps the console deterministic.
 */
public interface CycleSink {
    void print(int pe, long cycle, String text);

    void fault(int pe, long cycle, String message);

    /** A task started on a PE. */
    void taskStarted(int pe);

    /** A PE called unblock_cmd_stream. */
    void released(int pe);
}
