package org.waferscope.engine.fabric;

/**
 * Which PEs' state each snapshot piece of the fabric's large arrays holds, so that a
 * snapshot reads only the pieces of PEs that may have changed since the last one.
 *
 * <p>Three arrays are most of a fabric's state (the channel records, the router records and
 * the microthread records: on a full wafer 400 to 600 MB of its 600 to 800), and only a
 * visit writes them: a PE's compute phase writes its own records, and its commit phase
 * pushes into the input buffers of its four neighbours (their channel records and the busy
 * words of their router records). So a piece of the microthread records can differ from
 * the last snapshot only if a PE it holds was visited since, and a piece of the channel or
 * router records only if such a PE or one of its neighbours was. The compute phase marks
 * the words of PEs it visits ({@link Fabric#touched}); {@link #mayHaveChanged} widens that
 * by the neighbours where it has to.
 *
 * <p>Per piece, the range of PEs whose state lies in it (first and last PE, inclusive); a
 * piece that holds no PE's state (the router array's leading words) is taken as
 * everybody's, so it is compared whenever anything moved. Built once per fabric.
 */
final class PieceOwners {
    /** Piece ranges of the channel records ({@link FabricSnapshot#CHUNK} ints a piece). */
    final int[][] chan;
    /** Of the router records ({@link FabricSnapshot#LONG_CHUNK} longs a piece). */
    final int[][] router;
    /** Of the microthread records. */
    final int[][] mtPool;

    private PieceOwners(Fabric f, Runnable mayGiveUp) {
        int pes = f.n;
        // channel records: each channel belongs to the PE whose router or CE reads it
        int[] owner = new int[f.channelCount()];
        java.util.Arrays.fill(owner, -1);
        int inOut = f.profile.inputQueues() + f.profile.outputQueues();
        for (int p = 0; p < pes; p++) {
            if ((p & 4095) == 0) {
                mayGiveUp.run();
            }
            for (int s = f.srcStart[p]; s < f.srcStart[p + 1]; s++) {
                owner[f.srcChan[s]] = p;
            }
            for (int rs = f.rsStart[p]; rs < f.rsStart[p + 1]; rs++) {
                for (int k = 0; k < 4; k++) {
                    int ch = f.rsInChan[rs * 4 + k];
                    if (ch >= 0) {
                        owner[ch] = p;
                    }
                }
            }
            for (int i = 0; f.qBase[p] >= 0 && i < inOut; i++) {
                int ch = f.qChan[f.qBase[p] + i];
                if (ch >= 0) {
                    owner[ch] = p;
                }
            }
        }
        int[][] c = empty(pieces(f.chan.length, FabricSnapshot.CHUNK));
        for (int ch = 0; ch < owner.length; ch++) {
            if ((ch & 16383) == 0) {
                mayGiveUp.run();
            }
            int from = (int) f.chFacts[ch];
            int words = ChannelRings.recordSize(f.ring(ch));
            own(c, from, from + words, owner[ch] < 0 ? 0 : owner[ch], owner[ch] < 0 ? pes - 1 : owner[ch],
                    FabricSnapshot.CHUNK);
        }
        chan = c;
        int[][] r = empty(pieces(f.router.length, FabricSnapshot.LONG_CHUNK));
        mayGiveUp.run();
        for (int p = 0; p < pes; p++) {
            own(r, RouterWords.at(p), RouterWords.at(p) + RouterWords.WORDS, p, p, FabricSnapshot.LONG_CHUNK);
        }
        router = r;
        int[][] m = empty(pieces(f.mtPool.length, FabricSnapshot.CHUNK));
        for (int p = 0; p < pes; p++) {
            if (f.mtBase[p] >= 0) {
                own(m, f.mtBase[p], f.mtBase[p] + f.mtCount[p] * Microthreads.WORDS, p, p, FabricSnapshot.CHUNK);
            }
        }
        mtPool = m;
        for (int[][] t : new int[][][] {chan, router, mtPool}) {
            for (int k = 0; k < t[0].length; k++) {
                if (t[0][k] > t[1][k]) {
                    t[0][k] = 0;
                    t[1][k] = pes - 1;
                }
            }
        }
    }

