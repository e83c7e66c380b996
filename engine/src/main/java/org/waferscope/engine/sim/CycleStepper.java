package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.waferscope.engine.fabric.BandState;
import org.waferscope.engine.fabric.ChunkClaims;
import org.waferscope.engine.fabric.CommitFront;
import org.waferscope.engine.fabric.DozeWheel;
import org.waferscope.engine.fabric.FabricCycle;
import org.waferscope.engine.fabric.SaveBudget;
import org.waferscope.engine.fabric.StampSweep;
import org.waferscope.engine.fabric.Wavefront;
import org.waferscope.engine.fabric.WorkerWaits;
import org.waferscope.engine.record.RunTimeline;

/**
 * Runs cycles over the fabric on several threads. The calling thread is worker 0; the others
 * are daemon threads that park between calls and spin at the phase barriers during one.
 *
 * <p>Each cycle: the workers claim chunks of 4,096 PEs one at a time ({@code ChunkClaims}:
 * with two workers, one from each end of the fabric) and run the compute phase over the
 * chunk's busy words, committing each word they visited as soon as the words around it have
 * computed ({@code FabricCycle.computeAndCommit}), then meet at one barrier. Only chunks
 * with busy words cost more than a glance, and work is shared by activity, not by rows: a
 * worker that was descheduled simply claims fewer chunks. Then every worker reads all
 * bands' tallies for that cycle and takes the same stop decision, so no second barrier is
 * needed; tallies are double-buffered by cycle parity so a fast worker's next cycle never
 * overwrites what a slow one is still reading. At the end of a step the workers settle the
 * dozing PEs ({@code FabricCycle.settle}; none when none dozes), each over its share of the
 * words, and meet at a last barrier. The doze wheels outlive the step, so the next one starts
 * without a walk over the sleepers ({@code FabricCycle.keep}).
 *
 * <p>A step of several cycles on one or two workers, with no breakpoint, task start or host
 * event to stop at, runs instead in wavefront passes ({@code Wavefront}): several cycles in
 * one walk over the words, each worker over its half, meeting once a pass; a pass the step
 * should have stopped inside is undone and its cycles run one at a time
 * (docs/temporal-blocking.md). Its settle, too, is shared by both workers.
 *
 * <p>{@link #waits()} tells how many PE-cycles each worker computed, what it waited for, and,
 * once asked ({@code WorkerWaits.timeWaits}), for how long (docs/benchmarks.md, "Session 11";
 * {@code bench/SparseSplit}).
 *
 * <p>Threads: {@link #step} must be called from one thread at a time.
 */
public final class CycleStepper implements AutoCloseable {
    /** Cycles without any progress before the stepper calls it a deadlock. */
    static final int NO_PROGRESS_CYCLES = 3;

    private final FabricCycle cycle;
    private final int workers;
    private final int chunks;
    private final BandState[][] bands;
    /** Per chunk, the PEs put to doze there through a memory vector op, by when they are due. */
    private final DozeWheel[] wheels;
    /** Which chunks have computed in the current cycle, by round. */
    private final CommitFront front;
    /** Rounds of cycles run so far, never repeated: the {@link CommitFront} stamps. */
    private long rounds;
    /** Per worker, the PEs left dozing in its share of the words it settled at the end of the last step. */
    private final int[] dozersLeft;
    /** The chunks left to claim, by cycle parity: worker 0 resets the next cycle's while the others cannot use it. */
    private final ChunkClaims claims;
    private final SpinBarrier barrier;
    /** Each worker's waits, its share of the work, and worker 0's serial parts (diagnostics). */
    private final WorkerWaits waits;
    private final Semaphore[] go;
    private final Thread[] threads;
    private volatile boolean closed;
    /** Where worker 0 records each cycle's tallies, or null. */
    private RunTimeline timeline;
    /** Asked by worker 0 once a cycle: true ends the step at that cycle's end (someone waits for the wafer). */
    private BooleanSupplier interrupt = () -> false;
    /** Worker 0's answer by cycle parity, read by every worker after the cycle's barrier (as the tallies are). */
    private final boolean[] interrupted = new boolean[2];

