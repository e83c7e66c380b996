package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.waferscope.engine.api.HostStatus;
import org.waferscope.engine.fabric.HostPort;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.HostStep;

/**
 * The host's command stream, run strictly in order against the fabric between cycles.
 * A step that waits on the fabric (a launch until every launched PE has released the
 * stream, a stream until its last wavelet) says what it waits for, and the wafer steps
 * cycles until that happens, stopping at exactly that cycle so that the host acts at the
 * same cycle however the run is chunked.
 */
final class HostRunner {
    /** What a copy done as the program loads adds to its console line. */
    static final String LOADING = ", as the program loads";
    /**
     * What the host needs from the fabric before its next step: counts still to come, or
     * ({@code settle}) for the kernel's earlier work to settle before a copy touches SRAM.
     */
    record Wait(long releases, long injections, long collections, boolean settle, String what) {
        static final Wait NONE = new Wait(0, 0, 0, false, "");

        Wait(long releases, long injections, long collections, String what) {
            this(releases, injections, collections, false, what);
        }

        StepLimits limits(boolean breakpoints, boolean taskStart) {
            return new StepLimits(breakpoints, taskStart, releases, injections, collections);
        }
    }

    /** The host's whole state, for snapshots. */
    record State(int index, boolean started, long target, Map<String, HostArray> arrays, List<CheckResult> checks) {
    }

    private final List<HostStep> steps;
    private final HostPort port;
    private int index;
    private boolean started;
    private long target;
    private final Map<String, HostArray> arrays;
    private final List<CheckResult> checks = new ArrayList<>();

    HostRunner(List<HostStep> steps, Map<String, HostArray> inputs, HostPort port) {
        this.steps = List.copyOf(steps);
        this.arrays = new LinkedHashMap<>(inputs);
        this.port = port;
    }

    boolean done() {
        return index >= steps.size();
    }

    /** The step being carried out or waited on (0-based; the step count once done). */
    int index() {
        return index;
    }

    String current() {
        return done() ? "done" : steps.get(index).describe();
    }

    List<CheckResult> checks() {
        return List.copyOf(checks);
    }

    Map<String, HostArray> arrays() {
        return Map.copyOf(arrays);
    }

    /**
     * Carries out the leading host copies into SRAM, before any step that involves the fabric's
     * time. They take no cycles, so doing them at load changes no cycle's state, and the first
     * frame already shows the program's data (a Game of Life board before any step).
     */
    void copyInsAhead(Consumer<String> log) {
        while (!done() && !started && steps.get(index) instanceof HostStep.CopyIn c) {
            port.writeSymbol(c.symbol(), c.rect(), array(c.array()));
            // said as part of the load: the console lists it before the engine's "loaded …", which
            // read as a copy into a program not yet there
            log.accept(c.describe() + LOADING);
            index++;
        }
    }

    /**
     * Carries out steps until one must wait on the fabric, and says what for. Host lines and
     * check results go to {@code log} and {@code check}.
     */
    Wait advance(Consumer<String> log, Consumer<CheckResult> check) {
        while (!done()) {
            HostStep step = steps.get(index);
            if (step instanceof HostStep.CopyIn c) {
                if (mustSettle()) {
                    return settleWait(c);
                }
                port.writeSymbol(c.symbol(), c.rect(), array(c.array()));
                log.accept(c.describe());
            } else if (step instanceof HostStep.CopyOut c) {
                if (mustSettle()) {
                    return settleWait(c);
                }
                arrays.put(c.array(), port.readSymbol(c.symbol(), c.rect(), c.array()));
                log.accept(c.describe());
            } else if (step instanceof HostStep.Check c) {
                CheckResult r = CheckResult.compare(c, array(c.array()));
                checks.add(r);
                check.accept(r);
            } else if (step instanceof HostStep.Launch l) {
                if (!started) {
                    target = port.launch(l.function(), l.args());
                    started = true;
                    log.accept(l.describe() + " on " + target + " PE(s)");
                    return new Wait(target, 0, 0, HostStatus.waitingForPes(target).words());
                }
                long missing = target - port.releasedCount();
                if (missing > 0) {
                    return new Wait(missing, 0, 0, HostStatus.waitingForPes(missing).words());
                }
            } else if (step instanceof HostStep.StreamIn s) {
                if (!started) {
                    target = port.streamIn(s.color(), s.rect(), array(s.array()));
                    started = true;
                    log.accept(s.describe());
                }
                // nonblock or not, the SDK serializes memcpy commands: the next one starts only
                // once this stream is all in (nonblock frees only the host's own program)
                long missing = port.pendingInjections();
                if (missing > 0) {
                    return new Wait(0, missing, 0, streaming(missing).words());
                }
            } else if (step instanceof HostStep.StreamOut s) {
                if (!started) {
                    target = port.startStreamOut(s.color(), s.rect());
                    started = true;
                    log.accept(s.describe());
                }
                // what waited on the memcpy path is collected at once
                long missing = port.pendingCollections();
                if (missing > 0) {
                    return new Wait(0, 0, missing, collecting(missing, s.color()).words());
                }
                arrays.put(s.array(), port.finishStreamOut(s.rect(), s.array(), s.type()));
            }
            index++;
            started = false;
            target = 0;
        }
        return Wait.NONE;
    }

