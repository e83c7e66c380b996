package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.PhaseClock;
import org.waferscope.engine.fabric.BandState;
import org.waferscope.engine.fabric.EdgeLeaks;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricBuilder;
import org.waferscope.engine.fabric.FabricCycle;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fabric.HostException;
import org.waferscope.engine.fabric.HostPort;
import org.waferscope.engine.fabric.StallReport;
import org.waferscope.engine.fabric.StateHash;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.record.RunTimeline;

/**
 * A program on a fabric, with its host: the synchronous engine. {@link #advance} simulates
 * cycles and lets the host act between them; the result after n cycles is the same for
 * any thread count and however the n cycles are split into calls.
 *
 * <p>Threads: one thread at a time (the simulator's, or a test's).
 */
public final class Wafer implements AutoCloseable {
    private static final int REPORT_LINES = 24;

    private final WaferProgram program;
    private final Fabric fabric;
    private final FabricCycle cycles;
    /** The stepper a step runs on: the wafer's own, or {@link #wide} for a re-run. */
    private CycleStepper stepper;
    private final CycleStepper own;
    /** A stepper with more workers for re-running after a restore, made on first use. */
    private CycleStepper wide;
    private int wideAsked;
    private final HostPort port;
    private final HostRunner host;
    private final ConsoleLog console;
    private boolean muted;
    private WaferStatus status = WaferStatus.RUNNING;
    private List<String> report = List.of();
    private long tasksStarted;
    private RunTimeline timeline = new RunTimeline();
    /** What ends a step early (see {@link #interruptWhen}); the re-run stepper asks it too. */
    private java.util.function.BooleanSupplier interrupt;

    private Wafer(WaferProgram program, ArchProfile profile, FabricLayout layout, List<HostStep> steps,
                  Map<String, org.waferscope.engine.host.HostArray> arrays, int threads, ConsoleLog console,
                  PhaseClock clock) {
        this.program = program;
        this.console = console;
        this.fabric = FabricBuilder.build(profile, layout);
        this.cycles = new FabricCycle(fabric);
        this.own = new CycleStepper(cycles, threads);
        this.stepper = own;
        own.recordInto(timeline);
        this.port = new HostPort(fabric);
        this.host = new HostRunner(steps, arrays, port);
        clock.lap("fabric build");
        try {
            host.copyInsAhead(this::hostLine);
        } catch (HostException e) {
            // left where it failed: the first advance meets the same step and reports the fault
        }
        clock.lap("host copies");
    }

    /** Puts a loaded program on a fresh fabric. Throws {@code FabricException} if the machine cannot run it. */
    public static Wafer load(WaferProgram program, int threads) {
        return load(program, threads, new ConsoleLog());
    }

    /** As {@link #load(WaferProgram, int)}, writing to a console the caller keeps. */
    public static Wafer load(WaferProgram program, int threads, ConsoleLog console) {
        return load(program, threads, console, PhaseClock.OFF);
    }

    /** As above, charging the fabric's build and the host's leading copies to {@code clock}. */
    public static Wafer load(WaferProgram program, int threads, ConsoleLog console, PhaseClock clock) {
        return new Wafer(program, program.profile(), program.layout(), program.steps(), program.arrays(), threads,
                console, clock);
    }

    /** A fabric with no host program, driven by {@link #port()} directly (tests, benchmarks). */
    public static Wafer of(ArchProfile profile, FabricLayout layout, int threads) {
        return new Wafer(null, profile, layout, List.of(), Map.of(), threads, new ConsoleLog(), PhaseClock.OFF);
    }

    public WaferProgram program() {
        return program;
    }

    public Fabric fabric() {
        return fabric;
    }

    public HostPort port() {
        return port;
    }

    public ConsoleLog console() {
        return console;
    }

    public long cycle() {
        return fabric.cycle();
    }

    public long stateHash() {
        return StateHash.of(fabric);
    }

    public WaferStatus status() {
        return status;
    }

    /** For a deadlock, exhausted budget or fault: what waits on what. */
    public List<String> report() {
        return report;
    }

    /** What the host is doing now, whole and in a few words. */
    public org.waferscope.engine.api.HostStatus hostStatus() {
        return host.status();
    }

    /** The fabric-wide counters of the whole run, recorded cycle by cycle. */
    public RunTimeline timeline() {
        return timeline;
    }

