package org.waferscope.engine.sim;

import java.util.function.BooleanSupplier;

/**
 * The step-back snapshots one stretch of the simulator's stepping takes: the run's own when
 * due ({@link TimeTravel#maybeRecord}), and, when a run is to stop after its next cycle (a
 * Pause or a step back waits, or a cycle breakpoint lies one cycle ahead), one before that
 * cycle ({@link History#keepBeforeStop}), so that a step back clicked at once restores it
 * rather than re-running from the run's newest, up to 10 s of running back. That last cycle
 * runs on its own; a run split so steps as an unsplit one does.
 *
 * <p>Threads: the simulation thread only.
 */
final class RunSnapshots {
    private final History history;
    private final RunLedger ledger;
    private final Wafer wafer;
    /** A run's slice, which a stop cuts (a Step runs its cycles and keeps nothing before its end). */
    private final boolean cutting;
    /** A Pause, step back, reset or load waits. */
    private final BooleanSupplier stopping;
    /** Of those, a reset or a load, which no snapshot before the stop serves. */
    private final BooleanSupplier leaving;
    /** The snapshot before the stop is kept (or was not worth it): the next cycle is the run's last. */
    private boolean last;

    RunSnapshots(History history, RunLedger ledger, Wafer wafer, boolean cutting, BooleanSupplier stopping,
                 BooleanSupplier leaving) {
        this.history = history;
        this.ledger = ledger;
        this.wafer = wafer;
        this.cutting = cutting;
        this.stopping = stopping;
        this.leaving = leaving;
    }

    /**
     * Takes the run's snapshot if one is due (given up when a stop waits: at full wafer it can
     * take seconds); false when the run ends here, before another cycle. {@code last} is why
     * the last step ended (null before the first).
     */
    boolean takeAndGoOn(StopReason last) {
        boolean stop = cutting && stopping.getAsBoolean();
        if (last == StopReason.INTERRUPTED && !stop) {
            // a Step's interruption, or a running slice's deadline or another command
            // (RunPacer#sliceEnd): the step ends here, and no stop waits to keep anything for
            return false;
        }
        if (stop) {
            return !this.last && !leaving.getAsBoolean() && history.worthKeepingBeforeStop(wafer);
        }
        TimeTravel travel = history.travel();
        long s0 = TimeTravel.clock();
        int taken = travel.taken();
        travel.maybeRecord(wafer, stopping);
        ledger.snapshot(TimeTravel.clock() - s0, travel.taken() > taken);
        return !cutting || !stopping.getAsBoolean() || takeAndGoOn(StopReason.INTERRUPTED);
    }

    /**
     * The cycles the next step runs, {@code planned} as the stepping loop would, unless the run
     * stops after the next cycle ({@code watch}'s cycle breakpoint, or a stop that waits): then
     * that cycle on its own, after the snapshot before it.
     */
    long chunk(long planned, BreakWatch watch) {
        if (!cutting || last) {
            return planned;
        }
        boolean stop = stopping.getAsBoolean();
        if (!stop && (watch == null || !watch.stopsAt(wafer.cycle() + planned) || !history.worthKeepingBeforeStop(wafer))) {
            return planned;
        }
        if (!stop && planned > 1) {
            return planned - 1;   // the last cycle on its own, at the next turn
        }
        ledger.stopping(history.keepBeforeStop(wafer, leaving));
        last = true;
        return 1;
    }
}
