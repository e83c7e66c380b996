package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ArchProfile;

/**
 * The fabric's wavelet buffers and the operations on them, the part of {@link Fabric} that
 * the router, the compute engine and the reports all go through.
 *
 * <p><b>Channels.</b> Every wavelet buffer is a channel: router input buffers (one per
 * color and link port that the color's routes accept), and the CE's input and output
 * queues. A channel holds up to its capacity of wavelets on a ring of slots (a power of
 * two); pushes and pops are counted by wrapping 16-bit counters whose difference is the
 * occupancy and whose low bits pick the slot.
 *
 * <p><b>One record per channel.</b> What a channel's wavelets change is a record in
 * {@link #chan}: three header words, then the ring's payloads, then its wavelets' meta
 * bytes, four to a word. A ring of 8 (a router buffer) takes 13 words, so moving a
 * wavelet touches one or two cache lines of the source channel and one or two of the
 * destination, instead of a line in each of six channel arrays. What never changes (where
 * the record is, capacity, ring size, source bit) is in {@link #chFacts}, one word per
 * channel: so a record of a channel that never held a wavelet is all zeros, and snapshots
 * share it with every other empty piece. Channels are numbered (their ids, -1 for none) in
 * the order the builder made them: router buffers, then queues, each in PE order.
 *
 * <p><b>Who writes what.</b> In the compute phase only the channel's owner writes the
 * popped half of {@link #CTR} and a link buffer's {@link #SEEN} (its pops, stamped with the
 * cycle: {@link #stamp}); its sender reads the pushed half and {@link #SEEN}, one word. In the
 * commit phase the sender writes (pushed, {@link #LAST}, the slots) and the owner writes
 * {@link #SEEN} for pops it did not stamp; both leave the pops in {@link #SEEN} as they are, and
 * a reader always sees the half it needs unchanged. Between cycles {@link StampSweep} clears old
 * stamps.
 */
abstract class ChannelRings {
    public final ArchProfile profile;

    /** Words per PE of the router record's {@link RouterWords#BUSY} bits: the four link ports and RAMP. */
    static final int BUSY_WORDS = 5;

    // ---- the words of a channel record in {@link #chan} ----
    /** Pushes (bits 0..15) and pops (16..31), 16-bit counters that wrap; a ring's size divides 65,536. */
    static final int CTR = 0;
    /**
     * Pops as of the last commit phase (bits 0..15): what the channel's sender may know of its
     * room; a link buffer's own pops, with the cycle's stamp in bits 16..31 ({@link #stamp}).
     */
    static final int SEEN = 1;
    /**
     * The cycle of the channel's last push. A router buffer is fed at most once a cycle, so
     * with 2-cycle hops the only wavelet still on its way is the last one pushed, and only
     * in the cycle after its push: this replaces an arrival cycle per slot.
     */
    static final int LAST = 2;
    /** First payload word; the ring's meta bytes follow its payloads. */
    static final int SLOTS = 3;

    /** Every channel's record, back to back. Never resized after the build. */
    final int[] chan;
    /**
     * Per channel, read-only: the offset of its record in {@link #chan} (bits 0..31), then its
     * info (32..63): capacity (bits 0..7), ring mask (8..15), and for a router source its bit
     * (16..21), port (22..24), tracked (25).
     */
    final long[] chFacts;
    /** Per PE, first index into {@link #qChan} (-1 for empty PEs): input queues then output queues. */
    final int[] qBase;
    final int[] qChan;
    /**
     * Per PE, the router's record ({@link RouterWords}): which sources hold wavelets (kept
     * up to date by {@link #push} and {@link #pop}), the buffers popped this cycle, the
     * round-robin position, the wavelets parked for the links and the link counters.
     */
    final long[] router;
    /**
     * Per router source (as {@code Fabric#srcWords}), where its data wavelets go when its route
     * is fixed ({@link RoutePlans}), or 0: derived from the routes, never changed by a cycle
     * but for an output queue's new color, so neither snapshots nor the state hash hold it.
     * Made by {@link #plansMaking} beside the end of the load; read only once a step has waited
     * for it ({@link RoutePlans#await}).
     */
    long[] srcPlan;
    /** The task making {@link #srcPlan} ({@link RoutePlans#build}), until a step has waited for it; then null. */
    OffThread<long[]> plansMaking;
    /** No plans are made ({@link RoutePlans#withoutPlans}): tests only. */
    boolean unplanned;
    /**
     * Per word of the activity bitmap (64 PEs), the wavelets its PEs put into their own
     * channels in this cycle's compute phase less those they took out (a pop, a CE send, a
     * RAMP delivery); host injections and link hops are counted apart. Only the thread
     * computing the word writes it, and {@code FabricCycle#compute} moves it into the band at
     * once, so it is 0 between cycles: the running total of wavelets in flight
     * ({@code RunTimeline}) needs no sweep of the channels.
     */
    final int[] heldChange;

