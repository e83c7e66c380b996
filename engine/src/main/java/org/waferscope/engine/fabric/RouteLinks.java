package org.waferscope.engine.fabric;

/**
 * Where each route slot's wavelets go on each link: the neighbour's input buffer, as that
 * buffer's facts word ({@link ChannelRings#chFacts}), so that a move checks the room behind
 * a link and the commit pushes there without reading the neighbour's facts line (a miss on a
 * wafer row away). Only the links a slot has are kept, packed slot after slot in
 * {@link Fabric#linkFacts}: a nearest-neighbour PE has one link per sending color and none
 * per receiving one, where a slot used to keep four channel ids.
 *
 * <p>{@link Fabric#rsLinks}, per slot: the index of its first link in {@link Fabric#linkFacts}
 * (bits 0..27) and its link directions (bits 28..31, N, S, E, W), whose order among the set
 * bits is their order in the pool. A link's facts word carries {@link #SWAP} when wavelets
 * leave on it with the swapped color (the lowest color bit flipped).
 */
final class RouteLinks {
    private RouteLinks() {
    }

    /** Bits of a link's facts word that say its wavelets change color (color swap); never set in a channel's facts. */
    static final long SWAP = 1L << 63;
    /**
     * The bits of a channel's facts word a push needs beyond where the record lies (ring
     * mask, source bit, port, tracked, arrives: info bits 8..26); the router record keeps them
     * in its parked wavelet's word ({@link RouterWords#PEND}) until the commit.
     */
    static final long PUSH_INFO = 0x07FFFFL << 40;
    static final int AT = (1 << 28) - 1;
    static final int MASK_SHIFT = 28;

    /** Link facts of direction d (0..3) of the slot whose {@link Fabric#rsLinks} word is {@code w}; 0 when none. */
    static long of(long[] pool, int w, int d) {
        int mask = w >>> MASK_SHIFT;
        if ((mask & (1 << d)) == 0) {
            return 0;
        }
        return pool[(w & AT) + Integer.bitCount(mask & ((1 << d) - 1))];
    }

    /**
     * Builds {@code words} (one per slot) and returns the pool, from the builder's per slot and
     * direction channel ids ({@code dest}, -1 for none) and swapped sides, with {@code chFacts}
     * as final (tracked bits set).
     */
    static long[] build(int[] dest, int[] swap, long[] chFacts, int[] words) {
        int links = 0;
        for (int ch : dest) {
            links += ch >= 0 ? 1 : 0;
        }
        if (links > AT) {
            throw new FabricException(java.util.List.of("the layout has more than 2^28 links between routers"));
        }
        long[] pool = new long[links];
        int k = 0;
        for (int rs = 0; rs < words.length; rs++) {
            int first = k;
            int mask = 0;
            for (int d = 0; d < 4; d++) {
                int ch = dest[rs * 4 + d];
                if (ch >= 0) {
                    mask |= 1 << d;
                    pool[k++] = chFacts[ch] | ((swap[rs] >>> d & 1) != 0 ? SWAP : 0);
                }
            }
            words[rs] = first | mask << MASK_SHIFT;
        }
        return pool;
    }
}
