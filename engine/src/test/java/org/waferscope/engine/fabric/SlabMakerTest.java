package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;

/**
 * Slabs made ahead of need: a store whose fresh slabs were made ahead hands out the same
 * handles for the same pieces, and gives back the same contents, as one that makes each
 * slab when it needs it. The maker runs on the calling thread here, so what is made ahead
 * is the same on every run.
 */
class SlabMakerTest {
    private static Fabric fabric() {
        return FabricBuilder.build(ArchProfile.WSE2, NeighbourExchange.layout(4, 3, new NeighbourExchange.Options(0, true, false)));
    }

    @Test
    void aSlabMadeAheadIsInUseTheSameAsAFreshOne() {
        PieceSlabs ahead = PieceSlabs.of(fabric(), Runnable::run);
        PieceSlabs fresh = PieceSlabs.of(fabric(), null);
        Random r = new Random(5);
        int[] a = new int[FabricSnapshot.CHUNK];
        java.util.Arrays.fill(a, 0x01010101);   // unlike zeros in every byte: each piece is a copy, in the slabs made ahead
        List<Integer> handles = new ArrayList<>();
        List<int[]> contents = new ArrayList<>();
        // several snapshots' worth of pieces, over many slabs (64 KB: 32 int pieces a slab), some let go
        for (int snapshot = 0; snapshot < 6; snapshot++) {
            for (int i = 0; i < 150; i++) {
                for (int j = 0; j < a.length; j += 1 + r.nextInt(40)) {
                    a[j] = 0x01010101 * (1 + r.nextInt(4));
                }
                int h = ahead.take(0, a, 0, a.length, 0);
                assertEquals(fresh.take(0, a, 0, a.length, 0), h, "the same piece gets the same handle");
                ahead.hold(0, h);
                fresh.hold(0, h);
                handles.add(h);
                contents.add(a.clone());
            }
            for (int i = 0; i < handles.size(); i++) {
                int[] back = new int[a.length];
                ahead.get(0, handles.get(i), back, 0, back.length);
                assertArrayEquals(contents.get(i), back, "piece " + i + " of snapshot " + snapshot);
            }
            ahead.snapshotTaken();
            fresh.snapshotTaken();
            for (int i = 0; i < handles.size(); i += 3) {
                ahead.release(0, handles.get(i));
                fresh.release(0, handles.get(i));
            }
            ahead.planAhead();
            fresh.planAhead();
            handles.clear();
            contents.clear();
        }
        long[] made = ahead.slabsMade();
        assertTrue(made[0] > 0, "some slabs were made ahead: " + made[0] + " ahead, " + made[1] + " when needed");
        assertEquals(0, fresh.slabsMade()[0]);
        assertEquals(fresh.slabsMade()[1], made[0] + made[1], "as many slabs in both stores");
        assertEquals(fresh.heldBytes(), ahead.heldBytes());
    }

    @Test
    void aMadeAheadSlabIsZerosAndHoldsWhatIsCopiedIn() {
        SlabMaker m = new SlabMaker(long.class, 1000, Runnable::run);
        m.keepReady(2);
        assertEquals(2, m.waiting());
        long[] slab = (long[]) m.next();
        assertArrayEquals(new long[1000], slab);
        assertEquals(2, m.waiting(), "taking one sets the next in the making");
        assertArrayEquals(new long[] {1, 0}, m.counts());
        m.keepReady(0);
        m.next();
        m.next();
        m.next();
        assertArrayEquals(new long[] {4, 0}, m.counts());
        assertEquals(1, m.waiting(), "with none asked for, each one taken still sets one more in the making");
        SlabMaker none = new SlabMaker(long.class, 1000, null);
        none.keepReady(2);
        assertArrayEquals(new long[1000], (long[]) none.next());
        assertArrayEquals(new long[] {0, 1}, none.counts(), "without a maker each slab is made when needed");
    }
}
