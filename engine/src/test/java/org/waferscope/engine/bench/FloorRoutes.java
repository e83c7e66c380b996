package org.waferscope.engine.bench;

/**
 * A {@link ModelFloor} feature, item (c) of docs/benchmarks.md's "where the engine's 5x goes":
 * each router source's wavelet goes where the source's words say, read per visit as the engine's
 * {@code Router.visit} reads them on its fixed-route path ({@code RoutePlans}), instead of the
 * kernel's one int per source. Per source, as the engine's {@code srcWords} and {@code srcPlan}:
 * a facts word (the channel's record, its port), a route word (the color its routes carry, its
 * config), and a plan (the direction it goes to, RAMP for the CE's input queue, and the record
 * of the channel it goes into). A visit reads the three, checks the head wavelet's color against
 * the route's when the source is an output queue, and takes the kind of move and its link from
 * the plan; the kernel's source table is not read.
 */
final class FloorRoutes {
    /** The CE's port, after the four links. */
    static final int RAMP = 4;
    private static final long PLANNED = 1L << 40;

    private final long[] srcWords;
    private final long[] srcPlan;

    FloorRoutes(ModelFloor f) {
        int n = f.w * f.h;
        srcWords = new long[2 * 8 * n];
        srcPlan = new long[8 * n];
        for (int i = 0; i < n; i++) {
            int at = i * ModelFloor.STRIDE;
            for (int idx = 0; idx < f.ce[at + ModelFloor.SOURCE_COUNT]; idx++) {
                int s = f.ce[at + ModelFloor.SOURCE + idx];
                int b = s >>> 1;
                int arrivesFrom = b / ModelFloor.EDGE & 3;
                boolean outputQueue = (s & 1) != 0;
                int port = outputQueue ? RAMP : arrivesFrom;
                int to = outputQueue ? arrivesFrom ^ 1 : RAMP;   // an output queue sends towards where its neighbour's link arrives from, flipped
                int si = 8 * i + idx;
                srcWords[2 * si] = b | (long) port << 32;
                srcWords[2 * si + 1] = FloorChannels.META;   // the color, config 0
                srcPlan[si] = PLANNED | b | (long) to << 32;
            }
        }
    }

    /**
     * Source {@code idx} of PE i as the kernel encodes it (its link's place times 2, plus 1 for
     * a move onto the link), from its words and plan; the head's meta byte from {@code chans}
     * when the kernel has them.
     */
    int source(int i, int idx, FloorChannels chans) {
        int si = 8 * i + idx;
        long facts = srcWords[2 * si];
        long route = srcWords[2 * si + 1];
        long plan = srcPlan[si];
        int port = (int) (facts >>> 32) & 7;
        int meta = chans == null ? FloorChannels.META : chans.headMeta((int) facts / ModelFloor.EDGE, port == RAMP ? 0 : 1);
        if ((plan & PLANNED) == 0 || (port == RAMP && (meta & 0x1F) != (int) (route & 0x1F))) {
            throw new IllegalStateException("no fixed route for source " + idx + " of PE " + i);
        }
        int to = (int) (plan >>> 32) & 7;
        return 2 * (int) plan + (to == RAMP ? 0 : 1);
    }
}
