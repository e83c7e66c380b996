package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * The unchecked SRAM forms read and write exactly what the checked ones do, and the forms that
 * compare with a known size fall back on the checked ones outside it, so a bad frame slot
 * faults as it always has.
 */
class SramTest {

    @Test
    void uncheckedFormsAreLittleEndianAsTheCheckedOnes() {
        byte[] m = new byte[64];
        Sram.writeIntInside(m, 8, 0x11223344);
        assertEquals(0x44, m[8]);
        assertEquals(0x11, m[11]);
        assertEquals(0x11223344, Sram.readInt(m, 8));
        Sram.writeInt(m, 60, -7);
        assertEquals(-7, Sram.readIntInside(m, 60));
        Sram.writeInside(m, 16, ElementType.F32, Float.floatToRawIntBits(2.5f));
        assertEquals(2.5f, Float.intBitsToFloat(Sram.read(m, 16, ElementType.F32)));
        Sram.writeInside(m, 20, ElementType.I16, -3);
        assertEquals(-3, Sram.readInside(m, 20, ElementType.I16));
        assertEquals(0xFFFD, Sram.readInside(m, 20, ElementType.U16));
    }

    @Test
    void aKnownSizeFallsBackOnTheCheckOutsideIt() {
        byte[] m = new byte[40];
        Sram.writeIntWithin(m, m.length, 36, 5);
        assertEquals(5, Sram.readIntWithin(m, m.length, 36));
        Sram.writeIntWithin(m, m.length, 13, 0x01020304);   // unaligned: the checked form, which allows it
        assertEquals(0x01020304, Sram.readInt(m, 13));
        for (int addr : new int[] {-4, -1, 37, 40, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThrows(IndexOutOfBoundsException.class, () -> Sram.readIntWithin(m, m.length, addr), "at " + addr);
            assertThrows(IndexOutOfBoundsException.class, () -> Sram.writeIntWithin(m, m.length, addr, 1), "at " + addr);
        }
        byte[] tiny = new byte[2];
        assertThrows(IndexOutOfBoundsException.class, () -> Sram.readIntWithin(tiny, tiny.length, 0));
    }

    /** What the unchecked forms rest on: each PE's SRAM is exactly its program's size. */
    @Test
    void everyPeHoldsAsManySramBytesAsItsProgramNeeds() {
        var layout = NeighbourExchange.layout(9, 8, 2, 2, 5, 4, NeighbourExchange.Options.FOREVER,
                NeighbourExchange.asleep());
        try (Wafer w = Wafer.of(ArchProfile.WSE2, layout, 1)) {
            Fabric f = w.fabric();
            for (int p = 0; p < f.width * f.height; p++) {
                assertEquals(f.tables[f.peProgram[p]].sramBytes, f.sramOf(p).length, "PE " + p);
            }
        }
    }
}
