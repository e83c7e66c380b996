package org.waferscope.engine.fabric;

import java.util.List;

/**
 * The packed records of {@link ChannelRings} as the arrays the fabric kept before it packed
 * them, for {@link StateHash}: so a state hashes the same whatever its layout, and hashes
 * taken before the records can be compared with hashes taken after.
 */
final class ChannelHash {
    private ChannelHash() {
    }

    /**
     * The channels ({@link ChannelRings#chan}): pushes, pops and pops seen by the sender
     * (16-bit counters), last pushes, then every ring's payloads and meta bytes, channel
     * after channel.
     */
    static List<StateHash.View> channels(ChannelRings f) {
        return List.of(h -> counters(h, f, 0), h -> counters(h, f, 1), h -> counters(h, f, 2), h -> {
            StateHash.Ints s = new StateHash.Ints(h);
            for (int ch = 0; ch < f.channelCount(); ch++) {
                s.add(f.lastPush(ch));
            }
            return s.end();
        }, h -> {
            StateHash.Ints s = new StateHash.Ints(h);
            for (int ch = 0; ch < f.channelCount(); ch++) {
                for (int j = 0, ring = f.ring(ch); j < ring; j++) {
                    s.add(f.ringPayload(ch, j));
                }
            }
            return s.end();
        }, h -> {
            StateHash.Bytes s = new StateHash.Bytes(h);
            for (int ch = 0; ch < f.channelCount(); ch++) {
                for (int j = 0, ring = f.ring(ch); j < ring; j++) {
                    s.add(f.ringMeta(ch, j));
                }
            }
            return s.end();
        });
    }

    /** A 16-bit counter of every channel, as a short array: 0 pushes, 1 pops, 2 pops seen. */
    private static long counters(long h, ChannelRings f, int which) {
        int channels = 0;
        for (int ch = 0; ch < f.channelCount(); ch++) {
            short v = which == 0 ? f.pushedCount(ch) : which == 1 ? f.poppedCount(ch) : f.seenPoppedCount(ch);
            h = StateHash.mix(h, v);
            channels++;
        }
        return StateHash.mix(h, channels);
    }

    /** Of the router records ({@link ChannelRings#router}): round-robin positions, sources holding wavelets, sources popped, parked wavelets. */
    static List<StateHash.View> routers(Fabric f) {
        return List.of(h -> {
            StateHash.Ints s = new StateHash.Ints(h);
            for (int p = 0; p < f.n; p++) {
                s.add(f.rr(p));
            }
            return s.end();
        }, h -> {
            for (int p = 0; p < f.n; p++) {
                for (int k = 0; k < Fabric.BUSY_WORDS; k++) {
                    h = StateHash.mix(h, f.srcBusy(p, k));
                }
            }
            return h;
        }, h -> {
            for (int p = 0; p < f.n; p++) {
                h = StateHash.mix(h, f.srcPopped(p));
            }
            return h;
        }, h -> perLink(h, f, 0), h -> perLink(h, f, 1), h -> {
            StateHash.Bytes s = new StateHash.Bytes(h);
            for (int p = 0; p < f.n; p++) {
                for (int d = 0; d < 4; d++) {
                    s.add(f.pendMeta(p, d));
                }
            }
            return s.end();
        });
    }

    /** Wavelets sent per link since load ({@link Fabric#linkHops}), as an int array of four per PE. */
    static StateHash.View hops(Fabric f) {
        return h -> perLink(h, f, 2);
    }

    /** An int per PE and link direction: 0 parked destination, 1 parked payload, 2 hops. */
    private static long perLink(long h, Fabric f, int which) {
        StateHash.Ints s = new StateHash.Ints(h);
        for (int p = 0; p < f.n; p++) {
            for (int d = 0; d < 4; d++) {
                s.add(which == 0 ? f.pendDest(p, d) : which == 1 ? f.pendPayload(p, d) : f.linkHops(p, d));
            }
        }
        return s.end();
    }
}
