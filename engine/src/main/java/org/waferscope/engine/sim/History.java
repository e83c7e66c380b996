package org.waferscope.engine.sim;

import java.util.function.BooleanSupplier;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.fabric.FabricSnapshot;

/**
 * What the simulator keeps for going back in time, under one heap budget: the snapshots
 * ({@link TimeTravel}), the step back that restores one and re-runs ({@link StepBack}), and
 * the first step back after a pause, prepared while the user looks ({@link #prepare}).
 *
 * <p>The budget counts everything time travel holds ({@link HistoryBytes}): the snapshots'
 * slabs and lists, the snapshot kept near a step back's target, the slabs made ahead, and the
 * re-run stepper. It is a share of the fabric's state, which a bare run holds too, so that the
 * explorer's resident memory stays within about 1.5 times a run's ({@link #budgetFor}).
 *
 * <p>Threads: the simulation thread only.
 */
final class History {
    private final long cap;
    private final StepBack back;
    private TimeTravel travel;
    /** The cycle a preparation was last finished at (nothing left to prepare there), or -1. */
    private long preparedAt = -1;
    /** The fabric's mutable state, for {@link IdleHeap}: what decides whether the heap is worth giving back. */
    private long stateBytes;
    /** The cycle the wafer has stayed at while idle, and since when (wall), for {@link #idle}; -1 when busy. */
    private long quietCycle = -1;
    /** Whether the load's cycle-0 snapshot is still to be taken ({@link #startOwing}). */
    private boolean startOwed;
    private long quietSince;
    /** The heap's bytes after it was last given back ({@link IdleHeap}), 0 before. */
    private long heapKept;
    /**
     * How long the wafer stays at one cycle, idle, before the heap is given back: a user stepping
     * cycle by cycle would otherwise pause for a full collection after every step.
     */
    static final long QUIET_NANOS = 3_000_000_000L;
    /** Whether {@link #prepare} runs at all (the system property {@code waferscope.prepareBack}, for measuring). */
    private static final boolean PREPARE = !"off".equals(System.getProperty("waferscope.prepareBack"));

    /** The wall clock the quiet is timed by, and what gives the heap back ({@link IdleHeap#giveBack}); tests pass their own. */
    private final LongSupplier wall;
    private final LongBinaryOperator giveBack;

    History(long cap, int rerunWorkers) {
        this(cap, rerunWorkers, System::nanoTime, IdleHeap::giveBack);
    }

    History(long cap, int rerunWorkers, LongSupplier wall, LongBinaryOperator giveBack) {
        this.cap = cap;
        this.back = new StepBack(rerunWorkers);
        this.wall = wall;
        this.giveBack = giveBack;
    }

    /** A program was placed on {@code w}: its history starts with the cycle-0 snapshot. */
    TimeTravel start(Wafer w, long keepNearEvery) {
        startOwing(w, keepNearEvery);
        takeStart(w, null);
        return travel;
    }

    /**
     * As {@link #start}, but the cycle-0 snapshot is owed until {@link #takeStart}: the
     * simulator takes it once the load's first frame is out, so a full wafer is on show
     * that much sooner (a third of a second of its load), and before anything moves the wafer.
     */
    TimeTravel startOwing(Wafer w, long keepNearEvery) {
        stateBytes = FabricSnapshot.estimateBytes(w.fabric());
        travel = new TimeTravel(budgetFor(w), 1_000, w::rerunStepperBytes);
        if (keepNearEvery > 0) {
            travel.keepNearEvery(keepNearEvery);
        }
        startOwed = true;
        preparedAt = -1;
        quietCycle = -1;
        return travel;
    }

    /**
     * Takes the cycle-0 snapshot {@link #startOwing} left owed, if it is; when the wafer's state
     * proves too large to keep snapshots, says so on {@code console} (if given).
     */
    void takeStart(Wafer w, ConsoleLog console) {
        if (!startOwed) {
            return;
        }
        if (w.cycle() != 0) {
            throw new IllegalStateException("the cycle-0 snapshot is owed, but the wafer is at cycle " + w.cycle());
        }
        startOwed = false;
        travel.maybeRecord(w);
        if (travel.tooLarge() && console != null) {
            console.add(0, ConsoleLine.Kind.WARNING, -1, -1, "this fabric's state is too large to keep snapshots "
                    + "in this heap; stepping back and reset load the program afresh and re-run");
        }
    }

