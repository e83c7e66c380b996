package org.waferscope.engine.fabric;

/**
 * The layout of a PE's router record in {@link ChannelRings#router}: what its router
 * changes as wavelets pass, {@link #WORDS} longs per PE, so that a PE whose router moves a
 * wavelet touches two cache lines of it instead of a line in each of seven arrays.
 *
 * <ul>
 *   <li>{@link #BUSY}, five words: which sources hold wavelets, one word per port they are
 *       fed from (N, S, E, W, then RAMP for the CE's output queues), bit i for source
 *       {@code srcStart[p] + i}. Split by port because in the commit phase up to four
 *       neighbours set bits of the same PE at once, each in its own word. PEs with more
 *       than 64 sources are not tracked; their router scans every source. A PE with at most
 *       32 sources has the bits of its link buffers' arriving wavelets in the high half
 *       ({@link ChannelRings#ARRIVES}), bit 32 + i, for the cycle they are on their hop.</li>
 *   <li>{@link #POPPED}: the link buffers the router popped this cycle (source bits),
 *       published in the commit phase.</li>
 *   <li>{@link #RR}: the round-robin position among the PE's sources (bits 0..31), and
 *       the link directions with a wavelet parked this cycle (bits 32..35, {@link #PARKED}),
 *       so that a commit with nothing to push never reads the record's second line.</li>
 *   <li>{@link #PEND}, four words: the wavelet sent this cycle on link direction d (N, S,
 *       E, W), payload in bits 0..31, meta in 32..39, and the push bits of its destination's facts
 *       ({@link RouteLinks#PUSH_INFO}, 40..58), parked until the commit phase.</li>
 *   <li>{@link #DEST}, two words: per direction, one more than where the record of the
 *       neighbour's input channel the parked wavelet goes to starts (0 for none), two to a
 *       word. With {@link #PEND}'s push bits that is the channel's facts word, so the commit
 *       reads no facts of the neighbour's.</li>
 *   <li>{@link #HOPS}, two words: wavelets sent per link direction since load, 32-bit
 *       counters that wrap, two to a word.</li>
 * </ul>
 *
 * Only the PE's own worker writes its record, except the {@link #BUSY} words, which the
 * neighbours set in the commit phase, each in the word of the port it feeds.
 */
final class RouterWords {
    private RouterWords() {
    }

    static final int WORDS = 16;
    static final int BUSY = 0;
    static final int POPPED = 5;
    static final int RR = 6;
    static final int PEND = 7;
    /** Where the {@link #RR} word keeps its bit per link direction with a parked wavelet. */
    static final int PARKED = 32;
    static final int DEST = 11;
    static final int HOPS = 13;
    /**
     * Longs before the first record: 16 bytes of array header and 48 of these put every
     * record on a 64-byte boundary, two whole cache lines, when the array itself starts on
     * one, as a large array of the G1 collector (a region of its own) does; otherwise
     * nothing is lost.
     */
    static final int LEAD = 6;

    static long[] allocate(int pes) {
        return new long[LEAD + pes * WORDS];
    }

    /** Index of PE p's record. */
    static int at(int p) {
        return LEAD + p * WORDS;
    }

    /** The 32-bit half {@code k} (0 low, 1 high) of a word. */
    static int half(long word, int k) {
        return (int) (word >>> (k << 5));
    }

    /** The word with half {@code k} replaced by {@code v}. */
    static long withHalf(long word, int k, int v) {
        int shift = k << 5;
        return word & ~(0xFFFFFFFFL << shift) | (v & 0xFFFFFFFFL) << shift;
    }
}
