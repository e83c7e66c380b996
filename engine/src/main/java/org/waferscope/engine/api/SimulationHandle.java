package org.waferscope.engine.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the application and views see of a running simulation. Every method may be called
 * from any thread; none blocks on the simulation.
 */
public interface SimulationHandle {
    /** Queues a command; it takes effect between cycles. */
    void post(Command command);

    /** The newest frame (latest wins; a frame is never modified once published). */
    Frame latestFrame();

    /** Console lines with {@code seq >= from}, oldest first (at most {@code max}). */
    List<ConsoleLine> console(long from, int max);

    /** A snapshot of PE (x, y), taken between cycles. */
    CompletableFuture<CoreSnapshot> inspect(int x, int y);

    /**
     * Why PEs are stuck, taken between cycles: each stalled PE, what it waits for and
     * which PE should provide it. An engine that cannot tell answers with an empty list.
     */
    default CompletableFuture<List<WaitLink>> waitingChain() {
        return CompletableFuture.completedFuture(List.of());
    }
}
