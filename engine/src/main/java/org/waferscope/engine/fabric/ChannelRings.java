package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ArchProfile;

/**
 * The fabric's wavelet buffers and the operations on them, the part of {@link Fabric} that
 * the router, the compute engine and the reports all go through.
 *
 * <p><b>Channels.</b> Every wavelet buffer is a channel: router input buffers (one per
 * color and link port that the color's routes accept), and the CE's input and output
 * queues. A channel holds up to its capacity of wavelets on a ring of slots (a power of
 * two) from {@link #chBase}; pushes and pops are counted by wrapping 16-bit counters whose
 * difference is the occupancy and whose low bits pick the slot. The fields stay in
 * separate dense arrays, router buffers first, then queues, each in PE order: measured on
 * a full wafer, where memory traffic bounds the engine, that beat both records per channel
 * and buffers grouped PE by PE (docs/benchmarks.md).
 */
abstract class ChannelRings {
    public final ArchProfile profile;

    /** Words of {@link #srcBusy} per PE: the four link ports and RAMP. */
    static final int BUSY_WORDS = 5;

    // ---- channels ----
    /**
     * Pushes and pops, as 16-bit counters that wrap: a ring has at most 256 slots, which
     * divides 65,536, and the difference, taken modulo 65,536, is the occupancy.
     */
    final short[] chPushed;
    final short[] chPopped;
    /** Pops as of the last commit phase: what the channel's sender may know of its room. */
    final short[] chSeenPopped;
    /** First slot of the channel's ring in {@link #slotPayload} and {@link #slotMeta}. */
    final int[] chBase;
    /** Capacity (bits 0..7), ring mask (8..15), then for a router source its bit (16..21), port (22..24), tracked (25). */
    final int[] chInfo;
    final int[] slotPayload;
    /** A wavelet's color and flags ({@link Wavelet}), which fit a byte. */
    final byte[] slotMeta;
    /**
     * The cycle of the channel's last push. A router buffer is fed at most once a cycle, so
     * with 2-cycle hops the only wavelet still on its way is the last one pushed, and only
     * in the cycle after its push: this replaces an arrival cycle per slot.
     */
    final int[] chLastPush;
    /** Per PE, first index into {@link #qChan} (-1 for empty PEs): input queues then output queues. */
    final int[] qBase;
    final int[] qChan;
    /**
     * Which of a PE's sources hold wavelets, so that the router visits only those: per PE five
     * words, one per port a source is fed from (N, S, E, W, then RAMP for the CE's output
     * queues), bit i for source {@code srcStart[p] + i}. Split by port because in the commit
     * phase up to four neighbours set bits of the same PE at once, each in its own word.
     * PEs with more than 64 sources are not tracked; their router scans every source.
     */
    final long[] srcBusy;

    ChannelRings(FabricBuilder b) {
        profile = b.profile;
        chBase = b.chBase;
        chInfo = b.chInfo;
        int channels = chBase.length;
        chPushed = new short[channels];
        chPopped = new short[channels];
        chSeenPopped = new short[channels];
        slotPayload = new int[b.slotCount];
        slotMeta = new byte[b.slotCount];
        chLastPush = new int[channels];
        qBase = b.qBase;
        qChan = b.qChan;
        srcBusy = new long[b.width * b.height * BUSY_WORDS];
    }

    static final int MASK_SHIFT = 8;
    static final int BIT_SHIFT = 16;
    static final int PORT_SHIFT = 22;
    static final int TRACKED = 1 << 25;

    static int ringSize(int cap) {
        return cap <= 1 ? 1 : Integer.highestOneBit(cap - 1) << 1;
    }

    int channelCount() {
        return chBase.length;
    }

    int count(int ch) {
        return (chPushed[ch] - chPopped[ch]) & 0xFFFF;
    }

    int capacity(int ch) {
        return chInfo[ch] & 0xFF;
    }

    boolean full(int ch) {
        return count(ch) >= capacity(ch);
    }

    /** Room in a neighbour's input channel as its sender may know it (as of the last commit). */
    int freeForSender(int ch) {
        return (chInfo[ch] & 0xFF) - ((chPushed[ch] - chSeenPopped[ch]) & 0xFFFF);
    }

    /** The slot of the i-th wavelet from the head. */
    int slotAt(int ch, int i) {
        return chBase[ch] + ((chPopped[ch] + i) & (chInfo[ch] >>> MASK_SHIFT & 0xFF));
    }

    int headSlot(int ch) {
        return slotAt(ch, 0);
    }

    int payloadAt(int slot) {
        return slotPayload[slot];
    }

    int metaAt(int slot) {
        return slotMeta[slot] & 0xFF;
    }

    /**
     * Whether the head wavelet of link buffer {@code ch} is still on its way in cycle
     * {@code now}: it is the last one pushed and was pushed in the previous cycle's commit
     * (hops of 2 cycles; with 1-cycle hops nothing is ever on its way).
     */
    boolean headInFlight(int ch, int now) {
        return profile.hopCycles() > 1 && count(ch) == 1 && chLastPush[ch] == now - 1;
    }

    /** Appends a wavelet to channel {@code ch}, which belongs to PE {@code owner}. */
    void push(int owner, int ch, int payload, int meta, int cycle) {
        int info = chInfo[ch];
        int pushed = chPushed[ch];
        int s = chBase[ch] + (pushed & (info >>> MASK_SHIFT & 0xFF));
        slotPayload[s] = payload;
        slotMeta[s] = (byte) meta;
        chLastPush[ch] = cycle;
        chPushed[ch] = (short) (pushed + 1);
        if ((info & TRACKED) != 0) {
            srcBusy[owner * BUSY_WORDS + (info >>> PORT_SHIFT & 7)] |= 1L << (info >>> BIT_SHIFT);
        }
    }

    /** Removes the head wavelet of channel {@code ch}, which belongs to PE {@code owner}. */
    void pop(int owner, int ch) {
        short popped = (short) (chPopped[ch] + 1);
        chPopped[ch] = popped;
        if (popped == chPushed[ch]) {
            int info = chInfo[ch];
            if ((info & TRACKED) != 0) {
                srcBusy[owner * BUSY_WORDS + (info >>> PORT_SHIFT & 7)] &= ~(1L << (info >>> BIT_SHIFT));
            }
        }
    }

    /** Commit phase: the sender of channel {@code ch} may now see its pops. */
    void publishPops(int ch) {
        chSeenPopped[ch] = chPopped[ch];
    }

    /** The channel of input queue q at PE p, or -1. */
    int inQueue(int p, int q) {
        int base = qBase[p];
        return base < 0 ? -1 : qChan[base + q];
    }

    /** The channel of output queue q at PE p, or -1. */
    int outQueue(int p, int q) {
        int base = qBase[p];
        return base < 0 ? -1 : qChan[base + profile.inputQueues() + q];
    }
}
