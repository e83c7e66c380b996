package org.waferscope.engine.fabric;

/**
 * Hashes the channel records ({@link ChannelRings#chan}) as the six arrays the fabric kept
 * before they were packed into records: pushes, pops, pops seen by the sender (16-bit
 * counters), last pushes, then every ring's payloads and meta bytes, channel after channel.
 * So a state hashes the same whatever the layout of its channels, and hashes taken before
 * the records can be compared with hashes taken after.
 */
final class ChannelHash {
    private ChannelHash() {
    }

    /** The state arrays the records stand for: {@link StateHash} numbers each. */
    static final int ARRAYS = 6;

    /** Mixes the channels into {@code h}, numbering their arrays from {@code index} + 1. */
    static long of(long h, int index, ChannelRings f) {
        int channels = 0;
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            channels++;
        }
        h = StateHash.mix(h, index + 1);
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            h = StateHash.mix(h, f.pushedCount(ch));
        }
        h = StateHash.mix(h, channels);
        h = StateHash.mix(h, index + 2);
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            h = StateHash.mix(h, f.poppedCount(ch));
        }
        h = StateHash.mix(h, channels);
        h = StateHash.mix(h, index + 3);
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            h = StateHash.mix(h, f.seenPoppedCount(ch));
        }
        h = StateHash.mix(h, channels);
        Ints last = new Ints(StateHash.mix(h, index + 4));
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            last.add(f.lastPush(ch));
        }
        Ints payloads = new Ints(StateHash.mix(last.end(), index + 5));
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            for (int j = 0, ring = f.ring(ch); j < ring; j++) {
                payloads.add(f.ringPayload(ch, j));
            }
        }
        Bytes metas = new Bytes(StateHash.mix(payloads.end(), index + 6));
        for (int ch = f.firstChannel(); ch >= 0; ch = f.nextChannel(ch)) {
            for (int j = 0, ring = f.ring(ch); j < ring; j++) {
                metas.add(f.ringMeta(ch, j));
            }
        }
        return metas.end();
    }

    /** {@link StateHash}'s hash of an int array, fed one element at a time. */
    private static final class Ints {
        private long h;
        private int held;
        private boolean holding;
        private int length;

        Ints(long h) {
            this.h = h;
        }

        void add(int v) {
            if (holding) {
                h = StateHash.mix(h, ((long) held << 32) ^ (v & 0xFFFFFFFFL));
            } else {
                held = v;
            }
            holding = !holding;
            length++;
        }

        long end() {
            if (holding) {
                h = StateHash.mix(h, held);
            }
            return StateHash.mix(h, length);
        }
    }

    /** {@link StateHash}'s hash of a byte array, fed one element at a time: eight bytes to a word, the rest alone. */
    private static final class Bytes {
        private long h;
        private final byte[] group = new byte[8];
        private int held;
        private int length;

        Bytes(long h) {
            this.h = h;
        }

        void add(int b) {
            group[held++] = (byte) b;
            length++;
            if (held == 8) {
                long v = 0;
                for (int k = 7; k >= 0; k--) {
                    v = (v << 8) | (group[k] & 0xFF);
                }
                h = StateHash.mix(h, v);
                held = 0;
            }
        }

        long end() {
            for (int i = 0; i < held; i++) {
                h = StateHash.mix(h, group[i]);
            }
            return StateHash.mix(h, length);
        }
    }
}
