package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;

/**
 * The slabs snapshot pieces live in: equal pieces stored once wherever they are, a slot
 * freed only when the last place naming it is let go, and a freed slot filled again.
 */
class PieceSlabsTest {
    static PieceSlabs slabs() {
        Fabric f = FabricBuilder.build(ArchProfile.WSE2, NeighbourExchange.layout(4, 3, new NeighbourExchange.Options(0, true, false)));
        return PieceSlabs.of(f);
    }

    /** A piece unlike zeros in every element, so that it is copied whole, never told as a difference from zeros. */
    private static int[] dense() {
        int[] a = new int[FabricSnapshot.CHUNK];
        java.util.Arrays.setAll(a, i -> 0x01010101 * (i + 1));
        return a;
    }

    @Test
    void equalPiecesAnywhereShareOneSlotAndDifferentOnesDoNot() {
        PieceSlabs s = slabs();
        int[] a = new int[4 * FabricSnapshot.CHUNK];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % FabricSnapshot.CHUNK;   // pieces 0..3 are equal
        }
        a[3 * FabricSnapshot.CHUNK + 7] = -1;     // but piece 3
        int h0 = s.take(0, a, 0, FabricSnapshot.CHUNK, 0);
        int h2 = s.take(0, a, 2 * FabricSnapshot.CHUNK, 3 * FabricSnapshot.CHUNK, 0);
        int h3 = s.take(0, a, 3 * FabricSnapshot.CHUNK, 4 * FabricSnapshot.CHUNK, 0);
        assertEquals(h0, h2, "equal pieces at different places share a slot");
        assertNotEquals(h0, h3);
        assertTrue(s.same(0, a, FabricSnapshot.CHUNK, 2 * FabricSnapshot.CHUNK, h0));
        int[] back = new int[FabricSnapshot.CHUNK];
        s.get(0, h3, back, 0, back.length);
        assertArrayEquals(java.util.Arrays.copyOfRange(a, 3 * FabricSnapshot.CHUNK, 4 * FabricSnapshot.CHUNK), back);
    }

    @Test
    void aSlotIsFreedWithItsLastPlaceAndThenFilledAgain() {
        PieceSlabs s = slabs();
        int[] a = dense();
        a[0] = 42;
        int h = s.take(0, a, 0, a.length, 0);
        s.hold(0, h);
        s.hold(0, h);   // two snapshots name it
        s.release(0, h);
        a[0] = 43;
        int other = s.take(0, a, 0, a.length, 0);
        assertNotEquals(h, other, "a slot still named is not handed out again");
        assertEquals(0, s.reusedBytes());
        s.hold(0, other);
        s.release(0, h);   // the last place that named it
        a[0] = 44;
        int again = s.take(0, a, 0, a.length, 0);
        assertEquals(h, again, "the freed slot is filled again");
        assertTrue(s.reusedBytes() > 0);
        a[0] = 42;
        int fresh = s.take(0, a, 0, a.length, 0);
        assertNotEquals(h, fresh, "the freed content is no longer found by its hash");
        int[] back = new int[FabricSnapshot.CHUNK];
        s.get(0, other, back, 0, back.length);
        assertEquals(43, back[0]);
    }

    @Test
    void theHashIndexAgreesWithAMapThroughPutsAndRemovals() {
        PieceIndex index = new PieceIndex();
        Map<Integer, Integer> model = new HashMap<>();
        Random r = new Random(11);
        List<Integer> keys = new ArrayList<>();
        for (int step = 0; step < 40_000; step++) {
            if (keys.isEmpty() || r.nextInt(3) > 0) {
                // few distinct high bits, so that keys collide in the table and runs form
                int k = r.nextInt(5_000) << 20 | r.nextInt(64);
                if (!model.containsKey(k)) {
                    index.put(k, step);
                    model.put(k, step);
                    keys.add(k);
                }
            } else {
                int k = keys.remove(r.nextInt(keys.size()));
                index.remove(k, model.remove(k));
            }
            if (step % 997 == 0) {
                for (Map.Entry<Integer, Integer> e : model.entrySet()) {
                    assertEquals(e.getValue(), index.get(e.getKey()), "key " + e.getKey());
                }
            }
        }
        for (int k : keys) {
            assertEquals(model.get(k), index.get(k));
        }
        assertEquals(-1, index.get(-5));
    }

    @Test
    void slabsLeftWithNothingInThemGoBackToTheHeap() {
        PieceSlabs s = slabs();
        int[] a = dense();
        java.util.List<Integer> handles = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {   // a few slabs' worth of distinct pieces
            a[0] = i;
            int h = s.take(0, a, 0, a.length, 0);
            s.hold(0, h);
            handles.add(h);
        }
        long full = s.slabBytes();
        for (int h : handles.subList(300, 600)) {
            s.release(0, h);
        }
        s.trimTail();
        assertTrue(s.slabBytes() < full, s.slabBytes() + " of " + full + " after the newest half went");
        assertTrue(s.slabBytes() >= s.heldBytes(), "the pieces still named stay");
        a[0] = 7;
        int again = s.take(0, a, 0, a.length, 0);
        int[] back = new int[FabricSnapshot.CHUNK];
        s.get(0, again, back, 0, back.length);
        assertArrayEquals(a, back, "a slot after the trim is filled as any other");
        a[0] = 5;
        s.get(0, handles.get(4), back, 0, back.length);
        assertArrayEquals(a, back, "a piece still named is where it was");
        assertTrue(s.same(0, a, 0, a.length, handles.get(4)));
    }
}
