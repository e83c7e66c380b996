package org.waferscope.engine.fabric;

import java.util.List;
import org.waferscope.engine.arch.ArchProfile;

/**
 * The channels' records ({@link ChannelRings#chan}) and facts ({@link ChannelRings#chFacts}),
 * made on a helper thread ({@link OffThread}) while the builder numbers the queues and finds
 * the routers' sources. The builder numbers channels as it makes them: the routers' input
 * buffers first, all of the profile's router-buffer depth, then each placed PE's used input
 * queues and output queues, in PE order. So every channel's depth follows from the number
 * of router buffers and the programs' tables, and this needs nothing else of the builder.
 *
 * <p>The records are laid out PE by PE, not in channel order: a PE's router buffers, then
 * its queues. A busy PE's channels are then one run of memory rather than two far apart
 * (the router buffers of every PE come before any queue in channel order), so a cycle
 * streams one region of {@code chan} instead of two. Channel ids, and so the state hash,
 * do not depend on where a record lies ({@link ChannelRings#chFacts} says where).
 */
record ChannelRecords(int[] chan, long[] facts) {

    /**
     * The records and facts of the router buffers and the queues of the PEs' programs;
     * {@code buffersTo[p]} is one more than the last router buffer of PEs 0..p.
     */
    static ChannelRecords make(ArchProfile profile, int[] buffersTo, int[] peProgram, ProgramTables[] tables) {
        int routerBuffers = buffersTo.length == 0 ? 0 : buffersTo[buffersTo.length - 1];
        int[][] depths = new int[tables.length][];
        for (int i = 0; i < tables.length; i++) {
            depths[i] = tables[i].queueDepths(profile);
        }
        long channels = routerBuffers;
        for (int pi : peProgram) {
            channels += pi >= 0 ? depths[pi].length : 0;
        }
        if (channels > Integer.MAX_VALUE - 8) {
            throw tooMany();
        }
        long[] facts = new long[(int) channels];
        int routerDepth = checked(profile.routerBufferDepth());
        long words = LEAD;
        int ch = 0;
        int queue = routerBuffers;
        for (int p = 0; p < peProgram.length; p++) {
            for (; ch < buffersTo[p]; ch++) {
                words = lay(facts, ch, routerDepth, words);
            }
            int pi = peProgram[p];
            if (pi >= 0) {
                for (int depth : depths[pi]) {
                    words = lay(facts, queue++, checked(depth), words);
                }
            }
        }
        return new ChannelRecords(new int[(int) words], facts);
    }

    /**
     * Ints before the first record: with the 16-byte array header, 48 bytes put index
     * {@code LEAD + 16 k} on a 64-byte line boundary when the array starts on one (a large
     * array of the G1 collector, a region of its own, does), as {@link RouterWords#LEAD}.
     */
    static final int LEAD = 12;
    /** Ints per cache line. */
    static final int LINE = 16;

    /**
     * Sets channel ch's facts (where its record starts, capacity, ring mask); returns where the
     * next record may start. A record that fits in a line starts where it does not cross
     * one, and a longer one on a line's start: a push, a pop or a sender's look at the room
     * then touches one line of the channel, not two (about half of the records of a
     * nearest-neighbour PE crossed a line when they were packed back to back).
     */
    private static long lay(long[] facts, int ch, int cap, long words) {
        int ring = ChannelRings.ringSize(cap);
        int size = ChannelRings.recordSize(ring);
        int into = (int) ((words - LEAD) % LINE);
        if (into != 0 && (size > LINE || into + size > LINE)) {
            words += LINE - into;
        }
        facts[ch] = words | (long) (cap | (ring - 1) << ChannelRings.MASK_SHIFT) << 32;
        words += size;
        if (words > Integer.MAX_VALUE - 8) {
            throw tooMany();
        }
        return words;
    }

    /**
     * A channel's depth, which must fit the facts' byte. Its ring will have the next power
     * of two slots, so that the 16-bit push and pop counters map to slots by a mask,
     * seamlessly when they wrap.
     */
    private static int checked(int cap) {
        if (cap < 1 || cap > 0xFF) {
            throw new IllegalArgumentException("channel depth " + cap + " is outside 1..255");
        }
        return cap;
    }

    private static FabricException tooMany() {
        return new FabricException(List.of("the layout's wavelet buffers need more than 2^31 words"));
    }
}
