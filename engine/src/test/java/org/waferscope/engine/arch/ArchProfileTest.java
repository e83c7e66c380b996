package org.waferscope.engine.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchProfileTest {
    /** WSE-2's profile with other SIMD widths: what a new profile would be built from. */
    private static ArchProfile withWidths(Map<SimdClass, Integer> widths) {
        ArchProfile p = ArchProfile.WSE2;
        return new ArchProfile("test", p.fabricWidth(), p.fabricHeight(), p.sramBytes(), p.colors(), p.taskIds(),
                p.inputQueueDepths(), p.outputQueueDepths(), p.microthreads(), p.hopCycles(), p.routerBufferDepth(),
                p.clockHz(), p.codeBytesPerInstruction(), p.dataTasksBindToQueues(), widths, p.reservedTaskIds());
    }

    @Test
    void everyBuiltInProfileGivesEveryClassAWidth() {
        for (ArchProfile p : ArchProfile.all()) {
            for (SimdClass c : SimdClass.values()) {
                assertTrue(p.simdWidth(c) >= 1, p.name() + " " + c);
            }
        }
    }

    @Test
    void aProfileWithAZeroWidthIsRefusedWhenMade() {
        // a width of 0 would divide a vector op's length by zero at run time
        Map<SimdClass, Integer> widths = new EnumMap<>(SimdClass.class);
        for (SimdClass c : SimdClass.values()) {
            widths.put(c, ArchProfile.WSE2.simdWidth(c));
        }
        assertEquals(ArchProfile.WSE2.simdWidth(SimdClass.MOVE32), withWidths(widths).simdWidth(SimdClass.MOVE32));
        widths.put(SimdClass.FP32_MULTIPLY, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withWidths(widths));
        assertTrue(e.getMessage().contains("fp32 multiply"), e.getMessage());
        widths.remove(SimdClass.FP32_MULTIPLY);
        assertThrows(IllegalArgumentException.class, () -> withWidths(widths));
    }
}
