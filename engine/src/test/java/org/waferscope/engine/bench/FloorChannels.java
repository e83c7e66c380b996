package org.waferscope.engine.bench;

/**
 * A {@link ModelFloor} feature, item (b) of docs/benchmarks.md's "where the engine's 5x goes":
 * every wavelet carried through three channel records as the engine's {@code ChannelRings}
 * keeps them, instead of one ring per link written once and read once. Each directed link has
 * an output queue (a ring of 8), a link buffer (4) and an input queue (8); a record is the
 * engine's: a counter word (pushes in bits 0..15, pops in 16..31, wrapping), the pops as its
 * sender last saw them, the cycle of the last push, the ring's payloads, then its meta bytes
 * four to a word; a facts word per channel says where the record is and its ring's mask. The
 * send pushes payload and meta into the output queue; the move pops them from its head and
 * pushes them into the link buffer; the delivery does the same into the input queue; the
 * receive takes the payload from the input queue's head. The kernel's own counters still time
 * every step, so the records add their upkeep and copies to the kernel's work and decide
 * nothing; the values the CE adds come through them, which the engine comparison checks.
 */
final class FloorChannels {
    static final int CTR = 0;
    static final int SEEN = 1;
    static final int LAST = 2;
    static final int SLOTS = 3;
    /** The wavelet's meta byte: its color, the same for every wavelet of the exchange. */
    static final int META = 3;

    final int[] chan;
    /** Per channel: its record's offset (bits 0..31) and ring mask (32..39). */
    final long[] facts;
    /** Per word of 64 PEs: wavelets popped this cycle, as the engine's heldChange counts them. */
    final int[] heldChange;

    /** The records of the {@code links} links of a kernel of {@code pes} PEs, three channels a link. */
    FloorChannels(int links, int pes) {
        facts = new long[3 * links];
        int[] rings = {8, 4, 8};
        int at = 0;
        for (int l = 0; l < links; l++) {
            for (int k = 0; k < 3; k++) {
                int ring = rings[k];
                facts[3 * l + k] = at | (long) (ring - 1) << 32;
                at += SLOTS + ring + ring / 4;
            }
        }
        chan = new int[at];
        heldChange = new int[(pes + 63) >>> 6];
    }

    /** The CE's send on link l: the wavelet into its output queue. */
    void send(int l, int payload, int meta, int cycle) {
        push(facts[3 * l], payload, meta, cycle);
    }

    /** The router's move of link l's output queue head into its link buffer. */
    void move(int l, int sender, int cycle) {
        hop(facts[3 * l], facts[3 * l + 1], sender, cycle);
    }

    /** The receiver's delivery of link l's buffer head into its input queue. */
    void deliver(int l, int receiver, int cycle) {
        hop(facts[3 * l + 1], facts[3 * l + 2], receiver, cycle);
    }

    /** The CE's receive from link l's input queue: its head's payload, popped. */
    int receive(int l, int receiver) {
        long f = facts[3 * l + 2];
        int ctr = chan[(int) f + CTR];
        int payload = chan[(int) f + SLOTS + ((ctr >>> 16) & (int) (f >>> 32))];
        pop(f, ctr, receiver);
        return payload;
    }

    /** The meta byte at the head of link l's channel k (0: output queue, 1: link buffer, 2: input queue). */
    int headMeta(int l, int k) {
        long f = facts[3 * l + k];
        int mask = (int) (f >>> 32);
        return meta(f, (chan[(int) f + CTR] >>> 16) & mask);
    }

    /** The meta byte in slot j of the ring of the channel with facts f. */
    private int meta(long f, int j) {
        return chan[(int) f + SLOTS + (int) (f >>> 32) + 1 + (j >>> 2)] >>> ((j & 3) << 3) & 0xFF;
    }

    private void hop(long from, long to, int owner, int cycle) {
        int ctr = chan[(int) from + CTR];
        int mask = (int) (from >>> 32);
        int j = (ctr >>> 16) & mask;
        int payload = chan[(int) from + SLOTS + j];
        int meta = meta(from, j);
        pop(from, ctr, owner);
        push(to, payload, meta, cycle);
    }

    private void pop(long f, int ctr, int owner) {
        heldChange[owner >>> 6]--;
        int popped = (ctr >>> 16) + 1 & 0xFFFF;
        chan[(int) f + CTR] = ctr & 0xFFFF | popped << 16;
        chan[(int) f + SEEN] = popped;
    }

    private void push(long f, int payload, int meta, int cycle) {
        int[] c = chan;
        int at = (int) f;
        int mask = (int) (f >>> 32);
        int ctr = c[at + CTR];
        int j = ctr & mask;
        c[at + SLOTS + j] = payload;
        int m = at + SLOTS + mask + 1 + (j >>> 2);
        int shift = (j & 3) << 3;
        c[m] = c[m] & ~(0xFF << shift) | (meta & 0xFF) << shift;
        c[at + LAST] = cycle;
        c[at + CTR] = ctr & 0xFFFF0000 | (ctr + 1) & 0xFFFF;
    }
}
