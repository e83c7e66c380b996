package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * The fabric's per-PE arrays whose first contents the routes do not shape: the router and
 * compute-engine records and the per-PE counters, launch slots and host-stream fields, about
 * 300 bytes a PE (230 MB at full wafer). {@link FabricBuilder} makes them on a second thread
 * ({@link OffThread}) while it works out routes, queues and SRAM, and the fabric's
 * constructors take them as made here: zeros, with the few fields that start otherwise set
 * as those constructors set them before.
 */
final class FreshState {
    final long[] router;
    final long[] core;
    final long[] activated;
    final long[] blocked;
    final int[] controlData;
    final int[] launchFn;
    final int[] launchArgs;
    final byte[] released;
    final String[] fault;
    final int[][] hostIn;
    final int[] hostInPos;
    final int[] hostInColor;
    final int[][] hostOut;
    final int[] hostOutCount;
    final int[] hostOutColor;
    final int[] hostPath;
    final int[] hostPathCount;
    final int[] hostPathColor;
    final int[] linkBlocked;
    final long[] sleepFrom;

    /**
     * For {@code n} PEs; {@code hasMicrothreads[pi]} says whether program {@code pi} owns
     * microthreads, a status bit of the compute-engine record of each PE that runs it.
     */
    FreshState(int n, int[] peProgram, boolean[] hasMicrothreads) {
        router = RouterWords.allocate(n);
        core = CoreRecords.initialRecords(n, peProgram, hasMicrothreads);
        activated = new long[n];
        blocked = new long[n];
        controlData = new int[n];
        launchFn = new int[n];
        Arrays.fill(launchFn, -1);
        launchArgs = new int[n * Fabric.MAX_LAUNCH_ARGS];
        released = new byte[n];
        fault = new String[n];
        hostIn = new int[n][];
        hostInPos = new int[n];
        hostInColor = new int[n];
        hostOut = new int[n][];
        hostOutCount = new int[n];
        hostOutColor = new int[n];
        hostPath = new int[n * Fabric.HOST_PATH_DEPTH];
        hostPathCount = new int[n];
        hostPathColor = new int[n];
        linkBlocked = new int[n * 4];
        sleepFrom = new long[n];
    }
}
