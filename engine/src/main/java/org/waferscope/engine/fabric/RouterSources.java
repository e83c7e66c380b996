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

    // ---- a source's words in {@link Fabric#srcWords}: WORDS longs from at(si), on one cache line ----
    /** Longs per source: 32 bytes, so that a source's words never cross a line when the array starts on one. */
    static final int WORDS = 4;
    /** The source's channel facts, with its port in the port bits. */
    static final int FACTS = 0;
    /** The source's {@link #route} word. */
    static final int ROUTE = 1;
    /** The route slot's one link ({@link #oneLink}), or 0. */
    static final int LINK = 2;
    /** The CE input queue a RAMP delivery of the route's color goes to ({@link #rampQueue}), or 0. */
    static final int RAMP_QUEUE = 3;
    /**
     * Longs before the first source: with the 16-byte array header, 48 bytes put source
     * {@code 2 k} on a 64-byte line boundary when the array starts on one (a large array of
     * the G1 collector does), as {@link RouterWords#LEAD}.
     */
    static final int LEAD = 6;
    /** Where a {@link #LINK} word keeps its link's direction bit (N, S, E, W): bits no channel facts use. */
    static final int LINK_DIR_SHIFT = 59;

    /** Index of source si's first word in {@link Fabric#srcWords}. */
    static int at(int si) {
        return LEAD + WORDS * si;
    }

    /**
     * The sources' words ({@link Fabric#srcWords}), once the fabric's channel facts, links and
     * queue facts are final; {@code srcRs} is the slot of each input buffer, -1 for an output
     * queue (whose route is found when it first sends).
     */
    static long[] words(Fabric f, int[] srcRs) {
        long[] w = new long[at(f.srcChan.length)];
        for (int p = 0; p < f.n; p++) {
            for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
                int at = at(si);
                w[at + FACTS] = f.chFacts[f.srcChan[si]] | (long) (f.srcPort[si] << ChannelRings.PORT_SHIFT) << 32;
                int rs = srcRs[si];
                if (rs < 0) {
                    w[at + ROUTE] = NO_ROUTE;
                } else {
                    setRoute(f, p, w, at, rs, f.rsConfig[rs], f.rsColor[rs]);
                }
            }
        }
        return w;
    }

    /** Sets the route, link and RAMP queue words of the source whose words start at {@code at}. */
    static void setRoute(Fabric f, int p, long[] words, int at, int rs, int cfg, int color) {
        words[at + ROUTE] = route(rs, cfg, color);
        words[at + LINK] = oneLink(f, rs);
        words[at + RAMP_QUEUE] = rampQueue(f, p, color);
    }

    /**
     * The link facts of slot rs's only link direction, with that direction's bit at
     * {@link #LINK_DIR_SHIFT}; 0 when the slot has no link or more than one. A move whose
     * links are exactly that one reads it beside the source's facts, instead of the slot's
     * {@link Fabric#rsLinks} and {@link Fabric#linkFacts} lines (both read-only, as this).
     */
    static long oneLink(Fabric f, int rs) {
        int dirs = f.rsLinks[rs] >>> RouteLinks.MASK_SHIFT;
        if (Integer.bitCount(dirs) != 1) {
            return 0;
        }
        return RouteLinks.of(f.linkFacts, f.rsLinks[rs], Integer.numberOfTrailingZeros(dirs))
                | (long) dirs << LINK_DIR_SHIFT;
    }

    /**
     * The facts of the CE input queue that PE p's router delivers wavelets of {@code color}
     * to ({@link Fabric#qFacts}); 0 where that lookup would not find one, so that a delivery
     * falls back to it and fails as it always did.
     */
    static long rampQueue(Fabric f, int p, int color) {
        int pi = f.peProgram[p];
        int base = f.qBase[p];
        if (pi < 0 || base < 0) {
            return 0;
        }
        int q = f.tables[pi].colorQueue[color];
        return q < 0 ? 0 : f.qFacts[base + q];
    }

    /**
     * A source's route word ({@link Fabric#srcWords}): route slot in bits 0..31, its color
     * config in 32..58, its color in 59..63. A visit reads it on the line of the source's
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
    static final int CFG_BITS = 27;
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