    ChannelRings(FabricBuilder b) {
        profile = b.profile;
        chan = b.chan;
        chFacts = b.chFacts;
        qBase = b.qBase;
        qChan = b.qChan;
        router = b.fresh.pe.router;
        heldChange = new int[(b.width * b.height + 63) >>> 6];
    }

    static final int MASK_SHIFT = 8;
    static final int BIT_SHIFT = 16;
    static final int PORT_SHIFT = 22;
    static final int TRACKED = 1 << 25;
    /**
     * A tracked link buffer of a PE with at most {@link #ARRIVING_SOURCES} sources, on a
     * profile whose hops take two cycles: a push into it while it is empty sets the source's
     * bit in the high half of its {@link RouterWords#BUSY} word (it arrives), since its head
     * is on its hop in the next cycle ({@link #headInFlight}); the router moves the bit down
     * then, without visiting the buffer, and visits it from the cycle after.
     */
    static final int ARRIVES = 1 << 26;
    static final int ARRIVING_SOURCES = 32;

    static int ringSize(int cap) {
        return cap <= 1 ? 1 : Integer.highestOneBit(cap - 1) << 1;
    }

    /** Words of the record of a channel whose ring has {@code ring} slots. */
    static int recordSize(int ring) {
        return SLOTS + ring + (ring + 3) / 4;
    }

    int channelCount() {
        return chFacts.length;
    }

    /** The channel whose record starts at {@code record} in {@link #chan} (a search of every channel: for reports). */
    int channelAt(int record) {
        for (int ch = 0; ch < chFacts.length; ch++) {
            if ((int) chFacts[ch] == record) {
                return ch;
            }
        }
        return -1;
    }

    /** Where channel {@code ch}'s record starts in {@link #chan}. */
    private int rec(int ch) {
        return (int) chFacts[ch];
    }

    int info(int ch) {
        return (int) (chFacts[ch] >>> 32);
    }

    /** Slots in the channel's ring. */
    int ring(int ch) {
        return (info(ch) >>> MASK_SHIFT & 0xFF) + 1;
    }

    int count(int ch) {
        return countOf(chFacts[ch]);
    }

    int capacity(int ch) {
        return info(ch) & 0xFF;
    }

    boolean full(int ch) {
        return count(ch) >= capacity(ch);
    }

    /** Room in a neighbour's input channel as its sender may know it (as of the last commit). */
    int freeForSender(int ch) {
        return roomOf(chFacts[ch]);
    }

    // ---- pops a link buffer's sender sees at once (a stamp in SEEN's high half) ----
    // A link buffer's owner pops it in the compute phase; its sender, computing the same cycle
    // (perhaps on another thread, or before), must see the room as of the last commit. Rather
    // than the owner's commit copying the pops into SEEN, the pop writes them there at once with
    // the cycle's stamp, and a sender that finds this cycle's stamp counts one pop less (a
    // buffer is popped at most once a cycle). A stamp holds 15 bits of the cycle, so it must
    // not outlive 2^15 cycles: every stepper clears all stamps once every 2^14 cycles, between
    // cycles (StampSweep). A buffer of capacity 1 publishes its pops in the commit as before
    // ({@link #stamps}).

    /** SEEN's high half for a pop in cycle {@code now}: 15 bits of the cycle, and bit 15 set. */
    static int stamp(int now) {
        return now & 0x7FFF | 0x8000;
    }

    /** Whether a link buffer with {@code facts} has its pops stamped, not published in the commit: a capacity of 2 or more. */
    static boolean stamps(long facts) {
        return ((int) (facts >>> 32) & 0xFF) > 1;
    }

