package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pieces kept as their difference from another: the difference gives back the exact piece for
 * any content and any element type; a piece near its root is told against it and found
 * unchanged by its difference's bytes, one far from it against the piece before; a chain of
 * them restores exactly however the snapshots along it are dropped, and once every snapshot is
 * let go nothing is held.
 */
class PieceDeltasTest {
    @Test
    void aDifferenceAppliedToWhatItWasTakenAgainstGivesThePieceBack() {
        Random r = new Random(3);
        byte[] out = new byte[4096];
        for (int round = 0; round < 400; round++) {
            int type = round % 4;
            int n = 1 + r.nextInt(type == 1 ? 256 : 512);   // a piece is at most 2 KB: 256 groups
            int from = r.nextInt(8);
            Object ref = array(type, n);
            Object a = array(type, from + n);
            fill(ref, 0, n, r, 1.0);
            copy(ref, a, from, n);
            fill(a, from, from + n, r, r.nextDouble() * 0.3);   // a few elements changed, some of them wholly
            int length = PieceXor.encode(a, from, from + n, ref, 0, out, out.length);
            assertTrue(length >= PieceXor.HEADER, "round " + round);
            Object back = array(type, from + n);
            copy(ref, back, from, n);
            PieceXor.apply(out, 0, back, from, from + n);
            for (int i = 0; i < n; i++) {
                assertEquals(java.lang.reflect.Array.get(a, from + i), java.lang.reflect.Array.get(back, from + i),
                        "round " + round + " type " + type + " element " + i + " of " + n);
            }
            assertEquals(PieceXor.HEADER, PieceXor.encode(a, from, from + n, back, from, out, out.length),
                    "no difference left");
        }
    }

    @Test
    void aDifferenceLongerThanAllowedIsRefused() {
        int[] ref = new int[512];
        int[] a = new int[512];
        Arrays.fill(a, 0x01010101);
        assertEquals(-1, PieceXor.encode(a, 0, 512, ref, 0, new byte[4096], 1024));
    }

    @Test
    void chainsOfDeltasRestoreExactlyWhicheverSnapshotsAreDroppedAndLeaveNothingBehind() {
        PieceSlabs s = PieceSlabsTest.slabs();
        Random r = new Random(17);
        int places = 24;
        int chunk = FabricSnapshot.CHUNK;
        int[] live = new int[places * chunk];
        fill(live, 0, live.length, r, 0.4);
        // each snapshot: its handles and the content they stand for
        List<int[]> handles = new ArrayList<>();
        List<int[]> contents = new ArrayList<>();
        int[] before = null;
        for (int snap = 0; snap < 60; snap++) {
            int[] hs = new int[places];
            for (int k = 0; k < places; k++) {
                hs[k] = s.take(0, live, k * chunk, (k + 1) * chunk, before == null ? 0 : before[k]);
            }
            for (int h : hs) {
                s.hold(0, h);
            }
            handles.add(hs);
            contents.add(live.clone());
            before = hs;
            // a few places change a little, some a lot, one goes back to zeros, one copies another
            for (int k = 0; k < places; k++) {
                double p = r.nextDouble();
                if (p < 0.5) {
                    fill(live, k * chunk, (k + 1) * chunk, r, 0.02);
                } else if (p < 0.6) {
                    fill(live, k * chunk, (k + 1) * chunk, r, 0.9);
                } else if (p < 0.63) {
                    Arrays.fill(live, k * chunk, (k + 1) * chunk, 0);
                } else if (p < 0.66) {
                    int o = r.nextInt(places);
                    System.arraycopy(live, o * chunk, live, k * chunk, chunk);
                }
            }
            // now and then drop an older snapshot (never the newest: the next is told against it)
            if (handles.size() > 3 && r.nextInt(3) == 0) {
                int i = r.nextInt(handles.size() - 1);
                for (int h : handles.remove(i)) {
                    s.release(0, h);
                }
                contents.remove(i);
                s.trimTail();
            }
            for (int i = 0; i < handles.size(); i++) {
                int[] back = new int[live.length];
                for (int k = 0; k < places; k++) {
                    s.get(0, handles.get(i)[k], back, k * chunk, (k + 1) * chunk);
                }
                assertArrayEquals(contents.get(i), back, "snapshot " + i + " after " + snap);
            }
        }
        assertTrue(s.heldBytes() < (long) handles.size() * places * chunk * 4, "differences hold less than copies");
        for (int[] hs : handles) {
            for (int h : hs) {
                s.release(0, h);
            }
        }
        assertEquals(0, s.heldBytes(), "every slot freed once nothing names it");
        s.trimTail();
        assertEquals(0, s.slabBytes(), "and every slab given back");
    }

