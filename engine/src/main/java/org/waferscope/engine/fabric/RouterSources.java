package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;

/**
 * Each PE's router sources, in the order its router serves them: its input buffers (route
 * slot by slot, port by port), then the CE's output queues. Split from {@link FabricBuilder},
 * which calls it once the channels are made.
 */
final class RouterSources {
    private RouterSources() {
    }

    /** Sets the builder's {@code srcStart}, {@code srcChan}, {@code srcPort} and {@code srcRs}; counts first, so each is made once at its size. */
    static void build(FabricBuilder b) {
        int n = b.peProgram.length;
        b.srcStart = new int[n + 1];
        int outQ = b.profile.outputQueues();
        int sources = 0;
        for (int ch : b.rsInChan) {
            sources += ch >= 0 ? 1 : 0;
        }
        for (int p = 0; p < n; p++) {
            if (b.qBase[p] >= 0) {
                for (int i = 0; i < outQ; i++) {
                    sources += b.qChan[b.qBase[p] + b.profile.inputQueues() + i] >= 0 ? 1 : 0;
                }
            }
        }
        int words = sources * 2;
        // the fabric's source words (two longs a source, 144 MB for Game of Life at full wafer)
        // are first touched on another core while these three arrays are filled
        b.srcWordsTask = OffThread.start("fabric build: source words", b.apart, () -> new long[words]);
        int[] chan = new int[sources];
        byte[] port = new byte[sources];
        int[] slot = new int[sources];
        int k = 0;
        for (int p = 0; p < n; p++) {
            b.srcStart[p] = k;
            for (int rs = b.rsStart[p]; rs < b.rsStart[p + 1]; rs++) {
                for (int d = 0; d < 4; d++) {
                    int ch = b.rsInChan[rs * 4 + d];
                    if (ch >= 0) {
                        chan[k] = ch;
                        port[k] = (byte) d;
                        slot[k++] = rs;
                    }
                }
            }
            if (b.qBase[p] >= 0) {
                for (int i = 0; i < outQ; i++) {
                    int ch = b.qChan[b.qBase[p] + b.profile.inputQueues() + i];
                    if (ch >= 0) {
                        chan[k] = ch;
                        port[k] = (byte) Direction.RAMP.ordinal();
                        slot[k++] = -1;
                    }
                }
            }
        }
        b.srcStart[n] = k;
        b.srcChan = chan;
        b.srcPort = port;
        b.srcRs = slot;
    }

    /**
     * A source's route word ({@link Fabric#srcWords}): route slot in bits 0..31, its color
     * config in 32..57, {@link #LEAKS} in 58, its color in 59..63. A visit reads it on the line of the source's
     * facts, in place of a slot number and the slot's config from two arrays.
     */
    static long route(int rs, int cfg, int color) {
        if (cfg >>> CFG_BITS != 0 || color >>> 5 != 0) {
            throw new FabricException(java.util.List.of("color config " + cfg + " or color " + color
                    + " does not fit a router source's route word"));
        }
        return rs & 0xFFFFFFFFL | (long) cfg << 32 | (long) color << COLOR_SHIFT;
    }

    /** The route word of an output queue that has sent nothing yet: no slot. */
    static final long NO_ROUTE = 0xFFFFFFFFL;
    static final int CFG_BITS = 26;
    /** The slot may send off the rectangle's edge: a move through it is counted ({@link EdgeLeaks}). */
    static final long LEAKS = 1L << 58;
    static final int COLOR_SHIFT = 59;

    static int slot(long route) {
        return (int) route;
    }

    static int config(long route) {
        return (int) (route >>> 32) & (1 << CFG_BITS) - 1;
    }

    static int color(long route) {
        return (int) (route >>> COLOR_SHIFT);
    }
}