    // the current job, written by worker 0 before releasing the others
    private long jobStart;
    private long jobCycles;
    private StepLimits jobLimits;
    private long releasesSoFar;
    /**
     * Cycles in a row without progress, carried from one call to the next: a deadlock is
     * found at the same cycle however a run is cut into steps.
     */
    private int quietStreak;
    private StopReason lastReason;
    private long lastCycle;

    /** Cycles one wavefront pass runs at most; below 2, none is run (docs/temporal-blocking.md). */
    private final int waveDepth;
    private Wavefront wave;
    private final SaveBudget saveBudget;
    /** The bands of a pass's cycles, per worker, and the passes run; made with {@link #wave}. */
    private PassLevels pass;
    // worker 1's part of the current job, written by worker 0 before releasing it: a share of a
    // pass from jobPassStart, or the cycle loop from jobFrom with a copy of worker 0's tally (null: a new one)
    private boolean jobPass;
    /** Worker 1's job is its share of the step's settle, at cycle {@link #jobSettleAt}. */
    private boolean jobSettle;
    private long jobSettleAt;
    private long jobPassStart;
    private int jobPassLevels;
    private long jobFrom;
    private CycleTally jobTally;

    /** Cycles a wavefront pass runs when the system property {@code waferscope.wavefront} does not say. */
    public static final int DEFAULT_WAVE_DEPTH = 8;

    /**
     * A stepper on {@code threadCount} threads; on one or two it runs up to
     * {@link #DEFAULT_WAVE_DEPTH} cycles at once in wavefront passes, or as many as the system
     * property {@code waferscope.wavefront} says (0 or 1: none; docs/temporal-blocking.md).
     */
    public CycleStepper(FabricCycle cycle, int threadCount) {
        this(cycle, threadCount, Integer.getInteger("waferscope.wavefront", DEFAULT_WAVE_DEPTH));
    }

    /** As {@link #CycleStepper(FabricCycle, int)}, with passes of up to {@code waveDepth} cycles (below 2: none). */
    public CycleStepper(FabricCycle cycle, int threadCount, int waveDepth) {
        this(cycle, threadCount, waveDepth, SaveBudget.heap());
    }

    /** As {@link #CycleStepper(FabricCycle, int, int)}, the passes' undo taking what {@code budget} allows. */
    public CycleStepper(FabricCycle cycle, int threadCount, int waveDepth, SaveBudget budget) {
        this.waveDepth = waveDepth;
        this.saveBudget = budget;
        this.cycle = cycle;
        this.chunks = cycle.chunks();
        this.workers = Math.max(1, Math.min(threadCount, chunks));
        this.bands = new BandState[2][workers];
        this.wheels = new DozeWheel[cycle.wheels()];
        this.dozersLeft = new int[workers];
        this.front = cycle.newFront();
        this.claims = new ChunkClaims(chunks, workers);
        for (int s = 0; s < wheels.length; s++) {
            wheels[s] = new DozeWheel();
        }
        for (int par = 0; par < 2; par++) {
            for (int k = 0; k < workers; k++) {
                bands[par][k] = new BandState();
                bands[par][k].useWheels(wheels);
            }
        }
        this.barrier = new SpinBarrier(workers);
        this.waits = new WorkerWaits(workers);
        this.go = new Semaphore[workers];
        this.threads = new Thread[workers];
        for (int k = 1; k < workers; k++) {
            go[k] = new Semaphore(0);
            int id = k;
            threads[k] = new Thread(() -> helperLoop(id), "wafer-worker-" + k);
            threads[k].setDaemon(true);
            threads[k].start();
        }
    }

    public int workers() {
        return workers;
    }

    /** Each worker's waits and work so far, and worker 0's serial parts: read between steps. */
    public WorkerWaits waits() {
        return waits;
    }