    /**
     * The heap everything time travel holds may take for this wafer: half of the fabric's
     * mutable state (at least 64 MB), but no more than the simulator's cap (a quarter of the
     * heap by default). Why half: a bare run holds that state and about as much again (the
     * program's tables, the collector's room), and the explorer's resident memory grows by
     * more than its live heap does (the collector keeps more room around a larger heap: at full
     * wafer, allreduce's run is 1,215 MB live and 1,428 MB resident, its explorer 1,953 MB live
     * and 2,480 MB resident); so half of the state is about what 1.5 times a run's memory leaves.
     */
    long budgetFor(Wafer w) {
        long half = FabricSnapshot.estimateBytes(w.fabric()) / 2;
        return Math.min(cap, Math.max(64L << 20, half));
    }

    TimeTravel travel() {
        return travel;
    }

    StepBack back() {
        return back;
    }

    /**
     * Brings {@code w} back to {@code target}: restores the newest snapshot at or before it and
     * re-runs, or, without snapshots, re-runs the wafer {@code reload} puts the program on
     * afresh. Returns the wafer now simulated.
     */
    Wafer restoreTo(Wafer w, long target, Supplier<Wafer> reload) {
        Wafer.Snapshot s = travel.before(target);
        if (s == null) {
            w = reload.get();
            back.fromStart(w, target);
        } else {
            back.to(w, travel, s, target);
        }
        preparedAt = -1;
        quietCycle = -1;
        return w;
    }

    /**
     * The most a step back right after a stop may re-run, by the run's clock (one thread): on
     * two workers about half of it, beside a restore, within the 2 s a step back may take.
     */
    static final long STOP_RERUN_NANOS = 1_000_000_000L;
    /** Whether {@link #keepBeforeStop} keeps anything (the system property {@code waferscope.stopSnapshot}, for measuring). */
    private static final boolean STOP_SNAPSHOT = !"off".equals(System.getProperty("waferscope.stopSnapshot"));

    /**
     * Whether a run about to stop after its next cycle (a Pause or a step back waits, or a cycle
     * breakpoint is one cycle ahead) should keep a snapshot first: a step back clicked at once
     * re-runs from the newest snapshot, which the run spaces by its cost up to 15 s of running
     * apart, while one kept here makes it a restore. Only when the run since the newest took
     * longer than {@link #STOP_RERUN_NANOS} and than the snapshot is expected to cost (tests:
     * always, when snapshots are kept by rule, {@link TimeTravel#ranPast}).
     */
    boolean worthKeepingBeforeStop(Wafer w) {
        if (!STOP_SNAPSHOT || travel == null || travel.tooLarge() || TimeTravel.FIXED_EVERY > 0
                || w.status() != WaferStatus.RUNNING) {
            return false;
        }
        return travel.ranPast(w, STOP_RERUN_NANOS);
    }

    /**
     * Keeps a run's snapshot of {@code w} before the last cycle of a run that stops, if
     * {@link #worthKeepingBeforeStop worth it}; {@code giveUp} as for the run's others. Returns
     * the CPU it took by {@link TimeTravel#clock()} (0: none taken).
     */
    long keepBeforeStop(Wafer w, BooleanSupplier giveUp) {
        if (!worthKeepingBeforeStop(w)) {
            return 0;
        }
        long c0 = TimeTravel.clock();
        return travel.recordNow(w, giveUp) ? TimeTravel.clock() - c0 : 0;
    }

    /**
     * The simulator has nothing to do on {@code w}: if {@code paused}, the next step back is
     * {@link #prepare prepared}; once that is done and the wafer has stayed at this cycle for
     * {@link #QUIET_NANOS}, the preparation's time included, unless {@code cancel} says a command
     * waits, the heap is given back ({@link IdleHeap}): at once after a preparation that long,
     * which re-ran from the run's snapshot and grew the heap it gives back.
     */
    void idle(Wafer w, boolean paused, BooleanSupplier cancel) {
        if (quietCycle != w.cycle()) {
            // the quiet counts from here, the preparation included: the user has been looking at
            // this cycle all along, and a long one (a re-run from the run's snapshot, up to 15 s
            // of running back) is what grew the heap
            quietCycle = w.cycle();
            quietSince = wall.getAsLong();
        }
        if (paused && !prepare(w, cancel) || cancel.getAsBoolean()) {
            quietCycle = -1;
            return;
        }
        long now = wall.getAsLong();
        if (now - quietSince >= QUIET_NANOS) {
            long kept = giveBack.applyAsLong(stateBytes, heapKept);
            heapKept = kept >= 0 ? kept : heapKept;
            quietSince = now;
        }
    }