    /** The host step being carried out or waited on, 0-based (the step count once done). */
    public int hostStepIndex() {
        return host.index();
    }

    /** What the host step at {@code index} (0-based) does, in words. */
    public String hostStepText(int index) {
        return index < program.steps().size() ? program.steps().get(index).describe() : "done";
    }

    public long tasksStarted() {
        return tasksStarted;
    }

    public int workers() {
        return own.workers();
    }

    public List<org.waferscope.engine.host.CheckResult> checks() {
        return host.checks();
    }

    public Map<String, org.waferscope.engine.host.HostArray> arrays() {
        return host.arrays();
    }

    /** Instruction-level breakpoints, per program index; null to clear. */
    public void setBreakpoints(boolean[][] perProgram) {
        cycles.setBreakpoints(perProgram);
    }

    /** Simulates exactly {@code n} cycles of the fabric alone (no host), for tests and benchmarks. */
    public CycleStepper.Result stepFabric(long n) {
        long done = 0;
        CycleStepper.Result last = null;
        while (done < n) {
            last = stepper.step(n - done, StepLimits.NONE);
            record(last);
            done += last.cycles();
            if (last.reason() == StopReason.FAULT) {
                break;
            }
        }
        return last;
    }

    /**
     * Simulates up to {@code maxCycles} cycles, letting the host act as its steps allow.
     * Returns why it stopped: all cycles done, a breakpoint or task start (when asked), or
     * an end state in {@link #status()}.
     */
    public StopReason advance(long maxCycles, boolean stopAtBreakpoints, boolean stopAtTaskStart) {
        long done = 0;
        // the last step ended with nothing able to move: the host may still act (a copy that
        // waited for the fabric to settle, a step that feeds it), else the run is over
        boolean stuck = false;
        while (status == WaferStatus.RUNNING) {
            HostRunner.Wait wait;
            try {
                wait = host.advance(this::hostLine, r -> log(cycle(),
                        r.pass() ? ConsoleLine.Kind.CHECK_PASS : ConsoleLine.Kind.CHECK_FAIL, -1, -1, r.describe()));
            } catch (HostException e) {
                finish(WaferStatus.FAULTED, List.of("host step '" + host.current() + "' failed: " + e.getMessage()));
                break;
            }
            if (!fabric.anyActive() || (stuck && host.done() && program != null)) {
                if (host.done()) {
                    finish(WaferStatus.HALTED, stuck ? leftOver() : List.of());
                } else {
                    List<String> lines = new ArrayList<>();
                    lines.add("deadlock: the fabric is quiet but the host is " + wait.what());
                    port.unreleased(8).forEach(p -> lines.add("  PE (" + p % fabric.width + ", " + p / fabric.width
                            + ") has not called unblock_cmd_stream"));
                    lines.addAll(StallReport.describe(fabric, REPORT_LINES));
                    leftTheFabric(lines);
                    finish(WaferStatus.DEADLOCK, lines);
                }
                break;
            }
            if (done >= maxCycles) {
                return StopReason.CYCLES_DONE;
            }
            CycleStepper.Result r = stepper.step(maxCycles - done, wait.limits(stopAtBreakpoints, stopAtTaskStart));
            done += r.cycles();
            record(r);
            stuck = false;
            switch (r.reason()) {
                case FAULT -> finish(WaferStatus.FAULTED, faultLines());
                case NO_PROGRESS -> {
                    if (wait.settle() || (host.done() && program != null
                            && FabricMetrics.restsOnInput(fabric))) {
                        // a copy goes ahead now; or the host has done its last step and, as the
                        // SDK's runner.stop(), ends the run: with no wavelet left anywhere and no
                        // task running, operations still waiting for input (streams of unbounded
                        // length) are the program's resting state, listed in the report. Wavelets
                        // stuck on their way or a stalled task are still a deadlock.
                        host.settled();
                        stuck = true;
                        continue;
                    }
                    List<String> lines = new ArrayList<>();
                    lines.add("deadlock at cycle " + cycle() + ": work remains but nothing can move");
                    if (!host.done()) {
                        lines.add("the host is " + host.waitNow());
                    }
                    lines.addAll(StallReport.describe(fabric, REPORT_LINES));
                    leftTheFabric(lines);
                    finish(WaferStatus.DEADLOCK, lines);
                }
                case BREAKPOINT, TASK_STARTED, INTERRUPTED -> {
                    return r.reason();
                }
                default -> {
                }
            }
        }
        return StopReason.QUIET;
    }

