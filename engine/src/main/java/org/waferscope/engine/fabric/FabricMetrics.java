package org.waferscope.engine.fabric;

import org.waferscope.engine.record.RunTimeline;

/** Fabric-wide totals read from the metric counters. */
public final class FabricMetrics {
    private FabricMetrics() {
    }

    public static long totalLinkHops(Fabric f) {
        long total = 0;
        for (int p = 0; p < f.n; p++) {
            for (int d = 0; d < 4; d++) {
                total += f.linkHops(p, d) & 0xFFFFFFFFL;
            }
        }
        return total;
    }

    /** Wavelets sitting in router buffers and CE queues. */
    public static long waveletsInFlight(Fabric f) {
        long total = 0;
        for (int ch = 0; ch < f.channelCount(); ch++) {
            total += f.count(ch);
        }
        for (int p = 0; p < f.n; p++) {
            total += Router.pendingHops(f, p);
        }
        return total;
    }

    /**
     * True when no wavelet is anywhere and no task is running: all that still waits are
     * asynchronous operations waiting for input that nothing will send.
     */
    public static boolean restsOnInput(Fabric f) {
        for (int p = 0; p < f.n; p++) {
            if (f.pc(p) >= 0) {
                return false;
            }
        }
        return waveletsInFlight(f) == 0;
    }

    public static int programPes(Fabric f) {
        int c = 0;
        for (int p : f.peProgram) {
            if (p >= 0) {
                c++;
            }
        }
        return c;
    }

    /** Busy cycles (compute and fabric) of every PE together, since load. */
    public static long totalBusy(Fabric f) {
        long total = 0;
        for (int p = 0; p < f.n; p++) {
            total += f.cntCompute(p) + f.cntFabric(p);
        }
        return total;
    }

    /** Busy, stalled and link-hop totals since load: what a recorded timeline adds up to. */
    public static RunTimeline.Totals totals(Fabric f) {
        long stalled = 0;
        for (int p = 0; p < f.n; p++) {
            stalled += f.cntStallIn(p) + f.cntStallOut(p);
        }
        return new RunTimeline.Totals(f.cycle, totalBusy(f), stalled, totalLinkHops(f));
    }

    public static long busyOf(Fabric f, int p) {
        return f.cntCompute(p) + f.cntFabric(p);
    }

    /** PEs with work for the next cycle. */
    public static int activePes(Fabric f) {
        int c = 0;
        for (int w = 0; w < f.active.length; w++) {
            c += Long.bitCount(f.active[w] | f.wake[w] | f.sleeping[w]);
        }
        return c;
    }

    /**
     * PEs that worked in the last cycle: computed, moved wavelets, or had microthreads
     * moving them. A PE that only waits (stalled, asleep, idle) is not counted; on a full
     * wafer where almost every PE waits, this is the small number that matters.
     */
    public static int workingPes(Fabric f) {
        int c = 0;
        for (int w = 0; w < f.active.length; w++) {
            long bits = (f.active[w] | f.wake[w]) & ~f.sleeping[w];
            while (bits != 0) {
                int p = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                byte a = f.activity(p);
                if (a == Activity.COMPUTE || a == Activity.FABRIC || a == Activity.MICROTHREADS) {
                    c++;
                }
            }
        }
        return c;
    }
}