    /** Wavefront passes run so far. */
    public long wavePasses() {
        return pass == null ? 0 : pass.passes;
    }

    /** Of {@link #wavePasses()}, those run on two workers. */
    public long wavePassesShared() {
        return pass == null ? 0 : pass.passesShared;
    }

    /** Of {@link #wavePasses()}, those undone because the step had to stop inside them. */
    public long wavePassesUndone() {
        return pass == null ? 0 : pass.passesUndone;
    }

    /** Records every cycle from now on into {@code t} (null: none). Between steps only. */
    public void recordInto(RunTimeline t) {
        timeline = t;
    }

    /**
     * Lets {@code when} end a step early, at the end of a cycle, with {@link StopReason#INTERRUPTED}
     * (null: never). A step cut short is only a shorter step, so the state stays the same as
     * with any other chunking. Between steps only.
     */
    public void interruptWhen(BooleanSupplier when) {
        interrupt = when == null ? () -> false : when;
    }

    /** What one call to {@link #step} did. */
    public record Result(long cycles, StopReason reason, List<BandState.Event> events, int tasksStarted,
                         int releases, int lastActivePes) {
    }

    /**
     * Simulates up to {@code maxCycles} cycles, stopping early as {@code limits} ask.
     * Events (simprint lines, faults) come back in (cycle, PE) order.
     */
    public Result step(long maxCycles, StepLimits limits) {
        if (maxCycles <= 0) {
            return new Result(0, StopReason.CYCLES_DONE, List.of(), 0, 0, 0);
        }
        jobStart = cycle.fabric().cycle();
        jobCycles = maxCycles;
        jobLimits = limits;
        releasesSoFar = 0;
        totalsStarted = 0;
        cycle.prepareStep(wheels);
        List<BandState.Event> events = new ArrayList<>();
        claims.reset(0);
        claims.reset(1);
        if (PassLevels.mayRun(waveDepth, workers, maxCycles, limits)) {
            runWaves(events);
        } else {
            jobPass = false;
            jobFrom = jobStart;
            jobTally = null;
            for (int k = 1; k < workers; k++) {
                go[k].release();
            }
            runCycles(0, jobStart, newTally());
        }
        for (BandState[] parity : bands) {
            for (BandState b : parity) {
                b.drainEvents(events);
            }
        }
        events.sort(Comparator.comparingLong(BandState.Event::cycle).thenComparingInt(BandState.Event::pe));
        long done = lastCycle - jobStart;
        cycle.fabric().setCycle(lastCycle);
        cycle.keep(wheels, java.util.Arrays.stream(dozersLeft).sum());
        rounds += done + 1;
        return new Result(done, lastReason, events, totalsStarted, (int) releasesSoFar, lastActive);
    }

    private int totalsStarted;
    private int lastActive;

    /** Cycles in a row without progress up to now (part of a wafer snapshot). */
    public int quietStreak() {
        return quietStreak;
    }

    /** Sets the streak a restored snapshot had. */
    public void setQuietStreak(int cycles) {
        quietStreak = cycles;
    }

    private void helperLoop(int id) {
        while (!closed) {
            long since = waits.wallNow();
            long cpuSince = waits.cpuNow();
            go[id].acquireUninterruptibly();
            waits.add(id, WorkerWaits.IDLE, since, cpuSince);
            if (closed) {
                return;
            }
            if (jobPass) {
                wave.run(id, jobPassStart, jobPassLevels, pass.shares[id]);
                barrier.await(id, waits);
            } else if (jobSettle) {
                settleShare(id, jobSettleAt, jobTally.dozing());
                barrier.await(id, waits);
            } else {
                runCycles(id, jobFrom, jobTally != null ? jobTally : newTally());
            }
        }
    }