    /** {@link #roomOf} in cycle {@code now}'s compute phase, by the channel's sender: a pop stamped {@code now} is not seen yet. */
    int roomOf(long facts, int now) {
        int c = (int) facts;
        int s = chan[c + SEEN];
        int unseen = (s >>> 16) == stamp(now) ? 1 : 0;
        return ((int) (facts >>> 32) & 0xFF) - ((chan[c + CTR] - s + unseen) & 0xFFFF);
    }

    /** {@link #popHead} of a link buffer that {@link #stamps}: its sender sees the pop from the next cycle on. */
    void popLink(int owner, long facts, int ctr, int now) {
        popHead(owner, facts, ctr);
        chan[(int) facts + SEEN] = ((ctr >>> 16) + 1 & 0xFFFF) | stamp(now) << 16;
    }

    /** {@link #freeForSender} of the channel with {@code facts}. */
    int roomOf(long facts) {
        int c = (int) facts;
        return ((int) (facts >>> 32) & 0xFF) - ((chan[c + CTR] - chan[c + SEEN]) & 0xFFFF);
    }

    /** Ring position of the i-th wavelet from the head. */
    private int position(int ch, int i) {
        return ((chan[rec(ch) + CTR] >>> 16) + i) & (info(ch) >>> MASK_SHIFT & 0xFF);
    }

    /** Payload of the i-th wavelet from the head. */
    int payloadAt(int ch, int i) {
        return ringPayload(ch, position(ch, i));
    }

    /** Color and flags ({@link Wavelet}) of the i-th wavelet from the head. */
    int metaAt(int ch, int i) {
        return ringMeta(ch, position(ch, i));
    }

    int headPayload(int ch) {
        return payloadAt(ch, 0);
    }

    int headMeta(int ch) {
        return metaAt(ch, 0);
    }

    /** The payload in ring position {@code j}, whether or not a wavelet holds it now. */
    int ringPayload(int ch, int j) {
        return chan[rec(ch) + SLOTS + j];
    }

    /** The meta byte in ring position {@code j}, whether or not a wavelet holds it now. */
    int ringMeta(int ch, int j) {
        return chan[rec(ch) + SLOTS + ring(ch) + (j >>> 2)] >>> ((j & 3) << 3) & 0xFF;
    }

    /** Pushes so far, as the 16-bit counter (signed, as a {@code short}). */
    short pushedCount(int ch) {
        return (short) chan[rec(ch) + CTR];
    }

    /** Pops so far, as the 16-bit counter. */
    short poppedCount(int ch) {
        return (short) (chan[rec(ch) + CTR] >>> 16);
    }

    /** Pops as the sender knows them, as the 16-bit counter. */
    short seenPoppedCount(int ch) {
        return (short) chan[rec(ch) + SEEN];
    }

    int lastPush(int ch) {
        return chan[rec(ch) + LAST];
    }

    /** Sets a channel's counters, as if that many wavelets had passed; only on an empty fabric (tests). */
    void setCounters(int ch, int pushed, int popped, int seenPopped) {
        chan[rec(ch) + CTR] = pushed & 0xFFFF | popped << 16;
        chan[rec(ch) + SEEN] = seenPopped & 0xFFFF;
    }

    /**
     * Whether the head wavelet of link buffer {@code ch} is still on its way in cycle
     * {@code now}: it is the last one pushed and was pushed in the previous cycle's commit
     * (hops of 2 cycles; with 1-cycle hops nothing is ever on its way).
     */
    boolean headInFlight(int ch, int now) {
        return profile.hopCycles() > 1 && count(ch) == 1 && chan[rec(ch) + LAST] == now - 1;
    }

    // ---- the head of a channel from its facts and counter word, read once by the caller ----
    // (a router visit reads both once; each call above reads them again, since the JIT
    // cannot tell that the stores in between leave them unchanged)

    /** {@link #headInFlight(int, int)} of the channel with {@code facts} and counter word {@code ctr}. */
    boolean headInFlight(long facts, int ctr, int now) {
        return profile.hopCycles() > 1 && ((ctr - (ctr >>> 16)) & 0xFFFF) == 1 && chan[(int) facts + LAST] == now - 1;
    }

    /** {@link #headMeta(int)} of the channel with {@code facts} and counter word {@code ctr}. */
    int headMeta(long facts, int ctr) {
        int mask = (int) (facts >>> 32 + MASK_SHIFT) & 0xFF;
        int j = (ctr >>> 16) & mask;
        return chan[(int) facts + SLOTS + mask + 1 + (j >>> 2)] >>> ((j & 3) << 3) & 0xFF;
    }

