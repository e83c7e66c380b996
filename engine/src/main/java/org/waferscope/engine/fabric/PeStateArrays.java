package org.waferscope.engine.fabric;

import java.util.Arrays;

/**
 * The per-PE arrays of a fabric whose size is all they depend on (about 280 bytes a PE,
 * 210 MB at full wafer): the router and compute-engine records (unfilled), the counters,
 * launch slots and host-stream fields. A large {@link FabricLayout} begins them on another
 * thread as soon as its rectangle is set ({@link FabricLayout#beginFabricState}), so that
 * their fresh memory is touched while the layout block is still being evaluated on the
 * loading thread; {@link FreshState} takes them (or makes them itself).
 */
final class PeStateArrays {
    final int n;
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

    PeStateArrays(int n) {
        this.n = n;
        router = RouterWords.allocate(n);
        core = CoreRecords.allocate(n);
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
