package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;

/**
 * The upkeep of the link buffers' pop stamps ({@link ChannelRings#stamp}): between cycles, once
 * every {@link #PERIOD} cycles, every stamp is cleared. A stamp says only that the buffer was
 * popped in its cycle, and matters only in that cycle's compute phase; but it holds 15 bits of
 * the cycle, so one left 2^15 cycles would be taken for a later cycle's. Cleared at or shortly
 * before every multiple of 2^14 (a wavefront pass sweeps when it starts, up to its length
 * early), no stamp lives 2^15 cycles. This replaces a test of the stamp's age at every visit of a
 * link buffer and a test of the stamp at every push into an empty one; the sweep reads one word
 * a link buffer every 16,384 cycles.
 *
 * <p>Every stepper runs it: {@code CycleStepper} before each cycle that is a multiple of
 * {@link #PERIOD} and before each pass whose cycles hold one, {@code ReferenceStepper} (tests)
 * likewise. A sweep changes no state a cycle reads but the stamps of earlier cycles, which no
 * cycle reads, and no state the hash covers (the pops in {@code SEEN}'s low half stay). It marks
 * the PEs whose stamps it cleared as touched ({@link Fabric#touched}), so that a snapshot taken
 * after it holds what it cleared and a restore brings back no stamp it removed.
 */
public final class StampSweep {
    private StampSweep() {
    }

    /** Cycles between sweeps: 2^14, half the cycles after which a stamp's bits repeat. */
    public static final int PERIOD = 1 << 14;

    /**
     * Whether cycles {@code c} to {@code c + n - 1} hold a multiple of {@link #PERIOD} other than 0,
     * before whose start a sweep is due. None at cycle 0: nothing has been popped before it (a
     * fabric at cycle 0 is as loaded, reset or restored to its load), and the first step of a
     * full wafer need not walk every link buffer.
     */
    public static boolean due(long c, int n) {
        long m = (c + n - 1) & -PERIOD;
        return m >= c && m > 0;
    }

    /**
     * Clears the stamps of the link buffers of the PEs in words {@code from} to {@code to - 1}
     * of the activity bitmap (64 PEs a word). Between cycles only; workers may sweep disjoint
     * ranges of words at once (each writes only its own PEs' buffers and touched words).
     */
    public static void sweep(FabricCycle cycle, int from, int to) {
        Fabric f = cycle.fabric();
        int[] chan = f.chan;
        byte[] ports = f.srcPort;
        long[] words = f.srcWords;
        int ramp = Direction.RAMP.ordinal();
        for (int w = from; w < to; w++) {
            long marks = 0;
            for (int p = w << 6, end = Math.min(f.n, p + 64); p < end; p++) {
                for (int si = f.srcStart[p], last = f.srcStart[p + 1]; si < last; si++) {
                    if (ports[si] != ramp) {
                        int at = (int) words[2 * si] + ChannelRings.SEEN;
                        int s = chan[at];
                        if (s < 0) {
                            chan[at] = s & 0xFFFF;
                            marks |= 1L << p;
                        }
                    }
                }
            }
            f.touched[w] |= marks;
        }
    }

    /**
     * Worker {@code id} of {@code workers} sweeps its share of the fabric's words; returns whether
     * the workers must meet before the cycle (more than one sweeps).
     */
    public static boolean share(FabricCycle cycle, int id, int workers) {
        int words = cycle.words();
        sweep(cycle, (int) ((long) words * id / workers), (int) ((long) words * (id + 1) / workers));
        return workers > 1;
    }

    /** Before cycles {@code c} to {@code c + n - 1} run in one pass: the whole fabric, when a sweep is due. */
    public static void beforePass(FabricCycle cycle, long c, int n) {
        if (due(c, n)) {
            sweep(cycle, 0, cycle.words());
        }
    }
}