    /**
     * A copy-mode memcpy reaches a PE's SRAM through the memcpy machinery thousands of cycles
     * after the command before it ended, so on the wafer it meets the kernel's earlier work
     * finished: wavelets delivered, tasks run. Here it waits, in the command stream's order,
     * until nothing on the fabric can move any more (quiet, or stuck waiting on the host).
     */
    private boolean mustSettle() {
        return !started && port.fabricBusy();
    }

    private Wait settleWait(HostStep step) {
        return new Wait(0, 0, 0, true, HostStatus.settling(step.describe()).words());
    }

    /** The fabric has settled while a copy waited for it: the copy goes ahead at the next {@link #advance}. */
    void settled() {
        if (!done() && (steps.get(index) instanceof HostStep.CopyIn || steps.get(index) instanceof HostStep.CopyOut)) {
            started = true;
        }
    }

    /** The step the host has reached, for the report of a run that did not end: "step 4 of 6 (launch compute)". */
    String reached() {
        return done() ? "all " + steps.size() + " steps done"
                : "step " + (index + 1) + " of " + steps.size() + " (" + steps.get(index).describe() + ")";
    }

    /** What the host waits for now, from the fabric's current state (no step is carried out). */
    String waitNow() {
        return status().words();
    }

    /** What the host is doing now, whole and in a few words, from the fabric's current state (no step is carried out). */
    HostStatus status() {
        if (done()) {
            return HostStatus.DONE;
        }
        HostStep step = steps.get(index);
        if ((step instanceof HostStep.CopyIn || step instanceof HostStep.CopyOut) && mustSettle()) {
            return HostStatus.settling(step.describe());
        }
        if (!started) {
            return HostStatus.about(step.describe());
        }
        if (step instanceof HostStep.Launch) {
            return HostStatus.waitingForPes(target - port.releasedCount());
        }
        if (step instanceof HostStep.StreamIn) {
            return streaming(port.pendingInjections());
        }
        if (step instanceof HostStep.StreamOut s) {
            return collecting(port.pendingCollections(), s.color());
        }
        return HostStatus.busy(step.describe());
    }

    private static HostStatus streaming(long wavelets) {
        return HostStatus.busy("streaming " + wavelets + " wavelet(s) in");
    }

    private static HostStatus collecting(long wavelets, int color) {
        return HostStatus.busy("collecting " + wavelets + " wavelet(s) on color " + color);
    }

    private HostArray array(String name) {
        HostArray a = arrays.get(name);
        if (a == null) {
            throw new org.waferscope.engine.fabric.HostException("no host array named " + name);
        }
        return a;
    }

    State state() {
        return new State(index, started, target, new LinkedHashMap<>(arrays), List.copyOf(checks));
    }

    void restore(State s) {
        index = s.index();
        started = s.started();
        target = s.target();
        arrays.clear();
        arrays.putAll(s.arrays());
        checks.clear();
        checks.addAll(s.checks());
    }
}
