package org.waferscope.engine.fabric;

/**
 * Loads that bring the state of the PEs a word's compute phase visits next into the cache
 * before their visits need it (memory-level parallelism). On a wafer whose busy state is
 * beyond the caches, a PE's visit is a chain of misses, each address read from the line
 * before (busy bits, then the source channel's facts, then its record); a core overlaps
 * misses only when their addresses are known. So {@link FabricCycle#compute} walks the
 * chain a few PEs ahead, one link per PE: the records of the PE three ahead (addresses from
 * the PE number alone), the facts of the busy sources of the PE two ahead (its busy bits
 * are in cache by then), and the counter words of the PE next (its facts are). Each load
 * here is then a single miss that nothing waits for, and the visit finds its lines cached.
 *
 * <p>Only reads, and their values go nowhere but into a sum that the caller hands to
 * {@link #sink}: the JIT may not drop a load whose value is used. A read may race with a
 * neighbour's commit on another worker; what it reads does not matter.
 */
final class VisitAhead {
    private VisitAhead() {
    }

    /** Experiment: which lookaheads run (bits: 1 records, 2 facts, 4 counters, 8 a visit's sources together, 16 records of the next PE). */
    static final int MODE = Integer.getInteger("waferscope.ahead", 7);

    /** Written only when the loads' sum hits one value out of 2^64: keeps them alive, changes nothing. */
    private static long sunk;

    /** The first line of PE q's router record and its CE record, and where its sources start. */
    static long records(Fabric f, int q) {
        return f.router[RouterWords.at(q) + RouterWords.BUSY] ^ f.core[CoreRecords.at(q)] ^ f.srcStart[q];
    }

    /** The facts word of each busy source of PE q (up to four), whose router record {@link #records} loaded. */
    static long facts(Fabric f, int q) {
        long[] r = f.router;
        int b = RouterWords.at(q) + RouterWords.BUSY;
        long busy = r[b] | r[b + 1] | r[b + 2] | r[b + 3] | r[b + 4];
        int s0 = f.srcStart[q];
        int ns = f.srcStart[q + 1] - s0;
        long sum = 0;
        for (int k = 0; k < 4 && busy != 0; k++) {
            int idx = Long.numberOfTrailingZeros(busy);
            busy &= busy - 1;
            if (idx >= ns) {
                break;
            }
            sum += f.chFacts[f.srcChan[s0 + idx]];
        }
        return sum;
    }

    /** The counter word of each busy source of PE q (up to four), whose facts {@link #facts} loaded. */
    static long counters(Fabric f, int q) {
        long[] r = f.router;
        int b = RouterWords.at(q) + RouterWords.BUSY;
        long busy = r[b] | r[b + 1] | r[b + 2] | r[b + 3] | r[b + 4];
        int s0 = f.srcStart[q];
        int ns = f.srcStart[q + 1] - s0;
        long sum = 0;
        for (int k = 0; k < 4 && busy != 0; k++) {
            int idx = Long.numberOfTrailingZeros(busy);
            busy &= busy - 1;
            if (idx >= ns) {
                break;
            }
            sum += f.chan[(int) f.chFacts[f.srcChan[s0 + idx]] + ChannelRings.CTR];
        }
        return sum;
    }

    /** Keeps the loads whose values summed to {@code sum}. */
    static void sink(long sum) {
        if (sum == 0x5EED_FA11_CAFE_1234L) {
            sunk++;
        }
    }

    /**
     * The facts words, then the counter words, of up to four busy sources of PE p's router
     * (busy bits {@code busy}), issued together before the visit reads any of them one after
     * the other; returns their sum.
     */
    static long sources(Fabric f, long busy, int s0) {
        int c0 = 0;
        int c1 = 0;
        int c2 = 0;
        int c3 = 0;
        long b = busy;
        c0 = f.srcChan[s0 + Long.numberOfTrailingZeros(b)];
        b &= b - 1;
        if (b != 0) {
            c1 = f.srcChan[s0 + Long.numberOfTrailingZeros(b)];
            b &= b - 1;
            if (b != 0) {
                c2 = f.srcChan[s0 + Long.numberOfTrailingZeros(b)];
                b &= b - 1;
                if (b != 0) {
                    c3 = f.srcChan[s0 + Long.numberOfTrailingZeros(b)];
                }
            }
        }
        long[] facts = f.chFacts;
        long f0 = facts[c0];
        long f1 = facts[c1];
        long f2 = facts[c2];
        long f3 = facts[c3];
        int[] chan = f.chan;
        return chan[(int) f0] + chan[(int) f1] + chan[(int) f2] + chan[(int) f3] + f0 + f1 + f2 + f3;
    }
}