    /** Settles worker {@code id}'s share of the fabric's words at the step's end; nothing to do when no PE {@code dozes}. */
    private void settleShare(int id, long c, boolean dozes) {
        int words = cycle.words();
        long since = waits.wallNow();
        long cpuSince = waits.cpuNow();
        dozersLeft[id] = !dozes ? 0 : cycle.settle(c, (int) ((long) words * id / workers),
                (int) ((long) words * (id + 1) / workers));
        waits.add(id, WorkerWaits.SETTLE, since, cpuSince);
    }

    private CycleTally newTally() {
        return new CycleTally(jobLimits, jobStart + jobCycles, quietStreak, cycle.sleepers(), cycle.dozers());
    }

    /** The cycle loop every worker runs from cycle {@code c} on; each takes the same stop decision. */
    private void runCycles(int id, long c, CycleTally tally) {
        while (true) {
            if (StampSweep.due(c, 1) && StampSweep.share(cycle, id, workers)) {
                sync(id);   // every share swept before anyone computes the cycle
            }
            BandState mine = bands[(int) (c & 1)][id];
            mine.clear();
            if (id == 0) {
                // nobody uses it before this cycle's barrier, and everyone is done with it from the last cycle
                claims.reset((int) ((c + 1) & 1));
            }
            cycle.computeAndCommit(claims, id, c, rounds + 1 + (c - jobStart), mine, front, waits);
            waits.addVisited(id, mine.visited);
            if (id == 0) {
                interrupted[(int) (c & 1)] = interrupt.getAsBoolean();
            }
            sync(id);
            boolean stopAsked = interrupted[(int) (c & 1)];
            StopReason reason = tally.after(bands[(int) (c & 1)], c, id == 0 ? timeline : null);
            c++;
            if (reason == null && stopAsked) {
                reason = StopReason.INTERRUPTED;
            }
            if (reason != null) {
                // every worker settles its share of the sleepers' words, and all are done before the step returns
                settleShare(id, c, tally.dozing());
                sync(id);
                if (id == 0) {
                    finish(reason, c, tally);
                }
                return;
            }
        }
    }

    /**
     * The step in wavefront passes of up to {@link #waveDepth} cycles, on one worker or two,
     * in epochs whose start can be put back ({@code PassUndo}). A pass in whose cycles the step
     * should have stopped is undone with its epoch: the epoch's earlier passes run again and
     * that pass's cycles one at a time, as does the rest of a step whose saves the
     * {@link SaveBudget} has no room for.
     */
    private void runWaves(List<BandState.Event> events) {
        if (wave == null) {
            wave = new Wavefront(cycle, waveDepth, saveBudget);
            wave.countWaitsIn(waits);
            pass = new PassLevels(waveDepth, workers, wheels);
        }
        long c = jobStart;
        long end = jobStart + jobCycles;
        CycleTally tally = new CycleTally(jobLimits, end, quietStreak, cycle.sleepers(), cycle.dozers());
        long epoch = c;
        boolean open = false;
        int depth = wave.levelsFor(waveDepth, workers);
        while (true) {
            long planned = waits.wallNow();
            long plannedCpu = waits.cpuNow();
            int n = (int) Math.min(depth, end - c);
            if (n >= 2 && open && c + n - epoch > Math.max(PassLevels.EPOCH_CYCLES, waveDepth)) {
                open = false;
            }
            if (n >= 2 && open && !wave.plan(c, n, wheels)) {
                open = false;
            }
            if (n >= 2 && !open) {
                wave.open(workers);
                epoch = c;
                open = wave.plan(c, n, wheels);
            }
            if (n < 2 || !open) {
                cyclesFrom(c, tally);
                return;
            }
            waits.add(0, WorkerWaits.PLAN, planned, plannedCpu);
            runPass(c, n);
            pass.passes++;
            pass.passesShared += wave.twoWorkers() ? 1 : 0;
            CycleTally trial = tally.copy();
            StopReason reason = null;
            int k = 0;
            while (reason == null && k < n) {
                reason = trial.after(pass.levels[k], c + k, null);
                k++;
            }
            if (reason != null && k < n) {
                // the step ends inside the pass: back to the epoch's start, and this pass's cycles one at a time
                pass.passesUndone++;
                redo(epoch, c);
                tally.recount(cycle.sleepers(), cycle.dozers());
                cyclesFrom(c, tally);
                return;
            }
            for (k = 0; k < n; k++) {
                reason = tally.after(pass.levels[k], c + k, timeline);
                for (int id = 0; id < workers; id++) {
                    waits.addVisited(id, pass.levels[k][id].visited);
                    pass.levels[k][id].drainEvents(events);
                }
            }
            c += n;
            if (reason == null && interrupt.getAsBoolean()) {
                // a pause is taken between passes, at most waveDepth cycles late
                reason = StopReason.INTERRUPTED;
            }
            if (reason != null) {
                java.util.Arrays.fill(dozersLeft, 0);
                settleAll(c, tally);
                finish(reason, c, tally);
                return;
            }
        }
    }