    /** The fabric's table, built at its first use. */
    static PieceOwners of(Fabric f) {
        return of(f, () -> { });
    }

    /**
     * The fabric's table, built at its first use (a snapshot after another); {@code mayGiveUp} is run
     * now and then while it is built, and may throw to give that snapshot up (nothing is kept).
     */
    static PieceOwners of(Fabric f, Runnable mayGiveUp) {
        if (f.pieceOwners == null) {
            f.pieceOwners = new PieceOwners(f, mayGiveUp);
        }
        return f.pieceOwners;
    }

    /** The table for live array {@code a} of {@code f}, or null when {@code a} is compared whole. */
    int[][] forArray(Fabric f, Object a) {
        return a == f.chan ? chan : a == f.router ? router : a == f.mtPool ? mtPool : null;
    }

    /** Whether {@code a}'s pieces change with the neighbours of the PEs visited, not only with those PEs. */
    static boolean fedByNeighbours(Fabric f, Object a) {
        return a == f.chan || a == f.router;
    }

    private static int pieces(int length, int chunk) {
        return (length + chunk - 1) / chunk;
    }

    private static int[][] empty(int pieces) {
        int[] lo = new int[pieces];
        int[] hi = new int[pieces];
        java.util.Arrays.fill(lo, Integer.MAX_VALUE);
        java.util.Arrays.fill(hi, Integer.MIN_VALUE);
        return new int[][] {lo, hi};
    }

    /** Elements [from, to) belong to PEs first..last. */
    private static void own(int[][] t, int from, int to, int first, int last, int chunk) {
        if (from >= to) {
            return;
        }
        for (int k = from / chunk; k <= (to - 1) / chunk; k++) {
            t[0][k] = Math.min(t[0][k], first);
            t[1][k] = Math.max(t[1][k], last);
        }
    }

    /**
     * The PEs marked in {@code touched} and their four neighbours, as a new bitmap (row ends
     * wrap into the next row: a few PEs too many, never too few).
     */
    static long[] withNeighbours(long[] touched, int width) {
        long[] out = touched.clone();
        orShifted(out, touched, 1);
        orShifted(out, touched, -1);
        orShifted(out, touched, width);
        orShifted(out, touched, -width);
        return out;
    }

    /** {@code out |= bits} moved by {@code by} PEs (towards higher numbers when positive). */
    private static void orShifted(long[] out, long[] bits, int by) {
        int words = Math.abs(by) >>> 6;
        int s = Math.abs(by) & 63;
        int n = bits.length;
        if (by > 0) {
            for (int w = n - 1; w >= words; w--) {
                long lo = bits[w - words];
                long below = w - words - 1 >= 0 ? bits[w - words - 1] : 0;
                out[w] |= s == 0 ? lo : lo << s | below >>> (64 - s);
            }
        } else {
            for (int w = 0; w + words < n; w++) {
                long hi = bits[w + words];
                long above = w + words + 1 < n ? bits[w + words + 1] : 0;
                out[w] |= s == 0 ? hi : hi >>> s | above << (64 - s);
            }
        }
    }

    /** Whether any PE in [first, last] is marked in {@code bits}. */
    static boolean anyMarked(long[] bits, int first, int last) {
        int w0 = first >>> 6;
        int w1 = last >>> 6;
        for (int w = w0; w <= w1; w++) {
            long m = bits[w];
            if (w == w0) {
                m &= -1L << first;
            }
            if (w == w1) {
                m &= -1L >>> (63 - (last & 63));
            }
            if (m != 0) {
                return true;
            }
        }
        return false;
    }
}
