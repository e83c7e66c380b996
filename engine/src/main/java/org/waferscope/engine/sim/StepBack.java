package org.waferscope.engine.sim;

/**
 * Stepping back to a cycle: restore the newest snapshot at or before it, then re-run up to
 * it, exactly, since the engine is deterministic. The re-run goes on {@link #workers}
 * workers (the explorer simulates on one and leaves a core for the window, which is idle
 * while a step back runs), and the state reached is the same on any count.
 *
 * <p>A step back of one cycle right after another would re-run the same stretch again, so
 * when the re-run up to {@link TimeTravel#nearCycles()} before the target took longer than
 * a snapshot is expected to cost, a snapshot is kept there ({@link TimeTravel#keepNear}):
 * the next steps back re-run from it, a quarter of a second of the run's pace at most.
 *
 * <p>Threads: the simulation thread only.
 */
final class StepBack {
    private final int workers;
    private StepBackFigures last = StepBackFigures.NONE;

    StepBack(int workers) {
        this.workers = Math.max(1, workers);
    }

    /** Workers the re-run goes on. */
    int workers() {
        return workers;
    }

    /** What the last step back did. */
    StepBackFigures last() {
        return last;
    }

    /** Restores {@code s} (the newest snapshot at or before {@code target}) into {@code w} and re-runs up to the target. */
    void to(Wafer w, TimeTravel travel, Wafer.Snapshot s, long target) {
        long c0 = TimeTravel.clock();
        long t0 = System.nanoTime();
        w.restore(s, false);
        long restoreCpu = TimeTravel.clock() - c0;
        long restoreWall = System.nanoTime() - t0;
        long c1 = TimeTravel.clock();
        long t1 = System.nanoTime();
        boolean kept = false;
        long keepCost = 0;
        long nearAt = target - travel.nearCycles();
        w.setMuted(true);
        try {
            if (nearAt > s.cycle()) {
                rerun(w, nearAt);
                if (w.cycle() == nearAt && travel.worthKeeping(w, TimeTravel.clock() - c1)) {
                    travel.keepNear(w, s);
                    keepCost = travel.keptNearCost();
                    kept = true;
                }
            }
            rerun(w, target);
        } finally {
            w.setMuted(false);
        }
        long rerunCpu = TimeTravel.clock() - c1 - keepCost;
        travel.rewound(kept ? 0 : rerunCpu);
        last = new StepBackFigures(target, s.cycle(), restoreCpu, restoreWall, target - s.cycle(), rerunCpu,
                System.nanoTime() - t1, workers, kept, keepCost);
    }

    /** Re-runs a wafer loaded afresh (no snapshots) from cycle 0 up to {@code target}. */
    void fromStart(Wafer w, long target) {
        long c1 = TimeTravel.clock();
        long t1 = System.nanoTime();
        w.setMuted(true);
        try {
            rerun(w, target);
        } finally {
            w.setMuted(false);
        }
        last = new StepBackFigures(target, -1, 0, 0, target, TimeTravel.clock() - c1, System.nanoTime() - t1,
                workers, false, 0);
    }

    private void rerun(Wafer w, long target) {
        while (w.cycle() < target && w.status() == WaferStatus.RUNNING) {
            w.rerun(target - w.cycle(), workers);
        }
    }
}
