package org.waferscope.engine.sim;

import java.util.function.BooleanSupplier;

/**
 * Decides how many cycles a running slice simulates: at "as fast as possible" about one
 * display refresh worth of work (so commands are never more than a frame late), at a set
 * speed the cycles owed since the last slice. Also measures simulated cycles per
 * wall-clock second for the status bar. Simulation thread only.
 */
final class RunPacer {
    private double speed = Double.POSITIVE_INFINITY;
    private double refresh = 30;
    private long minSliceNanos;
    private double rate = INITIAL_RATE;
    private long lastNanos;
    private double carry;
    private long windowStart;
    private long windowCycles;
    private double measured;

    void setSpeed(double cyclesPerSecond) {
        speed = cyclesPerSecond > 0 ? cyclesPerSecond : Double.POSITIVE_INFINITY;
        carry = 0;
    }

    void setRefreshRate(double fps) {
        refresh = Math.max(1, Math.min(120, fps));
    }

    /**
     * Every step of the fabric has fixed sweeps before and after it, a few nanoseconds per PE:
     * a slice runs at least {@link #NANOS_PER_PE} per PE, so that its few steps spend only a
     * few percent on them. Below about 130,000 PEs that is shorter than a display refresh and
     * changes nothing; at full wafer a slice lasts about a fifth of a second.
     */
    void setFabricSize(int pes) {
        minSliceNanos = (long) pes * NANOS_PER_PE;
        // the first slice's guess: a full wafer does a few hundred cycles a second at best,
        // and a longer slice built on the small-fabric guess would keep Pause waiting
        rate = Math.min(INITIAL_RATE, 2e8 / Math.max(1, pes));
    }

    private static final double INITIAL_RATE = 2_000;

    static final long NANOS_PER_PE = 250;

    void started() {
        lastNanos = System.nanoTime();
        carry = 0;
        windowStart = lastNanos;
        windowCycles = 0;
    }

    long cyclesForSlice() {
        long now = System.nanoTime();
        if (Double.isInfinite(speed)) {
            lastNanos = now;
            return Math.max(1, (long) (rate * sliceNanos() / 1e9));
        }
        double owed = carry + speed * (now - lastNanos) / 1e9;
        lastNanos = now;
        owed = Math.min(owed, Math.max(1, speed / refresh * 4));
        long whole = (long) owed;
        carry = owed - whole;
        return whole;
    }

    /** Wall time one running slice may take: one display refresh, or longer on a large fabric. */
    long sliceNanos() {
        return Math.max((long) (1e9 / refresh), minSliceNanos);
    }

    /**
     * What ends a running slice's step ({@link #sliceEnd(BooleanSupplier, BooleanSupplier, long,
     * BooleanSupplier, long)}): a slice from now, once this thread has had half a slice of CPU
     * in it. On a loaded machine a slice's wall time holds little of the thread's CPU, and a
     * step's fixed cost (the sleepers settled at its end, a few milliseconds at full wafer)
     * would then weigh several times what it does on a quiet one (docs/benchmarks.md,
     * "Session 13"); commands end the step at once whatever the slice has had.
     */
    BooleanSupplier sliceEnd(BooleanSupplier urgent, BooleanSupplier waiting, long budget) {
        long cpuFrom = TimeTravel.clock();
        long cpuWanted = sliceNanos() / 2;
        return sliceEnd(urgent, waiting, System.nanoTime() + sliceNanos(),
                () -> TimeTravel.clock() - cpuFrom >= cpuWanted, budget);
    }

    /**
     * What ends a running slice's step: {@code urgent} (a Pause, a step back) asked every
     * cycle; the slice's {@code deadline} (nanoTime, once {@code worked} says the thread had
     * its share) and {@code waiting} (any other command) every few cycles, about 64 times in
     * the {@code budget} the slice expects to run, so that a fabric of a few PEs, whose cycle
     * costs about what a look at the clock does, pays nothing for them. The stepper asks once
     * a cycle, or once a wavefront pass; the step ends at that cycle's end, which is only a
     * shorter step (the state is the same for any chunking), so a slice is one step of the
     * fabric however long its cycles take.
     */
    static BooleanSupplier sliceEnd(BooleanSupplier urgent, BooleanSupplier waiting, long deadline, BooleanSupplier worked,
                                    long budget) {
        int every = (int) Math.max(1, Math.min(LOOKS_APART, budget / LOOKS_PER_SLICE));
        return new BooleanSupplier() {
            private int left = every;

            @Override
            public boolean getAsBoolean() {
                if (urgent.getAsBoolean()) {
                    return true;
                }
                if (--left > 0) {
                    return false;
                }
                left = every;
                return System.nanoTime() - deadline >= 0 && worked.getAsBoolean() || waiting.getAsBoolean();
            }
        };
    }

    /**
     * Cycles a slice's step may run: the pacer's {@code budget}, the cycles owed at a set speed;
     * as fast as possible on a fabric whose steps' fixed cost sets the slice's length
     * ({@link #setFabricSize}), a few times that, so that the slice's end ({@link #sliceEnd}),
     * not a rate measured in wall time, ends it when a loaded machine gives the slice less CPU
     * than the rate foresaw.
     */
    long stepLimit(long budget) {
        return Double.isInfinite(speed) && minSliceNanos > (long) (1e9 / refresh) ? 4 * budget : budget;
    }

    private static final long LOOKS_PER_SLICE = 64;
    private static final long LOOKS_APART = 1_024;

    /** Milliseconds the loop may sleep between slices. */
    long idleMillis() {
        return Double.isInfinite(speed) ? 0 : (long) Math.max(1, 1000 / refresh);
    }

    void ran(long cycles, long nanos) {
        if (cycles > 0 && nanos > 0) {
            double r = cycles * 1e9 / nanos;
            rate = 0.7 * rate + 0.3 * r;
        }
        windowCycles += cycles;
        long now = System.nanoTime();
        if (now - windowStart >= 500_000_000L) {
            measured = windowCycles * 1e9 / (now - windowStart);
            windowStart = now;
            windowCycles = 0;
        }
    }

    double cyclesPerSecond() {
        return measured;
    }
}
