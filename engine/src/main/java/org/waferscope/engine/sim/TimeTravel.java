package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricSnapshot;

/**
 * Snapshots taken as a run goes, for stepping back: restore the newest snapshot at or
 * before the target cycle, then re-run forward (exact, because the engine is
 * deterministic). The first snapshot (cycle 0) is always kept.
 *
 * <p>Each snapshot shares with the one before it what has not changed
 * ({@link FabricSnapshot#of(org.waferscope.engine.fabric.Fabric, FabricSnapshot)}), and its
 * cost is its own pieces. A snapshot is due {@code interval} cycles after the last one, but
 * not before the run since then has taken ten times what the next snapshot is expected to
 * take (the last one's, scaled by the PEs it will read: so snapshots cost at most about a
 * tenth of the run, both timed by {@link #clock()}), and at the latest after
 * {@link #MAX_RERUN_NANOS} of running (so a step back re-runs at most that long), unless
 * snapshots are so dear that this would spend more than a tenth of the run on them. When the
 * snapshots exceed the memory budget, every other one of the older half is dropped and the
 * interval doubles: recent history stays fine-grained. A fabric whose state alone far
 * exceeds the budget gets no snapshots at all: the simulator then steps back by loading the
 * program afresh and re-running.
 *
 * <p>Threads: the simulation thread only.
 */
final class TimeTravel {
    /** The longest run between two snapshots, by {@link #clock()}: what one step back may have to re-run. */
    static final long MAX_RERUN_NANOS = 800_000_000L;

    private final long budgetBytes;
    private final List<Wafer.Snapshot> snapshots = new ArrayList<>();
    private long interval;
    private long bytes;
    private boolean tooLarge;
    private long runNanos;
    private long lastCostNanos;
    /** PEs the last snapshot read, and those of the wafer (what the cost of the next is scaled by). */
    private int lastRead;
    private int pes;
    private long takenNanos;
    private long takenCpuNanos;
    private int taken;

    /** The fabric snapshotted (whose slabs the dropped snapshots' slots go back to). */
    private Fabric fabric;

    TimeTravel(long budgetBytes, long initialInterval) {
        this.budgetBytes = budgetBytes;
        this.interval = initialInterval;
    }

    /** True when the wafer's state is too large to snapshot within the budget. */
    boolean tooLarge() {
        return tooLarge;
    }

    /** The simulator ran the wafer for {@code nanos} by {@link #clock()} since the last call. */
    void ran(long nanos) {
        runNanos += nanos;
    }

    /** Takes a snapshot if the wafer is far enough past the last one. */
    void maybeRecord(Wafer w) {
        maybeRecord(w, null);
    }

    /**
     * As {@link #maybeRecord(Wafer)}, but a snapshot after the first is given up as soon as
     * {@code giveUp} says so (a Pause waits), and tried again at the next call: the run since
     * the last one still counts.
     */
    void maybeRecord(Wafer w, java.util.function.BooleanSupplier giveUp) {
        if (tooLarge) {
            return;
        }
        if (snapshots.isEmpty() && FabricSnapshot.estimateBytes(w.fabric()) / 4 > budgetBytes) {
            tooLarge = true;
            return;
        }
        Wafer.Snapshot last = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        if (last != null && (w.cycle() <= last.cycle() || !due(w.cycle() - last.cycle(), expectedCost(w)))) {
            return;
        }
        int toRead = FabricSnapshot.pesToRead(w.fabric());
        long t0 = System.nanoTime();
        long c0 = clock();
        Wafer.Snapshot s = w.snapshot(last, last == null ? null : giveUp);
        fabric = w.fabric();
        takenNanos += System.nanoTime() - t0;
        long cost = clock() - c0;
        takenCpuNanos += cost;
        if (s == null) {
            return;
        }
        taken++;
        // The first snapshot copies everything, and the one after it what the launch changed
        // (every PE runs at once); later ones copy what changed since, so their cost says
        // nothing about the later ones' (at full wafer it put the next one past the run's end).
        lastCostNanos = taken <= 2 ? 0 : cost;
        lastRead = toRead;
        pes = w.fabric().n;
        runNanos = 0;
        if (last == null && s.bytes() > budgetBytes) {
            tooLarge = true;
            return;
        }
        snapshots.add(s);
        bytes += s.bytes();
        while (bytes > budgetBytes && snapshots.size() > 2) {
            thinOlderHalf();
        }
    }