    /** {@link #headPayload(int)} of the channel with {@code facts} and counter word {@code ctr}. */
    int headPayload(long facts, int ctr) {
        int mask = (int) (facts >>> 32 + MASK_SHIFT) & 0xFF;
        return chan[(int) facts + SLOTS + ((ctr >>> 16) & mask)];
    }

    /**
     * {@link #pop} of the channel with {@code facts}, whose counter word is still {@code ctr}
     * (nothing wrote it since the caller read it).
     */
    void popHead(int owner, long facts, int ctr) {
        heldChange[owner >>> 6]--;
        int popped = (ctr >>> 16) + 1 & 0xFFFF;
        chan[(int) facts + CTR] = ctr & 0xFFFF | popped << 16;
        if (popped == (ctr & 0xFFFF)) {
            int info = (int) (facts >>> 32);
            if ((info & TRACKED) != 0) {
                router[RouterWords.at(owner) + RouterWords.BUSY + (info >>> PORT_SHIFT & 7)] &= ~(1L << (info >>> BIT_SHIFT));
            }
        }
    }

    /** Appends a wavelet to channel {@code ch}, which belongs to PE {@code owner}. */
    void push(int owner, int ch, int payload, int meta, int cycle) {
        pushTo(owner, chFacts[ch], payload, meta, cycle);
    }

    // ---- a channel reached by its facts word ({@code Fabric#qFacts}, {@code Fabric#srcWords}) ----

    /** {@link #count} of the channel with {@code facts}. */
    int countOf(long facts) {
        int ctr = chan[(int) facts + CTR];
        return (ctr - (ctr >>> 16)) & 0xFFFF;
    }

    /** {@link #full} of the channel with {@code facts}. */
    boolean fullOf(long facts) {
        return countOf(facts) >= ((int) (facts >>> 32) & 0xFF);
    }

    /** {@link #headMeta(int)} of the channel with {@code facts}. */
    int headMetaOf(long facts) {
        return headMeta(facts, chan[(int) facts + CTR]);
    }

    /** {@link #headPayload(int)} of the channel with {@code facts}. */
    int headPayloadOf(long facts) {
        return headPayload(facts, chan[(int) facts + CTR]);
    }

    /** {@link #pop} of the channel with {@code facts}, which belongs to PE {@code owner}. */
    void popOf(int owner, long facts) {
        popHead(owner, facts, chan[(int) facts + CTR]);
    }

    /** {@link #push} to the channel with {@code facts}, which belongs to PE {@code owner}. */
    void pushTo(int owner, long facts, int payload, int meta, int cycle) {
        int[] c = chan;
        int at = (int) facts;
        int info = (int) (facts >>> 32);
        int ctr = c[at + CTR];
        int mask = info >>> MASK_SHIFT & 0xFF;
        int j = ctr & mask;
        c[at + SLOTS + j] = payload;
        int m = at + SLOTS + mask + 1 + (j >>> 2);
        int shift = (j & 3) << 3;
        c[m] = c[m] & ~(0xFF << shift) | (meta & 0xFF) << shift;
        c[at + LAST] = cycle;
        c[at + CTR] = ctr & 0xFFFF0000 | (ctr + 1) & 0xFFFF;
        if ((info & TRACKED) != 0) {
            int bit = info >>> BIT_SHIFT;
            if ((info & ARRIVES) != 0 && (ctr & 0xFFFF) == ctr >>> 16) {
                bit += ARRIVING_SOURCES;   // into an empty link buffer: on its hop next cycle
            }
            router[RouterWords.at(owner) + RouterWords.BUSY + (info >>> PORT_SHIFT & 7)] |= 1L << bit;
        }
    }

    /** Removes the head wavelet of channel {@code ch}, which belongs to PE {@code owner}. */
    void pop(int owner, int ch) {
        popOf(owner, chFacts[ch]);
    }

    /** Commit phase: the sender of channel {@code ch} may now see its pops. */
    void publishPops(int ch) {
        publishPopsAt(rec(ch));
    }

    /** {@link #publishPops} of the channel whose record starts at {@code at}. */
    void publishPopsAt(int at) {
        chan[at + SEEN] = chan[at + CTR] >>> 16;
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
