package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class IdleHeapTest {
    private static final long MB = 1L << 20;

    @Test
    void givenBackOnlyWhenTheHeapWouldShrinkByTheLeastGain() {
        // a full-wafer explorer paused: 3.4 GB committed, 1.7 GB in use, kept at 1.7 GB and a tenth free
        assertTrue(IdleHeap.worthIt(3400 * MB, 1700 * MB));
        long kept = 1700 * MB / (100 - IdleHeap.KEEP_FREE_PERCENT) * 100;
        assertTrue(IdleHeap.worthIt(kept + IdleHeap.LEAST_GAIN, 1700 * MB));
        assertFalse(IdleHeap.worthIt(kept + IdleHeap.LEAST_GAIN - 1, 1700 * MB));
        // just given back: the heap is what it keeps, and stays
        assertFalse(IdleHeap.worthIt(kept, 1700 * MB));
        assertFalse(IdleHeap.worthIt(1700 * MB, 1700 * MB));
    }

    @Test
    void smallFabricsAreLeftAlone() {
        assertFalse(IdleHeap.giveBack(IdleHeap.SMALLEST_STATE - 1));
    }

    @Test
    void aCollectionLeavesTheCollectorsFlagsAsTheyWere() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        assertTrue(IdleHeap.collect(), "on HotSpot the flags are manageable and, unless given, settable");
        assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
        assertEquals(min, vm.getVMOption("MinHeapFreeRatio").getValue());
    }
}
