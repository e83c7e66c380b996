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
    void givenBackOnlyOnceTheHeapGrewByTheLeastGain() {
        // the first time, any heap of that size; then only once it grew that much again
        assertTrue(IdleHeap.worthIt(IdleHeap.LEAST_GAIN, 0));
        assertFalse(IdleHeap.worthIt(IdleHeap.LEAST_GAIN - 1, 0));
        assertTrue(IdleHeap.worthIt(1900 * MB + IdleHeap.LEAST_GAIN, 1900 * MB));
        assertFalse(IdleHeap.worthIt(1900 * MB + IdleHeap.LEAST_GAIN - 1, 1900 * MB));
        assertFalse(IdleHeap.worthIt(1900 * MB, 1900 * MB));
    }

    @Test
    void smallFabricsAreLeftAlone() {
        assertEquals(-1, IdleHeap.giveBack(IdleHeap.SMALLEST_STATE - 1, 0));
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

    @Test
    void theHeapIsGivenBackAtEveryPauseNotOnlyTheFirst() {
        // the first collection sets the flags, which marks them as set by management from then on
        assertTrue(IdleHeap.collect());
        assertTrue(IdleHeap.collect(), "a second pause gives the heap back too");
    }
}
