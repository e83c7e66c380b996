package org.waferscope.engine.sim;

import org.waferscope.engine.fabric.FabricSnapshot;

/**
 * When a run takes its next step-back snapshot: spaced by what snapshots cost, so that they
 * take at most {@link #SHARE} of the simulating thread, since that share is what the explorer
 * runs slower than a bare {@code run} by (issue 14).
 *
 * <p>A snapshot is due when the run since the last one has taken {@link #spacing()} times what
 * the next one is expected to cost (both timed by {@link TimeTravel#clock()}, the thread's
 * CPU), and either {@code interval} cycles have passed or {@link #MAX_RERUN_NANOS} of running:
 * cheap snapshots (a small fabric, a sparse one) still come often, so that a step back re-runs
 * little. Dear ones come further apart: a step back is prepared while paused
 * ({@link History#prepare}), which keeps a snapshot near the present, so the run's snapshots
 * only bound what that preparation (and a step back clicked before it is done) re-runs. That
 * is bounded too: at the latest after {@link #LONGEST_RERUN_NANOS} of running a snapshot is
 * taken whatever its share.
 *
 * <p>The next snapshot's cost is the last one's, scaled by the PEs it will read against those
 * the last one read, plus a quarter of the wafer for what every snapshot compares whole. The
 * cycle-0 snapshot counts as having read every PE, at no less than
 * {@link #FIRST_NANOS_PER_BYTE} per byte of the state: so the snapshot after a launch, which
 * reads every PE the launch woke, is expected to cost about a whole copy (at full wafer it
 * comes at the latest rerun), and the ones after it, once the activity has narrowed, far less.
 *
 * <p>Threads: the simulation thread only.
 */
final class SnapshotSchedule {
    /** The share of the simulating thread that snapshots may take (the system property {@code waferscope.snapshotShare}, for measuring). */
    static final double SHARE = share(System.getProperty("waferscope.snapshotShare"));
    /** Cheap snapshots: at the latest after this much running, so a step back re-runs at most about that long. */
    static final long MAX_RERUN_NANOS = 800_000_000L;
    /**
     * Dear snapshots: at the latest after this much running, whatever their share, so that a
     * step back clicked before its preparation is done re-runs at most this much of the run
     * (on two cores about half of it in wall time); the system property
     * {@code waferscope.longestRerun} (seconds) sets it, for measuring. 15 s, not 10: a full-wafer
     * Game of Life snapshot costs the thread about 1 s, so a bound of 10 s made snapshots 8–10 %
     * of the run (the explorer at 87.6–89.5 % of {@code run}'s speed) where the share allows 5 %;
     * at 15 s it was 90.2–94.0 % (docs/benchmarks.md, "Session 14, at the end").
     */
    static final long LONGEST_RERUN_NANOS = (long) (1e9 * Double.parseDouble(
            System.getProperty("waferscope.longestRerun", "15")));

    private long interval;
    private long runNanos;
    private long lastCostNanos;
    /** PEs the last snapshot read, and those of the wafer (what the cost of the next is scaled by). */
    private int lastRead;
    private int pes;
    /** Run time and cycles so far: the pace. */
    private long paceNanos;
    private long paceCycles;

    SnapshotSchedule(long initialInterval) {
        interval = initialInterval;
    }

    private static double share(String s) {
        double v = s == null ? 0.05 : Double.parseDouble(s);
        return Math.max(0.001, Math.min(0.5, v));
    }

    /** How many times a snapshot's cost the run between two takes: 19 for a share of 5 %. */
    static double spacing() {
        return (1 - SHARE) / SHARE;
    }

    /** The run went on for {@code nanos} over {@code cycles} cycles (0: time that is not the run's pace). */
    void ran(long nanos, long cycles) {
        runNanos += nanos;
        if (cycles > 0) {
            paceNanos += nanos;
            paceCycles += cycles;
        }
    }

    /** The run since the last snapshot is now {@code nanos} (a step back re-ran that much since the one it restored). */
    void runSince(long nanos) {
        runNanos = nanos;
    }

    /** The run since the last snapshot, by {@link TimeTravel#clock()}. */
    long runNanos() {
        return runNanos;
    }

    /** The simulator's pace so far, cycles per second of {@link TimeTravel#clock()}; 0 before any run. */
    double cyclesPerSecond() {
        return paceCycles == 0 || paceNanos == 0 ? 0 : paceCycles * 1e9 / paceNanos;
    }

    /** Whether a snapshot is due, {@code cyclesSince} cycles after the last one, on {@code w}. */
    boolean due(Wafer w, long cyclesSince) {
        if (TimeTravel.FIXED_EVERY > 0) {
            return cyclesSince >= TimeTravel.FIXED_EVERY;
        }
        if (runNanos >= LONGEST_RERUN_NANOS) {
            return true;
        }
        return runNanos >= spacing() * expectedCost(w) && (cyclesSince >= interval || runNanos >= MAX_RERUN_NANOS);
    }

    /**
     * What the first snapshot after cycle 0 is taken to cost at least, per byte of the fabric's
     * state: that one reads every PE the launch woke, and copies what they changed, while the
     * cycle-0 one, though a whole copy, finds most pieces equal to others (PEs of one program
     * start alike) and may cost a fifth of it (Game of Life at full wafer: 0.3 s, the next 1.6 s).
     */
    static final double FIRST_NANOS_PER_BYTE = 2.0;

    /** A run's snapshot was taken: it cost {@code cost}, read {@code read} PEs of {@code w}; the run starts again from it. */
    void taken(Wafer w, long cost, int read) {
        if (pes == 0) {   // the cycle-0 one
            cost = Math.max(cost, (long) (FIRST_NANOS_PER_BYTE * FabricSnapshot.estimateBytes(w.fabric())));
        }
        lastCostNanos = cost;
        lastRead = read;
        pes = w.fabric().n;
        runNanos = 0;
    }

    /** Older snapshots were thinned: the run's snapshots come half as often by cycles. */
    void thinned() {
        interval *= 2;
    }

    /** What the next snapshot of {@code w} should cost (see the class comment). */
    long expectedCost(Wafer w) {
        if (lastRead == 0) {
            return lastCostNanos;
        }
        double fixed = pes / 4.0;
        return (long) (lastCostNanos * (FabricSnapshot.pesToRead(w.fabric()) + fixed) / (lastRead + fixed));
    }
}