    /** A deadlock's hint: wavelets that were sent off the rectangle's edge, where the PE meant to wait for them never hears. */
    private void leftTheFabric(List<String> lines) {
        List<String> left = EdgeLeaks.describe(fabric, REPORT_LINES);
        if (!left.isEmpty()) {
            lines.add("wavelets left the fabric, so whoever waits for them waits forever:");
            left.forEach(l -> lines.add("  " + l));
        }
    }

    /**
     * As {@link #advance advance(maxCycles, false, false)}, on {@code threads} workers when
     * that is more than the wafer's own: the re-run after a restore, while the caller's
     * other cores are idle. The state reached is the same on any worker count, so this only
     * changes how soon it is reached. The extra workers park between re-runs.
     */
    public StopReason rerun(long maxCycles, int threads) {
        if (threads <= own.workers()) {
            return advance(maxCycles, false, false);
        }
        if (wide == null || wideAsked != threads) {
            if (wide != null) {
                wide.close();
            }
            wide = new CycleStepper(cycles, threads, RERUN_WAVE_DEPTH);
            wideAsked = threads;
            wide.recordInto(timeline);
            wide.interruptWhen(interrupt);
        }
        if (wide.workers() <= own.workers()) {
            return advance(maxCycles, false, false);   // a fabric of fewer chunks than workers
        }
        wide.setQuietStreak(own.quietStreak());
        stepper = wide;
        try {
            return advance(maxCycles, false, false);
        } finally {
            own.setQuietStreak(wide.quietStreak());
            stepper = own;
        }
    }

    /**
     * Cycles a wavefront pass of the re-run stepper runs (below 2: none, the default). A pass
     * saves every word its epoch writes ({@code WordSaves}), and those copies live as long as
     * the stepper: at full wafer, for a program that keeps every PE busy, as much heap as the
     * fabric's state, on top of the simulating stepper's own. Re-run cycle by cycle, the
     * stepper holds a few KB; the system property {@code waferscope.rerunWavefront} sets a depth
     * (for measuring).
     */
    static final int RERUN_WAVE_DEPTH = Integer.getInteger("waferscope.rerunWavefront", 0);

    /**
     * Heap the re-run stepper holds while parked between step backs (0 before the first): with
     * passes, up to the fabric's state in save copies (counted as that); without, its
     * per-worker tallies and per-chunk marks, a few KB, counted as a KB per chunk of PEs.
     */
    public long rerunStepperBytes() {
        if (wide == null) {
            return 0;
        }
        return RERUN_WAVE_DEPTH >= 2 ? FabricSnapshot.estimateBytes(fabric) : 1024L * cycles.chunks();
    }

    /**
     * Runs {@code work} with the run's timeline set aside: whatever it simulates or restores is
     * recorded into a scratch timeline, so that work which ends where it began (preparing a step
     * back while paused) leaves the timeline as the run left it.
     */
    public void asideFromTimeline(Runnable work) {
        RunTimeline kept = timeline;
        timeline = new RunTimeline();
        own.recordInto(timeline);
        if (wide != null) {
            wide.recordInto(timeline);
        }
        try {
            work.run();
        } finally {
            timeline = kept;
            own.recordInto(kept);
            if (wide != null) {
                wide.recordInto(kept);
            }
        }
    }

    /**
     * Lets {@code when} end {@link #advance} early, at a cycle boundary, with
     * {@link StopReason#INTERRUPTED} (null: never); see {@link CycleStepper#interruptWhen}.
     */
    public void interruptWhen(java.util.function.BooleanSupplier when) {
        interrupt = when;
        own.interruptWhen(when);
        if (wide != null) {
            wide.interruptWhen(when);
        }
    }

