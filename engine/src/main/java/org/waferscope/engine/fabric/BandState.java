package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;

/**
 * A worker's scratch and tallies over its band of PEs. Owned by one worker thread during
 * a cycle; other workers read the tallies only after the commit barrier, and the
 * stepper drains the printed lines after the whole step.
 */
public final class BandState implements CycleSink {
    /** A simprint line or fault, with where and when it happened. */
    public record Event(long cycle, int pe, boolean fault, String text) {
    }

    final int[] scratch = new int[DsdExecutor.OPERANDS];
    /** Something changed state, or a wavelet is waiting out its hop time. */
    public boolean progressed;
    /** A wavelet moved between buffers. */
    public boolean moved;
    /** PEs visited this cycle. */
    public int visited;
    /** PEs visited this cycle that have work for the next one, sleepers not counted. */
    public int stillActive;
    /** PEs that fell asleep this cycle less those woken: sleepers are not visited, so they are counted apart. */
    public int sleepersAdded;
    /** Of {@link #sleepersAdded}, those dozing through a memory vector op ({@link DozeWheel}). */
    public int dozersAdded;
    /** Sleepers woken (and so visited) this cycle, and of them the dozers. */
    public int woken;
    public int wokenDozers;
    /** The stepper's timer wheels for dozing PEs, one per chunk; null for a stepper that visits every PE anyway. */
    DozeWheel[] wheels;

    /** Shares the stepper's wheels, one per chunk ({@link FabricCycle#chunks}); every band uses the same. */
    public void useWheels(DozeWheel[] w) {
        wheels = w;
    }
    /** Some PE is about to execute an instruction on a breakpoint line. */
    public boolean atBreakpoint;
    public int tasksStarted;
    public int releases;
    public int faults;
    /** Wavelets the host streamed in, and out, this cycle. */
    public int injected;
    public int collected;
    /**
     * PE-cycles of this cycle by class, as the utilization counters count them: busy
     * (compute or fabric work), stalled (sleepers the stepper adds), and wavelets that crossed a
     * link. The run's recorded timeline sums them, so it equals the counters' growth.
     */
    public int busy;
    public int stalled;
    public int hops;
    /**
     * Wavelets this cycle's compute phase put into the band's channels less those it took
     * out ({@link ChannelRings#heldChange}); with {@link #injected} and {@link #hops} (pushed
     * in the commit phase) it is the cycle's change in wavelets held anywhere.
     */
    public int held;
    private final List<Event> events = new ArrayList<>();
    /** The words this band visited in the compute phase, and which of their PEs, in order, for their commits. */
    int[] visitedWords = new int[64];
    long[] visitedPes = new long[64];
    int visitedCount;

    void addVisited(int w, long pes) {
        if (visitedCount == visitedWords.length) {
            visitedWords = java.util.Arrays.copyOf(visitedWords, visitedCount * 2);
            visitedPes = java.util.Arrays.copyOf(visitedPes, visitedCount * 2);
        }
        visitedWords[visitedCount] = w;
        visitedPes[visitedCount++] = pes;
    }

    public void clear() {
        visitedCount = 0;
        progressed = false;
        moved = false;
        visited = 0;
        stillActive = 0;
        sleepersAdded = 0;
        dozersAdded = 0;
        woken = 0;
        wokenDozers = 0;
        atBreakpoint = false;
        tasksStarted = 0;
        releases = 0;
        faults = 0;
        injected = 0;
        collected = 0;
        busy = 0;
        stalled = 0;
        hops = 0;
        held = 0;
    }

    /** Counts a visited PE's cycle by what its CE did ({@link Activity}), as its counters do. */
    void tally(int activity) {
        // without a branch: the activity of the PEs visited one after another is hard to predict
        busy += BUSY >>> activity & 1;
        stalled += STALLED >>> activity & 1;
    }

    private static final int BUSY = 1 << Activity.COMPUTE | 1 << Activity.FABRIC | 1 << Activity.MICROTHREADS;
    private static final int STALLED = 1 << Activity.STALL_INPUT | 1 << Activity.STALL_OUTPUT;

    @Override
    public void print(int pe, long cycle, String text) {
        events.add(new Event(cycle, pe, false, text));
    }

    @Override
    public void fault(int pe, long cycle, String message) {
        faults++;
        events.add(new Event(cycle, pe, true, message));
    }

    @Override
    public void taskStarted(int pe) {
        tasksStarted++;
    }

    @Override
    public void released(int pe) {
        releases++;
    }

    /** Moves this band's events into {@code out}. */
    public void drainEvents(List<Event> out) {
        out.addAll(events);
        events.clear();
    }
}