    /**
     * Prepares, while paused, the steps back a user most likely asks next (one cycle, or up to
     * {@link TimeTravel#nearCycles()}): when the newest snapshot before the present lies more than
     * that many cycles back, or it lies just below the present (within a quarter of that, as a
     * step back leaves one, or within {@link #LONGER_STEP}) and none lies within that many below
     * the cycle that many back (so a step back of ten would re-run from far), snapshots
     * the present, restores the newest one at or before that cycle, re-runs up to it, keeps a
     * snapshot there ({@link TimeTravel#keepNear}) and restores the present again. The next
     * steps back then re-run from it, a fraction of a second.
     *
     * <p>{@code cancel} is asked between cycles and while a snapshot is taken: once it says true
     * (the user did something), the work stops and the present is restored, so the wafer is
     * exactly as before either way (the same state, console and timeline). Returns false when
     * cancelled (tried again at the next call), true when done or nothing was to be done.
     */
    boolean prepare(Wafer w, BooleanSupplier cancel) {
        long present = w.cycle();
        if (!PREPARE || preparedAt == present || travel == null || travel.tooLarge()
                || w.status() != WaferStatus.RUNNING) {
            return true;
        }
        // over the budget (a step back or preparation from far kept its near one), what lies ahead goes first
        travel.dropAheadIfOver(present);
        Wafer.Snapshot before = travel.before(present - 1);
        long near = travel.nearCycles();
        long nearAt = present - near;
        boolean justBelow = before != null && before.cycle() >= present - Math.max(1, near / 4);
        long longer = present - Math.min(near, LONGER_STEP);
        if (before == null || before.cycle() >= present
                || covered(before, nearAt) && (!justBelow || covered(travel.before(nearAt), nearAt - near))
                        && (before.cycle() <= longer || covered(travel.before(longer), longer - near))) {
            preparedAt = present;
            return true;
        }
        Wafer.Snapshot here = travel.pinPresent(w, cancel);
        if (here == null) {
            return false;
        }
        Wafer.Snapshot from = travel.before(nearAt);   // taken after the pin, which drops nothing
        boolean[] done = new boolean[1];
        boolean[] letGo = new boolean[1];
        try {
            w.asideFromTimeline(() -> {
                w.restore(from, false);
                rerun(w, nearAt, cancel);
                if (w.cycle() == nearAt && !cancel.getAsBoolean()) {
                    // the present is the one kept and a few cycles on: when the budget cannot hold
                    // both, the present's goes first (the slabs keep the most they ever held), and
                    // from here on nothing is cancelled: a command waits for a snapshot and a
                    // re-run of nearCycles, what the step back it prepares would cost anyway
                    letGo[0] = travel.noRoomBeside(here);
                    if (letGo[0]) {
                        travel.unpinAndDrop(here);
                    }
                    travel.keepNear(w, from);
                    rerun(w, present, letGo[0] ? () -> false : cancel);   // from the one just kept
                    done[0] = w.cycle() == present;
                }
                if (!done[0]) {
                    w.restore(here, false);
                    rerun(w, present, () -> false);   // a cycle, when it is the stop's snapshot
                }
            });
        } finally {
            travel.unpin();
        }
        if (done[0] && !letGo[0]) {
            travel.dropIfOver(here);
        }
        travel.dropAheadIfOver(present);
        travel.rewound(0);
        if (done[0]) {
            preparedAt = present;
        }
        return done[0];
    }

    /**
     * The longer step back a user asks beside steps of one ({@link TimeTravel#NEAR_CYCLES} is one
     * of it and two of one): a snapshot fewer cycles than this below the present does not serve
     * it, so a preparation finds the one below that within reach too (one 4 to 9 cycles below
     * the present once passed for both, and a step back of ten fell to cycle 0: 19.56 s).
     */
    static final long LONGER_STEP = TimeTravel.NEAR_CYCLES - 2;

    /** Whether a snapshot lies at or after {@code cycle} (at most a preparation's distance below what it must serve). */
    private static boolean covered(Wafer.Snapshot s, long cycle) {
        return s != null && s.cycle() >= cycle;
    }

    /** Re-runs {@code w} on every core up to {@code target}, muted, stopping between cycles once {@code cancel} says so. */
    private void rerun(Wafer w, long target, BooleanSupplier cancel) {
        w.setMuted(true);
        w.interruptWhen(cancel);
        try {
            while (w.cycle() < target && w.status() == WaferStatus.RUNNING && !cancel.getAsBoolean()) {
                w.rerun(target - w.cycle(), back.workers());
            }
        } finally {
            w.interruptWhen(null);
            w.setMuted(false);
        }
    }
}
