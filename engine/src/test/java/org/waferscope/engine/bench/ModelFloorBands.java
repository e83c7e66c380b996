package org.waferscope.engine.bench;

/**
 * {@link ModelFloor} on several threads: the rectangle's rows in bands, one band a thread, with
 * one barrier a cycle ({@link BandRunner}). A visit touches its own PE and the links to and from
 * its neighbours, so two bands that are two rows apart touch nothing in common: each thread visits
 * its band but for the rows at its edges, all at once, and then the calling thread visits the
 * two rows on each side of every cut. Every cycle is then a serial order of the visits, which
 * gives the same cycle as any other ({@link ModelFloor#rows}): the result does not depend on the
 * threads.
 */
public final class ModelFloorBands implements AutoCloseable {
    private final ModelFloor floor;
    private final int[] cuts;
    private final BandRunner runner;
    private int t;

    public ModelFloorBands(ModelFloor floor, int threads) {
        if (floor.twoPhase || floor.chans != null) {
            // (the channel records count pops per word of 64 PEs, which two bands may share)
            throw new IllegalArgumentException("bands run a one-pass kernel without channel records only");
        }
        if (floor.h < 3 * threads) {
            throw new IllegalArgumentException(floor.h + " rows cannot be cut into " + threads + " bands of three rows");
        }
        this.floor = floor;
        this.cuts = new int[threads - 1];
        for (int k = 1; k < threads; k++) {
            cuts[k - 1] = (int) ((long) floor.h * k / threads);   // where BandRunner's bands start
        }
        this.runner = new BandRunner(threads, floor.h, this::band);
    }

    private void band(int from, int to) {
        floor.rows(from == 0 ? 0 : from + 1, to == floor.h ? to : to - 1, t);
    }

    /** Runs {@code cycles} cycles. */
    public void step(long cycles) {
        for (long k = 0; k < cycles; k++) {
            t = (int) floor.cycle();
            runner.run();
            for (int cut : cuts) {
                floor.rows(cut - 1, cut + 1, t);
            }
            floor.ended(t);
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