    /** Every worker settles its share of the fabric's words at cycle {@code c}, worker 1 given it as a job. */
    private void settleAll(long c, CycleTally tally) {
        jobSettleAt = c;
        jobTally = tally;
        if (workers == 1) {
            settleShare(0, c, tally.dozing());
            return;
        }
        jobPass = false;
        jobSettle = true;
        for (int k = 1; k < workers; k++) {
            go[k].release();
        }
        settleShare(0, c, tally.dozing());
        barrier.await(0, waits);
        jobSettle = false;
    }

    /** Runs cycles {@code c} to {@code c + n - 1} in one pass, on both workers when the epoch has two, into {@link #pass}'s levels. */
    private void runPass(long c, int n) {
        StampSweep.beforePass(cycle, c, n);
        pass.clear(n);
        if (wave.twoWorkers()) {
            jobPass = true;
            jobPassStart = c;
            jobPassLevels = n;
            go[1].release();
            wave.run(0, c, n, pass.shares[0]);
            barrier.await(0, waits);
        } else {
            wave.run(0, c, n, pass.shares[0]);
        }
    }

    /** The rest of the step a cycle at a time from cycle {@code c}, on every worker, each with a copy of {@code tally}. */
    private void cyclesFrom(long c, CycleTally tally) {
        jobPass = false;
        jobFrom = c;
        jobTally = tally.copy();
        for (int k = 1; k < workers; k++) {
            go[k].release();
        }
        runCycles(0, c, tally);
    }

    /**
     * Puts the fabric back to cycle {@code from}, where the epoch opened, and runs it again
     * in passes to cycle {@code to}: their tallies and events were taken the first time, and
     * the same cycles give the same ones. The fabric is left settled at {@code to}, its
     * sleepers filed afresh, as at the start of a step.
     */
    private void redo(long from, long to) {
        List<BandState.Event> again = new ArrayList<>();
        pass.drainInto(again);
        wave.undo();
        cycle.fabric().setCycle(from);
        cycle.settle(from);
        cycle.prepareStep(wheels);
        for (long c = from; c < to; ) {
            // the epoch's passes were all waveDepth long; any split gives the same fabric
            int n = (int) Math.min(waveDepth, to - c);
            wave.replay();
            runPass(c, n);
            pass.drainInto(again);
            c += n;
        }
        cycle.fabric().setCycle(to);
        cycle.settle(to);
        cycle.prepareStep(wheels);
    }

    /** What the step's caller and the next step are told, from worker 0's tally. */
    private void finish(StopReason reason, long c, CycleTally tally) {
        lastReason = reason;
        lastCycle = c;
        releasesSoFar = tally.releases;
        totalsStarted = tally.started;
        quietStreak = tally.quiet;
        lastActive = tally.stillActive;
    }

    private void sync(int id) {
        if (workers > 1) {
            barrier.await(id, waits);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int k = 1; k < workers; k++) {
            go[k].release();
        }
    }
}
