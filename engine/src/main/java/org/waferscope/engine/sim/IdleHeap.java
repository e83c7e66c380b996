package org.waferscope.engine.sim;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Gives the heap back to the system once the simulator is idle (paused with the next step
 * back prepared, halted, or loaded and not yet run). The collector keeps the heap it has
 * touched: a full-wafer explorer's resident memory follows the most it ever held while
 * running (frames, snapshots and their lists, a preparation's re-run), about a gigabyte more
 * than it holds once paused, and G1 gives back nothing while less than 70 % of its heap is
 * free ({@code MaxHeapFreeRatio}). So, idle, and only when the heap grew by at least
 * {@link #LEAST_GAIN} since it was last given back: one full collection with
 * {@code MaxHeapFreeRatio} lowered to {@link #KEEP_FREE_PERCENT} for it (a manageable flag),
 * then the flags as they were, so that no collection while running shrinks the heap the run
 * then grows again.
 *
 * <p>Only for fabrics whose state is at least {@link #SMALLEST_STATE} (smaller ones leave
 * little to give back, and tests would collect at every pause), only where the JVM lets the
 * flags be set, and never when the user set them. {@code -Dwaferscope.giveBackHeap=off} turns
 * it off (for measuring).
 *
 * <p>Threads: the simulation thread only.
 */
final class IdleHeap {
    static final long SMALLEST_STATE = 128L << 20;
    /** The heap left free after giving back, as a share of the heap then: room for a pause's small allocations. */
    static final int KEEP_FREE_PERCENT = 10;
    /** Giving back pauses every thread for about half a second at full wafer: not for less than this. */
    static final long LEAST_GAIN = 256L << 20;
    private static final boolean ON = !"off".equals(System.getProperty("waferscope.giveBackHeap"));
    private static final String MAX_FREE = "MaxHeapFreeRatio";
    private static final String MIN_FREE = "MinHeapFreeRatio";
    /**
     * Whether the user gave either flag. Read once, when this class is first used: setting a flag
     * here, even back to its value, makes its origin {@code MANAGEMENT}, so a later look could not
     * tell the user's setting from ours and would refuse every give-back after the first.
     */
    private static final boolean USER_SET = userSet();

    private IdleHeap() {
    }

    /**
     * Whether a heap of {@code committed} bytes has grown by at least {@link #LEAST_GAIN} since
     * the last collection here left {@code kept} (0 before the first). Not judged by what is in
     * use now: that counts garbage not yet collected (the explorer's window makes some while
     * paused), and a heap full of it would never look worth giving back.
     */
    static boolean worthIt(long committed, long kept) {
        return committed - kept >= LEAST_GAIN;
    }

    /**
     * Gives the heap back if the fabric's state ({@code stateBytes}) is large enough and the
     * heap grew since the last time left {@code kept} bytes; returns the heap's bytes after, or
     * -1 when it did not collect.
     */
    static long giveBack(long stateBytes, long kept) {
        if (!ON || stateBytes < SMALLEST_STATE || !worthIt(committed(), kept) || !collect()) {
            return -1;
        }
        return committed();
    }

    private static long committed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /**
     * One full collection that gives back what is beyond {@link #KEEP_FREE_PERCENT} free, the
     * flags restored after; false (and no collection) where the flags cannot be set or the
     * user set them.
     */
    static boolean collect() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null) {
            return false;
        }
        VMOption max;
        VMOption min;
        try {
            max = vm.getVMOption(MAX_FREE);
            min = vm.getVMOption(MIN_FREE);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (USER_SET || !max.isWriteable() || !min.isWriteable()) {
            return false;
        }
        try {
            // the lower first: the JVM refuses a MaxHeapFreeRatio below MinHeapFreeRatio
            vm.setVMOption(MIN_FREE, "0");
            vm.setVMOption(MAX_FREE, Integer.toString(KEEP_FREE_PERCENT));
            System.gc();
            return true;
        } catch (IllegalArgumentException | SecurityException e) {
            return false;
        } finally {
            restore(vm, MAX_FREE, max.getValue());
            restore(vm, MIN_FREE, min.getValue());
        }
    }

    private static boolean userSet() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            return vm != null && (vm.getVMOption(MAX_FREE).getOrigin() != VMOption.Origin.DEFAULT
                    || vm.getVMOption(MIN_FREE).getOrigin() != VMOption.Origin.DEFAULT);
        } catch (IllegalArgumentException e) {
            return false;   // no such flags: collect() finds that out and declines
        }
    }

    private static void restore(HotSpotDiagnosticMXBean vm, String flag, String value) {
        try {
            vm.setVMOption(flag, value);
        } catch (IllegalArgumentException | SecurityException e) {
            // left as set: it only shapes how much heap a collection keeps
        }
    }
}
