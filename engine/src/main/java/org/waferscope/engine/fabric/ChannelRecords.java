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
 */
record ChannelRecords(int[] chan, long[] facts) {

    /** The records and facts of {@code routerBuffers} router buffers and the queues of the PEs' programs. */
    static ChannelRecords make(ArchProfile profile, int routerBuffers, int[] peProgram, ProgramTables[] tables) {
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
        long words = 0;
        int ch = 0;
        for (; ch < routerBuffers; ch++) {
            words = lay(facts, ch, routerDepth, words);
        }
        for (int pi : peProgram) {
            if (pi >= 0) {
                for (int depth : depths[pi]) {
                    words = lay(facts, ch++, checked(depth), words);
                }
            }
        }
        return new ChannelRecords(new int[(int) words], facts);
    }

    /** Sets channel ch's facts (where its record starts, capacity, ring mask); returns where the next record starts. */
    private static long lay(long[] facts, int ch, int cap, long words) {
        int ring = ChannelRings.ringSize(cap);
        facts[ch] = words | (long) (cap | (ring - 1) << ChannelRings.MASK_SHIFT) << 32;
        words += ChannelRings.recordSize(ring);
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
