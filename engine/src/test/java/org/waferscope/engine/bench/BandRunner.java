package org.waferscope.engine.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a job over bands of rows on a fixed set of threads: the caller takes band 0, helper
 * threads spin between jobs (as the engine's workers spin at their barriers), and the
 * caller returns when every band is done.
 */
final class BandRunner implements AutoCloseable {
    interface Rows {
        void run(int from, int to);
    }

    private final Rows job;
    private final int[] bandStart;
    private final Thread[] helpers;
    private final AtomicInteger done = new AtomicInteger();
    private volatile int generation;
    private volatile boolean closed;

    BandRunner(int threads, int rows, Rows job) {
        this.job = job;
        this.bandStart = new int[threads + 1];
        for (int k = 0; k <= threads; k++) {
            bandStart[k] = (int) ((long) rows * k / threads);
        }
        this.helpers = new Thread[threads - 1];
        for (int k = 1; k < threads; k++) {
            int id = k;
            helpers[k - 1] = new Thread(() -> helper(id), "bare-stencil-" + k);
            helpers[k - 1].setDaemon(true);
            helpers[k - 1].start();
        }
    }

    void run() {
        done.set(0);
        generation++;
        job.run(bandStart[0], bandStart[1]);
        while (done.get() < helpers.length) {
            Thread.onSpinWait();
        }
    }

    private void helper(int id) {
        int seen = 0;
        while (!closed) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins > 2_000) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            job.run(bandStart[id], bandStart[id + 1]);
            done.incrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