    private boolean due(long cyclesSince, long expectedCost) {
        if (runNanos >= MAX_RERUN_NANOS && runNanos >= 9 * expectedCost) {
            return true;   // keeps a step back short, as long as snapshots stay under a tenth of the run
        }
        return cyclesSince >= interval && runNanos >= 10 * expectedCost;
    }

    /**
     * What the next snapshot should cost: the last one's, scaled by the PEs it will read
     * against those the last one read, plus a quarter of the wafer for what every snapshot
     * compares whole. The snapshot after a launch, which reads every PE, then does not space
     * the later ones of a program whose activity has since narrowed to a few rows.
     */
    private long expectedCost(Wafer w) {
        if (lastRead == 0) {
            return lastCostNanos;
        }
        double fixed = pes / 4.0;
        return (long) (lastCostNanos * (FabricSnapshot.pesToRead(w.fabric()) + fixed) / (lastRead + fixed));
    }

    /** Drops every other snapshot of the older half (never the first) and doubles the interval. */
    private void thinOlderHalf() {
        int older = Math.max(2, snapshots.size() / 2);
        List<Wafer.Snapshot> kept = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            if (i == 0 || i >= older || i % 2 == 0) {
                kept.add(snapshots.get(i));
            }
        }
        if (kept.size() == snapshots.size()) {
            kept.remove(1);
        }
        for (int i = 1; i < snapshots.size() - 1; i++) {
            if (!kept.contains(snapshots.get(i))) {
                FabricSnapshot.recycle(snapshots.get(i).fabric());
            }
        }
        snapshots.clear();
        snapshots.addAll(kept);
        recount();
        interval *= 2;
    }

    /** The slabs' pieces in use, and each snapshot's own lists and memories, against the one now before it. */
    private void recount() {
        bytes = FabricSnapshot.heldBytes(fabric);
        Wafer.Snapshot before = null;
        for (Wafer.Snapshot s : snapshots) {
            bytes += s.fabric().bytesBeyond(before == null ? null : before.fabric());
            before = s;
        }
    }

    /** The newest snapshot at or before {@code cycle}; the cycle-0 one at worst; null when there are none. */
    Wafer.Snapshot before(long cycle) {
        if (snapshots.isEmpty()) {
            return null;
        }
        Wafer.Snapshot best = snapshots.get(0);
        for (Wafer.Snapshot s : snapshots) {
            if (s.cycle() <= cycle) {
                best = s;
            }
        }
        return best;
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /**
     * The clock that run time and snapshot costs are measured by: the simulation thread's CPU
     * time (it is the stepper's worker 0), or wall time where the JVM does not measure that.
     * Wall time counts the collector's pauses and whatever else the machine runs, which
     * other jobs can stretch to seconds; both would space snapshots by the machine's load
     * rather than by what they cost the simulator.
     */
    static long clock() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Wall time spent taking snapshots since this was made. */
    long takenNanos() {
        return takenNanos;
    }

    /** Time taken by snapshots by {@link #clock()} (the simulating thread's CPU) since this was made. */
    long takenCpuNanos() {
        return takenCpuNanos;
    }

    int count() {
        return snapshots.size();
    }

    /** Snapshots taken since this was made, those dropped since included. */
    int taken() {
        return taken;
    }

    /** Bytes snapshots copied into the slots of dropped ones rather than into new ones. */
    long reusedBytes() {
        return fabric == null ? 0 : FabricSnapshot.reusedBytes(fabric);
    }

    /** Heap the snapshots hold, each shared piece counted once. */
    long bytes() {
        return bytes;
    }

    /** All of the above in one record, for the explorer's benchmark. */
    SnapshotFigures figures() {
        return new SnapshotFigures(count(), taken, bytes, takenNanos, takenCpuNanos, reusedBytes());
    }
}
