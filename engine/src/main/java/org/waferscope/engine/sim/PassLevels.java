package org.waferscope.engine.sim;

import java.util.List;
import org.waferscope.engine.fabric.BandState;
import org.waferscope.engine.fabric.DozeWheel;

/**
 * The bands a wavefront pass fills, one per cycle of the pass and per worker, seen two ways:
 * by level, as the step's tally reads a cycle, and by worker, as a worker runs its share of
 * the pass. Also the count of passes run, shared and undone (diagnostics). Kept apart from
 * {@link CycleStepper} so that the stepper holds the order of a step and this the pass's data.
 */
final class PassLevels {
    /**
     * Cycles an epoch of passes covers at most: a pass that must be undone costs the epoch's
     * earlier passes run again, and a word written in several passes of an epoch is saved once.
     */
    static final int EPOCH_CYCLES = 64;

    /** Per cycle of a pass, one band per worker. */
    final BandState[][] levels;
    /** The same bands per worker: its share of a pass, by level. */
    final BandState[][] shares;
    long passes;
    long passesShared;
    long passesUndone;

    PassLevels(int depth, int workers, DozeWheel[] wheels) {
        levels = new BandState[depth][workers];
        shares = new BandState[workers][depth];
        for (int k = 0; k < depth; k++) {
            for (int id = 0; id < workers; id++) {
                levels[k][id] = new BandState();
                levels[k][id].useWheels(wheels);
                shares[id][k] = levels[k][id];
            }
        }
    }

    /**
     * Whether a step may run in passes of up to {@code waveDepth} cycles: no stop it asks for
     * can fall between two cycles of a pass (breakpoints, task starts, host events are taken
     * cycle by cycle).
     */
    static boolean mayRun(int waveDepth, int workers, long maxCycles, StepLimits limits) {
        return waveDepth > 1 && workers <= 2 && maxCycles > 1 && !limits.stopAtBreakpoints()
                && !limits.stopAtTaskStart() && limits.releasesWanted() == 0 && limits.injectionsWanted() == 0
                && limits.collectionsWanted() == 0;
    }

    /** Clears the first {@code n} levels' bands before a pass of {@code n} cycles. */
    void clear(int n) {
        for (int k = 0; k < n; k++) {
            for (BandState b : levels[k]) {
                b.clear();
            }
        }
    }

    /** Moves every band's events into {@code into}. */
    void drainInto(List<BandState.Event> into) {
        for (BandState[] level : levels) {
            for (BandState b : level) {
                b.drainEvents(into);
            }
        }
    }
}
