package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Snapshots taken as a run goes, for stepping back: restore the newest snapshot at or
 * before the target cycle, then re-run forward (exact, because the engine is
 * deterministic). The first snapshot (cycle 0) is always kept; when the others exceed the
 * memory budget, every other one is dropped and the interval doubles. A fabric whose state
 * alone exceeds the budget (a full wafer on a small heap) gets no snapshots at all: the
 * simulator then steps back by loading the program afresh and re-running.
 */
final class TimeTravel {
    private final long budgetBytes;
    private final List<Wafer.Snapshot> snapshots = new ArrayList<>();
    private long interval;
    private long bytes;
    private boolean tooLarge;

    TimeTravel(long budgetBytes, long initialInterval) {
        this.budgetBytes = budgetBytes;
        this.interval = initialInterval;
    }

    void clear() {
        snapshots.clear();
        bytes = 0;
    }

    /** True when the wafer's state is too large to snapshot within the budget. */
    boolean tooLarge() {
        return tooLarge;
    }

    /** Takes a snapshot if the wafer is far enough past the last one. */
    void maybeRecord(Wafer w) {
        if (tooLarge) {
            return;
        }
        if (snapshots.isEmpty()
                && org.waferscope.engine.fabric.FabricSnapshot.estimateBytes(w.fabric()) > budgetBytes) {
            tooLarge = true;
            return;
        }
        long last = snapshots.isEmpty() ? -1 : snapshots.get(snapshots.size() - 1).cycle();
        if (last >= 0 && w.cycle() < last + interval) {
            return;
        }
        if (last >= w.cycle()) {
            return;
        }
        Wafer.Snapshot s = w.snapshot();
        snapshots.add(s);
        bytes += s.bytes();
        while (bytes > budgetBytes && snapshots.size() > 2) {
            thin();
        }
    }

    private void thin() {
        List<Wafer.Snapshot> kept = new ArrayList<>();
        bytes = 0;
        for (int i = 0; i < snapshots.size(); i++) {
            if (i == 0 || i % 2 == 0 || i == snapshots.size() - 1) {
                kept.add(snapshots.get(i));
                bytes += snapshots.get(i).bytes();
            }
        }
        if (kept.size() == snapshots.size()) {
            kept.remove(1);
        }
        snapshots.clear();
        snapshots.addAll(kept);
        interval *= 2;
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

    /** Drops snapshots after {@code cycle} (their future is being rewritten). */
    void forgetAfter(long cycle) {
        snapshots.removeIf(s -> s.cycle() > cycle && s != snapshots.get(0));
        bytes = snapshots.stream().mapToLong(Wafer.Snapshot::bytes).sum();
    }

    int count() {
        return snapshots.size();
    }
}
