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
 * ({@link FabricSnapshot#of(org.waferscope.engine.fabric.Fabric, FabricSnapshot)}). They are
 * spaced by their cost ({@link SnapshotSchedule}); over the memory budget every other one of
 * the older half is dropped and the interval doubles: recent history stays fine-grained. A
 * fabric whose state alone far exceeds the budget gets none: a step back then loads afresh.
 *
 * <p>A step back may also keep one snapshot of its own, shortly before its target
 * ({@link #keepNear}, see {@link StepBack}); thinning never drops it, the one the step back
 * restored (unless nothing else is left to drop), the first or the newest.
 *
 * <p>Threads: the simulation thread only.
 */
final class TimeTravel {
    /** How long, by the run's pace, the re-run from a snapshot kept near a step back's target should take. */
    static final long NEAR_NANOS = 250_000_000L;
    /** The fewest cycles before a step back's target that a snapshot is kept at: a step back of ten and two of one. */
    static final long NEAR_CYCLES = 12;

    private final long budgetBytes;
    /** Heap held for time travel outside the snapshots' slabs: the re-run stepper's (see {@link HistoryBytes}). */
    private final java.util.function.LongSupplier rerunBytes;
    /**
     * For measuring: a snapshot every this many cycles exactly, whatever the times, and one kept
     * {@link #NEAR_CYCLES} before every step back's target (0: by the times), from the system
     * property {@code waferscope.snapshotEvery}; so that runs keep the same snapshots and their
     * memory can be compared.
     */
    static final long FIXED_EVERY = Long.getLong("waferscope.snapshotEvery", 0);
    private final List<Wafer.Snapshot> snapshots = new ArrayList<>();
    /** The snapshots' own lists and small arrays (the slabs' pieces aside), and what the last one taken on a run copied. */
    private long listBytes;
    private long lastBytes;
    private final SnapshotSchedule schedule;
    private long bytes;
    private boolean tooLarge;
    private long takenNanos;
    private long takenCpuNanos;
    private int taken;
    /** The snapshot kept near the last step back's target, if any. */
    private Wafer.Snapshot near;
    /** A snapshot that nothing drops while set: the present one a preparation will restore ({@link #pin}). */
    private Wafer.Snapshot pinned;
    private long keptNearCost;
    /** What the last snapshot kept near a target copied: what the next one is expected to. */
    private long keptNearBytes;
    /** For tests: a snapshot kept this many cycles before every step back's target, whatever the times (0: by the times). */
    private long fixedNear;

    /** The fabric snapshotted (whose slabs the dropped snapshots' slots go back to). */
    private Fabric fabric;

    TimeTravel(long budgetBytes, long initialInterval) {
        this(budgetBytes, initialInterval, () -> 0);
    }

    /**
     * Snapshots within {@code budgetBytes} of heap, counted together with {@code rerunBytes}
     * (the re-run stepper's heap) and the slabs made ahead: everything time travel holds.
     */
    TimeTravel(long budgetBytes, long initialInterval, java.util.function.LongSupplier rerunBytes) {
        this.budgetBytes = budgetBytes;
        this.schedule = new SnapshotSchedule(initialInterval);
        this.rerunBytes = rerunBytes;
        if (FIXED_EVERY > 0) {
            fixedNear = NEAR_CYCLES;
        }
    }

    /** Cycles from {@code cycle} to the next snapshot on the fixed schedule ({@link #FIXED_EVERY}); at most {@code max}. */
    long cyclesToNextFixed(long cycle, long max) {
        if (FIXED_EVERY <= 0 || snapshots.isEmpty()) {
            return max;
        }
        long next = snapshots.get(snapshots.size() - 1).cycle() + FIXED_EVERY;
        return next > cycle ? Math.min(max, next - cycle) : max;
    }

    /** For tests: keeps a snapshot {@code cycles} before every step back's target that lies past the one restored. */
    void keepNearEvery(long cycles) {
        fixedNear = cycles;
    }

    /** True when the wafer's state is too large to snapshot within the budget. */
    boolean tooLarge() {
        return tooLarge;
    }

    /**
     * The simulator ran the wafer for {@code nanos} by {@link #clock()} since the last call, over
     * {@code cycles} cycles: the run's pace, which spaces the snapshots kept near a step back's target.
     */
    void ran(long nanos, long cycles) {
        schedule.ran(nanos, cycles);
    }

    /**
     * The cycles a run takes {@link #NEAR_NANOS} to simulate at the pace seen so far, but at
     * least {@link #NEAR_CYCLES}: how far before a step back's target a snapshot is kept, so
     * that the next steps back (one cycle, one again, then ten) re-run from it, about that
     * long at most.
     */
    long nearCycles() {
        if (fixedNear > 0) {
            return fixedNear;
        }
        double pace = schedule.cyclesPerSecond();
        if (pace == 0) {
            return 100;
        }
        return Math.max(NEAR_CYCLES, (long) (NEAR_NANOS * pace / 1e9));
    }

    /** Whether a snapshot here, in a step back's re-run, pays: the re-run so far cost at least what it should (the next step back would re-run it all again). */
    boolean worthKeeping(Wafer w, long rerunNanos) {
        return !tooLarge && !snapshots.isEmpty() && (fixedNear > 0 || rerunNanos >= schedule.expectedCost(w));
    }

    /**
     * Keeps a snapshot of {@code w} taken during a step back's re-run, after {@code base}
     * (the snapshot just restored, whose pieces it shares where no PE was visited since). At
     * most one such is kept: the one before goes, unless a run has passed it since (then it
     * is one of the run's). When the budget is exceeded the run's older snapshots are thinned
     * as always, but the one {@code base} stays, so a step back further than this one does
     * not fall to cycle 0; only if that is not enough, and this one copied more than a
     * quarter of the budget, does {@code base} go too.
     */
    void keepNear(Wafer w, Wafer.Snapshot base) {
        if (tooLarge || w.cycle() <= base.cycle() || snapshots.stream().anyMatch(s -> s.cycle() == w.cycle())) {
            return;
        }
        if (near != null && near != base && near != pinned) {
            // let go first, so that the new one fills the slots freed rather than fresh slabs
            // (slabs are given back only when the last ones are left empty: the most ever held stays)
            drop(near);
            near = null;
            recount();
        }
        long expected = Math.max(keptNearBytes, lastBytes);
        while (need() + expected > budgetBytes && thinOlderHalf(base)) {
            // room made first, as before a run's snapshot
        }
        long c0 = clock();
        long t0 = System.nanoTime();
        Wafer.Snapshot s = w.snapshot(base);
        takenNanos += System.nanoTime() - t0;
        long cost = clock() - c0;
        takenCpuNanos += cost;
        taken++;
        keptNearCost = cost;
        keptNearBytes = s.bytes();
        insert(s);
        near = s;
        recount();
        while (need() > budgetBytes && thinOlderHalf(base)) {
            // the run's older snapshots thinned, the restored one and this one kept
        }
        if (need() > budgetBytes && base != snapshots.get(0) && base != pinned && s.bytes() > budgetBytes / 4) {
            // still too much, and snapshots are dear (one of Game of Life's is about the whole
            // budget): this one stands in for the restored one. Cheap ones (allreduce's copy a
            // few MB) keep it: without it the next step back or preparation further back
            // re-runs from the one before, at worst from cycle 0 (5,000 cycles once)
            drop(base);
            recount();
        }
        schedule.runSince(0);
    }

    /** Adds {@code s} in cycle order. */
    private void insert(Wafer.Snapshot s) {
        int at = 0;
        while (at < snapshots.size() && snapshots.get(at).cycle() < s.cycle()) {
            at++;
        }
        snapshots.add(at, s);
    }

    private void drop(Wafer.Snapshot s) {
        if (isBase(s)) {
            return;   // the fabric's next snapshot or restore compares against its pieces
        }
        if (snapshots.remove(s)) {
            FabricSnapshot.recycle(s.fabric());
        }
    }

    /**
     * A snapshot of {@code w} now or a cycle before, for a preparation to come back to: the one kept
     * at this cycle or the one before (a stop's, {@link History#keepBeforeStop}), else one taken now
     * (a run's); null when {@code giveUp} gave it up. Pinned until {@link #unpin}: nothing drops it.
     */
    Wafer.Snapshot pinPresent(Wafer w, java.util.function.BooleanSupplier giveUp) {
        Wafer.Snapshot at = before(w.cycle());
        if (at == null || at.cycle() < w.cycle() - 1) {
            long c0 = clock();
            long t0 = System.nanoTime();
            at = w.snapshot(at, giveUp);
            takenNanos += System.nanoTime() - t0;
            takenCpuNanos += clock() - c0;
            if (at == null) {
                return null;
            }
            taken++;
            insert(at);
            schedule.runSince(0);
        }
        pinned = at;
        recount();
        return at;
    }

    /** The pinned snapshot may go again like any other; the older ones are thinned to the budget. */
    void unpin() {
        pinned = null;
        while (need() > budgetBytes && thinOlderHalf(null)) {
            // thinned until they fit, the fabric's base, the near one and the newest kept
        }
    }

    /**
     * Whether holding {@code pinned} leaves no room in the budget for a snapshot kept near a
     * target as large as the last one (or as {@code pinned}): then a preparation lets it go
     * before keeping that one rather than after, so the slabs never hold both.
     */
    boolean noRoomBeside(Wafer.Snapshot pinned) {
        return need() + Math.max(keptNearBytes, pinned.bytes()) > budgetBytes;
    }

    /** Unpins {@code s} and drops it (unless it is the first or the fabric's base). */
    void unpinAndDrop(Wafer.Snapshot s) {
        if (pinned == s) {
            pinned = null;
        }
        if (near == s) {
            near = null;
        }
        if (s != snapshots.get(0)) {
            drop(s);
            recount();
        }
    }

    /** Drops {@code s} (not the fabric's base) when everything held is over the budget: a preparation's pinned one, once passed. */
    void dropIfOver(Wafer.Snapshot s) {
        if (need() > budgetBytes && snapshots.size() > 1 && s != snapshots.get(0)) {
            drop(s);
            recount();
        }
    }

    /** Over the budget, drops the snapshots after {@code present}, newest first (but the base, near or pinned one): no step back from here restores them. */
    void dropAheadIfOver(long present) {
        for (int i = snapshots.size() - 1; i > 0 && need() > budgetBytes && snapshots.get(i).cycle() > present; i--) {
            Wafer.Snapshot s = snapshots.get(i);
            if (s != near && s != pinned && !isBase(s)) {
                drop(s);
                recount();
            }
        }
    }

    /** Whether {@code s} is the fabric's base (see {@link FabricSnapshot#baseOf}), which is never dropped. */
    private boolean isBase(Wafer.Snapshot s) {
        return fabric != null && FabricSnapshot.baseOf(fabric) == s.fabric();
    }

    /** What the last {@link #keepNear} cost by {@link #clock()}. */
    long keptNearCost() {
        return keptNearCost;
    }

    /**
     * A step back re-ran for {@code nanos} by {@link #clock()} from the snapshot it restored
     * (or from the one it kept near the target) to the present: the run since the last
     * snapshot, as the next snapshot's spacing counts it.
     */
    void rewound(long nanos) {
        schedule.runSince(nanos);
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
        if (last != null && (w.cycle() <= last.cycle() || !schedule.due(w, w.cycle() - last.cycle()))) {
            return;
        }
        record(w, last, giveUp, null);
    }

    /**
     * A run's snapshot of {@code w} now, due or not ({@link History#keepBeforeStop}); given up as
     * {@link #maybeRecord(Wafer, java.util.function.BooleanSupplier)} is. True if one was taken. Thinning
     * after it keeps the run's newest: this one is told against it and holds its pieces, so dropping it
     * freed little and left the preparations to re-run from the one before (Game of Life: cycle 0).
     */
    boolean recordNow(Wafer w, java.util.function.BooleanSupplier giveUp) {
        Wafer.Snapshot last = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        if (tooLarge || last == null || w.cycle() <= last.cycle()) {
            return false;
        }
        int before = taken;
        record(w, last, giveUp, last);
        return taken > before;
    }

    /**
     * Whether the run since the newest snapshot (what a step back to the present re-runs) took
     * at least {@code nanos} by {@link #clock()}, and what the next snapshot should cost; in tests
     * always, when snapshots are kept by rule ({@link #keepNearEvery}).
     */
    boolean ranPast(Wafer w, long nanos) {
        long since = schedule.runNanos();
        return fixedNear > 0 && FIXED_EVERY == 0 || since >= nanos && since >= schedule.expectedCost(w);
    }

    private void record(Wafer w, Wafer.Snapshot last, java.util.function.BooleanSupplier giveUp, Wafer.Snapshot stays) {
        while (last != null && need() + lastBytes > budgetBytes && thinOlderHalf(null)) {
            // room made first, so that the snapshot fills freed slots rather than fresh slabs
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
        schedule.taken(w, cost, toRead);   // the cycle-0 one read every PE (pesToRead without a base)
        if (last == null && s.bytes() > budgetBytes) {
            tooLarge = true;
            return;
        }
        snapshots.add(s);
        lastBytes = taken <= 2 ? 0 : s.bytes();
        recount();
        near = null;   // a run went past it: it is one of the run's now
        while (need() > budgetBytes && thinOlderHalf(stays)) {
            // the run's older snapshots thinned until they fit
        }
    }

    /**
     * Drops every other snapshot of the older half (never the first, nor the newest, nor
     * {@code stays}: a step back's restored snapshot, or the fabric's base) and doubles the
     * interval; false when there is nothing left to drop.
     */
    private boolean thinOlderHalf(Wafer.Snapshot stays) {
        int older = Math.max(2, snapshots.size() / 2);
        int last = snapshots.size() - 1;
        List<Wafer.Snapshot> kept = new ArrayList<>();
        Wafer.Snapshot spare = null;
        for (int i = 0; i < snapshots.size(); i++) {
            Wafer.Snapshot s = snapshots.get(i);
            boolean fixed = i == 0 || i == last || s == stays || s == near || s == pinned || isBase(s);
            if (fixed || i >= older || i % 2 == 0) {
                kept.add(s);
            }
            if (!fixed && spare == null) {
                spare = s;
            }
        }
        if (kept.size() == snapshots.size()) {
            if (spare == null) {
                return false;
            }
            kept.remove(spare);
        }
        for (Wafer.Snapshot s : snapshots) {
            if (!kept.contains(s)) {
                FabricSnapshot.recycle(s.fabric());
            }
        }
        snapshots.clear();
        snapshots.addAll(kept);
        recount();
        schedule.thinned();
        return true;
    }

    /** The slabs' pieces in use, and each snapshot's own lists and memories, against the one now before it. */
    private void recount() {
        listBytes = 0;
        Wafer.Snapshot before = null;
        for (Wafer.Snapshot s : snapshots) {
            listBytes += s.fabric().bytesBeyond(before == null ? null : before.fabric());
            before = s;
        }
        bytes = FabricSnapshot.heldBytes(fabric) + listBytes;
    }

    /**
     * What the budget holds time travel to: the snapshots (slots in use, their bookkeeping and their lists), the
     * slabs made ahead (as the two kept ready between snapshots, whatever the maker's thread has
     * got to, so that no decision depends on its timing), and the re-run stepper's heap.
     */
    private long need() {
        return bytes + (fabric == null ? 0 : FabricSnapshot.aheadReserve(fabric) + FabricSnapshot.indexBytes(fabric))
                + rerunBytes.getAsLong();
    }

    /** Everything time travel holds now, by holder (see {@link HistoryBytes}). */
    HistoryBytes held() {
        if (fabric == null) {
            return new HistoryBytes(budgetBytes, 0, 0, 0, 0, rerunBytes.getAsLong(), 0, rerunBytes.getAsLong());
        }
        return new HistoryBytes(budgetBytes, FabricSnapshot.slabBytes(fabric), FabricSnapshot.indexBytes(fabric), listBytes,
                FabricSnapshot.aheadBytes(fabric), rerunBytes.getAsLong(), near == null ? 0 : near.bytes(), need());
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
     * The clock run time and snapshot costs are measured by: the simulation thread's CPU time (it
     * is the stepper's worker 0), else wall time, which counts the collector's pauses and other
     * jobs: snapshots would be spaced by the machine's load, not by what they cost.
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
        return new SnapshotFigures(count(), taken, bytes, takenNanos, takenCpuNanos, reusedBytes(),
                fabric == null ? 0 : FabricSnapshot.helperCpuNanos(fabric));
    }
}
