package org.waferscope.engine.sim;

/**
 * What running costs the simulating thread, by part ({@link RunCosts}), timed by
 * {@link TimeTravel#clock()} (the thread's CPU time), and when the next frame is due while
 * running: frames are spaced by what the last one cost, so that they take a bounded share of
 * the thread at any fabric size.
 *
 * <p>Threads: the simulation thread only.
 */
final class RunLedger {
    /**
     * Frames take at most 1 / (1 + this) of the engine's thread while running: about 3 %, so
     * that the explorer keeps within 10 % of the CLI's speed with its snapshots' share besides
     * (issue 14). A full wafer still gets a few frames a second; small fabrics, whose frames
     * cost microseconds, one per slice.
     */
    static final int FRAME_SPACING = 32;

    private long running;
    private long stepping;
    private long steps;
    private long snapshot;
    private int snapshots;
    private long frame;
    private int frames;
    private long preparing;
    private long lastPublishNanos;
    private long lastFrameCostNanos;

    /** A new program: its costs start from nothing. */
    void clear() {
        running = stepping = steps = snapshot = frame = preparing = 0;
        snapshots = frames = 0;
    }

    void running(long cpuNanos) {
        running += cpuNanos;
    }

    /** One call to the wafer while running cost {@code cpuNanos}. */
    void stepping(long cpuNanos) {
        stepping += cpuNanos;
        steps++;
    }

    /** A call that may have taken a snapshot cost {@code cpuNanos}; {@code took} if it did. */
    void snapshot(long cpuNanos, boolean took) {
        snapshot += cpuNanos;
        snapshots += took ? 1 : 0;
    }

    void preparing(long cpuNanos) {
        preparing += cpuNanos;
    }

    /**
     * A run about to stop kept a snapshot for the step back a user may click next
     * ({@link History#keepBeforeStop}): a cost of stopping, once, not of running, so it is
     * counted with the preparations while paused and taken out of running.
     */
    void stopping(long cpuNanos) {
        preparing += cpuNanos;
        running -= cpuNanos;
    }

    /**
     * While running, a frame is built only when the time since the last one is at least
     * {@link #FRAME_SPACING} times what that one took: on a full wafer a frame (sampling every
     * PE) costs tens of milliseconds, and one after every slice would spend the thread on
     * frames instead of cycles.
     */
    boolean frameDue() {
        return System.nanoTime() - lastPublishNanos >= FRAME_SPACING * lastFrameCostNanos;
    }

    /** A frame was published, from {@code startNanos} (wall) to now, at {@code cpuNanos}; {@code whileRunning} counts it. */
    void published(long startNanos, long cpuNanos, boolean whileRunning) {
        lastPublishNanos = System.nanoTime();
        lastFrameCostNanos = lastPublishNanos - startNanos;
        if (whileRunning) {
            frame += cpuNanos;
            frames++;
        }
    }

    RunCosts costs() {
        return new RunCosts(running, stepping, steps, snapshot, snapshots, frame, frames, preparing);
    }
}