    @Test
    void aPieceNearItsRootIsToldAgainstItAndOneFarFromItAgainstThePieceBefore() {
        PieceSlabs s = PieceSlabsTest.slabs();
        PieceDeltas d = deltasOf(s, 0);
        int chunk = FabricSnapshot.CHUNK;
        int[] live = new int[chunk];
        live[3] = 7;
        int first = s.take(0, live, 0, chunk, 0);
        s.hold(0, first);
        assertTrue(first < 0 && d.depth(first) == 1 && d.ref(first) == 0, "a few words: a difference from zeros");
        assertEquals(first, s.take(0, live, 0, chunk, first), "unchanged: the same handle, found without a rebuild");
        live[9] = 1;
        int near = s.take(0, live, 0, chunk, first);
        s.hold(0, near);
        assertEquals(1, d.depth(near), "still near its root: told against it");
        assertEquals(0, d.ref(near));
        for (int i = 0; i < chunk; i += 3) {
            live[i] = 0x01000000 + i;   // far from zeros now
        }
        int far = s.take(0, live, 0, chunk, near);
        s.hold(0, far);
        int[] before = live.clone();
        live[20]++;
        int chained = s.take(0, live, 0, chunk, far);
        s.hold(0, chained);
        assertEquals(far, d.ref(chained), "a small change of a piece far from its root is told against the piece before");
        assertEquals(d.depth(far) + 1, d.depth(chained));
        assertEquals(chained, s.take(0, live, 0, chunk, chained), "a chained piece found unchanged");
        int[] back = new int[chunk];
        s.get(0, chained, back, 0, chunk);
        assertArrayEquals(live, back);
        s.get(0, far, back, 0, chunk);
        assertArrayEquals(before, back);
        java.util.Arrays.fill(live, 0);
        live[3] = 7;
        assertEquals(first, s.take(0, live, 0, chunk, chained), "back to a piece held: found by its difference's bytes");
    }

    @Test
    void aPeMemoryAtDepthOneIsAlwaysToldAgainstItsRoot() {
        System.setProperty("waferscope.memoryDeltaDepth", "1");
        PieceSlabs s;
        try {
            s = PieceSlabsTest.slabs();
        } finally {
            System.clearProperty("waferscope.memoryDeltaDepth");
        }
        PieceDeltas d = deltasOf(s, PieceSlabs.MEMORY);
        byte[] m = new byte[PieceSlabs.MEMORY_CHUNK];
        int was = 0;
        Random r = new Random(9);
        for (int snap = 0; snap < 20; snap++) {
            for (int i = 0; i < 6; i++) {
                m[r.nextInt(m.length)] = (byte) r.nextInt();
            }
            int h = s.take(PieceSlabs.MEMORY, m, 0, m.length, was);
            s.hold(PieceSlabs.MEMORY, h);
            assertTrue(h >= 0 || d.depth(h) == 1, "snapshot " + snap);
            byte[] back = new byte[m.length];
            s.get(PieceSlabs.MEMORY, h, back, 0, m.length);
            assertArrayEquals(m, back);
            was = h;
        }
    }

    private static PieceDeltas deltasOf(PieceSlabs s, int kind) {
        try {
            java.lang.reflect.Field f = PieceSlabs.class.getDeclaredField("all");
            f.setAccessible(true);
            return ((SlabKind[]) f.get(s))[kind].deltas;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object array(int type, int n) {
        return switch (type) {
            case 0 -> new int[n];
            case 1 -> new long[n];
            case 2 -> new byte[n];
            default -> new short[n];
        };
    }

    private static void copy(Object from, Object to, int at, int n) {
        System.arraycopy(from, 0, to, at, n);
    }

    /** Sets a share {@code p} of a[from, to) to random values, half of them differing in one byte only. */
    private static void fill(Object a, int from, int to, Random r, double p) {
        for (int i = from; i < to; i++) {
            if (r.nextDouble() >= p) {
                continue;
            }
            boolean small = r.nextBoolean();
            long v = small ? r.nextInt(256) : r.nextLong();
            if (a instanceof int[] x) {
                x[i] = small ? x[i] ^ (int) v : (int) v;
            } else if (a instanceof long[] x) {
                x[i] = small ? x[i] ^ v << 40 : v;
            } else if (a instanceof byte[] x) {
                x[i] = (byte) v;
            } else {
                ((short[]) a)[i] = (short) v;
            }
        }
    }
}
