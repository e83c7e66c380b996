package org.waferscope.engine.sim;

import org.waferscope.engine.fabric.BandState;
import org.waferscope.engine.record.RunTimeline;

/**
 * The running totals of one step, and the stop decision taken after each of its cycles
 * from that cycle's bands: every worker keeps its own copy and takes the same decision, and
 * a wavefront pass ({@code Wavefront}) replays its cycles through it in order afterwards.
 */
final class CycleTally {
    private final StepLimits limits;
    private final long end;
    long releases;
    private long injections;
    private long collections;
    int quiet;
    int started;
    private int sleepers;
    private int dozers;
    /** PEs with work after the last cycle tallied, sleepers included. */
    int stillActive;

    CycleTally(StepLimits limits, long end, int quietStreak, int sleepers, int dozers) {
        this.limits = limits;
        this.end = end;
        this.quiet = quietStreak;
        this.sleepers = sleepers;
        this.dozers = dozers;
    }

    /** A copy to try cycles on, leaving this one as it is. */
    CycleTally copy() {
        CycleTally t = new CycleTally(limits, end, quiet, sleepers, dozers);
        t.releases = releases;
        t.injections = injections;
        t.collections = collections;
        t.started = started;
        t.stillActive = stillActive;
        return t;
    }

    /**
     * Whether any PE dozes through a memory vector op after the last cycle tallied: only
     * dozers need settling at a step's end ({@code FabricCycle.settle}).
     */
    boolean dozing() {
        return dozers > 0;
    }

    /** Takes the sleepers and dozers counted afresh, after the fabric was settled mid-step. */
    void recount(int asleep, int dozing) {
        sleepers = asleep;
        dozers = dozing;
    }

    /**
     * Adds cycle {@code c}'s bands and says why the step ends after it, or null. When
     * {@code timeline} is not null, the cycle is recorded there.
     */
    StopReason after(BandState[] all, long c, RunTimeline timeline) {
        boolean progressed = false;
        boolean moved = false;
        boolean breakpoint = false;
        int faults = 0;
        int tasks = 0;
        // sleepers left unvisited this cycle stall, dozers compute; their counters are credited later
        int busy = dozers;
        int stalled = sleepers - dozers;
        int hops = 0;
        int held = 0;
        for (BandState b : all) {
            busy -= b.wokenDozers;
            stalled -= b.woken - b.wokenDozers;
            busy += b.busy;
            stalled += b.stalled;
            hops += b.hops;
            held += b.held + b.injected + b.hops;
            progressed |= b.progressed;
            moved |= b.moved;
            breakpoint |= b.atBreakpoint;
            sleepers += b.sleepersAdded;
            dozers += b.dozersAdded;
            faults += b.faults;
            tasks += b.tasksStarted;
            releases += b.releases;
            injections += b.injected;
            collections += b.collected;
        }
        started += tasks;
        // a dozing PE counts its memory vector op down unvisited: that is progress
        progressed |= dozers > 0;
        // sleepers are not visited, yet they have work: they count as active
        stillActive = sleepers;
        for (BandState b : all) {
            stillActive += b.stillActive;
        }
        quiet = progressed ? 0 : quiet + 1;
        if (timeline != null) {
            timeline.cycle(c, busy, stalled, hops, stillActive, held);
        }
        if (faults > 0) {
            return StopReason.FAULT;
        } else if (breakpoint && limits.stopAtBreakpoints()) {
            return StopReason.BREAKPOINT;
        } else if (tasks > 0 && limits.stopAtTaskStart()) {
            return StopReason.TASK_STARTED;
        } else if (limits.reached(releases, injections, collections)) {
            return StopReason.HOST_EVENT;
        } else if (stillActive == 0 && !moved) {
            return StopReason.QUIET;
        } else if (quiet >= CycleStepper.NO_PROGRESS_CYCLES) {
            return StopReason.NO_PROGRESS;
        } else if (c + 1 >= end) {
            return StopReason.CYCLES_DONE;
        }
        return null;
    }
}