    /** Runs the program to its end or for at most {@code maxCycles}. */
    public RunResult runToCompletion(long maxCycles) {
        long start = System.nanoTime();
        advance(maxCycles, false, false);
        if (status == WaferStatus.RUNNING) {
            List<String> lines = new ArrayList<>();
            lines.add("cycle budget of " + maxCycles + " exhausted; the host is " + host.waitNow());
            lines.addAll(StallReport.describe(fabric, REPORT_LINES));
            finish(WaferStatus.BUDGET_EXHAUSTED, lines);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new RunResult(status, cycle(), stateHash(), host.checks(), report, totalLinkHops(), host.arrays(),
                console.since(0, Integer.MAX_VALUE), wall);
    }

    public long totalLinkHops() {
        return FabricMetrics.totalLinkHops(fabric);
    }

    private void finish(WaferStatus s, List<String> lines) {
        if (s != WaferStatus.HALTED && !host.done()) {
            lines = new ArrayList<>(lines);
            lines.add("the host had reached " + host.reached());
        }
        status = s;
        report = List.copyOf(lines);
        ConsoleLine.Kind kind = s == WaferStatus.HALTED ? ConsoleLine.Kind.HOST : ConsoleLine.Kind.ERROR;
        if (s == WaferStatus.HALTED) {
            log(cycle(), kind, -1, -1, "halted at cycle " + cycle());
        }
        for (String l : lines) {
            log(cycle(), kind, -1, -1, l);
        }
    }

    /** What still waited when the host ended the run: async operations on endless streams, for instance. */
    private List<String> leftOver() {
        List<String> lines = new ArrayList<>();
        lines.add("the host's steps are done; still waiting when the run ended:");
        lines.addAll(StallReport.describe(fabric, REPORT_LINES));
        return lines;
    }

    private List<String> faultLines() {
        List<String> lines = new ArrayList<>();
        for (int p = 0; p < fabric.n && lines.size() < REPORT_LINES; p++) {
            if (fabric.faultOf(p) != null) {
                lines.add("fault at PE (" + p % fabric.width + ", " + p / fabric.width + "): " + fabric.faultOf(p));
            }
        }
        return lines;
    }

    /** While muted (re-running forward after a step back) nothing is written to the console. */
    public void setMuted(boolean m) {
        muted = m;
    }

    private void log(long cycle, ConsoleLine.Kind kind, int x, int y, String text) {
        if (!muted) {
            console.add(cycle, kind, x, y, text);
        }
    }

    private void hostLine(String text) {
        log(cycle(), ConsoleLine.Kind.HOST, -1, -1, text);
    }

    private void record(CycleStepper.Result r) {
        tasksStarted += r.tasksStarted();
        for (BandState.Event e : r.events()) {
            log(e.cycle(), e.fault() ? ConsoleLine.Kind.ERROR : ConsoleLine.Kind.PRINT, e.pe() % fabric.width,
                    e.pe() / fabric.width, e.text());
        }
    }

    /** The whole state: fabric, host, console length and status. */
    public record Snapshot(FabricSnapshot fabric, HostRunner.State host, long consoleSize, WaferStatus status,
                           List<String> report, long tasksStarted, int quietStreak) {
        public long cycle() {
            return fabric.cycle();
        }

        public long bytes() {
            return fabric.bytes();
        }
    }

    public Snapshot snapshot() {
        return snapshot(null);
    }

    /** A snapshot sharing with {@code after} (an earlier snapshot of this wafer, or null) what has not changed since. */
    public Snapshot snapshot(Snapshot after) {
        return snapshot(after, null);
    }

    /**
     * As {@link #snapshot(Snapshot)}, given up (null) as soon as {@code giveUp} says so
     * (see {@link FabricSnapshot#of(org.waferscope.engine.fabric.Fabric, FabricSnapshot,
     * java.util.function.BooleanSupplier)}).
     */
    public Snapshot snapshot(Snapshot after, java.util.function.BooleanSupplier giveUp) {
        FabricSnapshot f = FabricSnapshot.of(fabric, after == null ? null : after.fabric(), giveUp);
        return f == null ? null : new Snapshot(f, host.state(), console.size(), status, report, tasksStarted,
                own.quietStreak());
    }

    public void restore(Snapshot s) {
        restore(s, true);
    }

    /**
     * Restores a snapshot; with {@code truncateConsole} false the console keeps what it
     * showed (the explorer's session log), otherwise it goes back to the snapshot's length.
     */
    public void restore(Snapshot s, boolean truncateConsole) {
        s.fabric().restoreInto(fabric);
        host.restore(s.host());
        if (truncateConsole) {
            console.truncate(s.consoleSize());
        }
        status = s.status();
        report = s.report();
        tasksStarted = s.tasksStarted();
        timeline.rewind(FabricMetrics.totals(fabric), FabricMetrics.activePes(fabric), FabricMetrics.waveletsInFlight(fabric));
        own.setQuietStreak(s.quietStreak());
    }

    @Override
    public void close() {
        own.close();
        if (wide != null) {
            wide.close();
        }
    }
}
