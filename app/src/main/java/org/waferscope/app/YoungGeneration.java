package org.waferscope.app;

import java.util.List;

/**
 * A cap on G1's young generation for the jar's second JVM ({@link Relaunch}):
 * {@code -XX:MaxNewSize=384m}. The explorer allocates all the time it runs (frames, samplers,
 * snapshot pieces), so with the default sizing G1 grows the young generation towards its
 * ceiling (60 % of the heap) and the process holds 400–700 MB of eden beyond its live data,
 * where {@code run}, which allocates little, holds about 200 MB. With the cap a full-wafer
 * Game of Life explorer stays about 200 MB smaller at the same speed (docs/benchmarks.md,
 * "Session 10, at the end"); young collections come more often and each is shorter.
 *
 * <p>Not added when any young-generation option is given ({@code -Xmn}, {@code NewSize},
 * {@code MaxNewSize}, {@code NewRatio}), when the heap is under 1.5 GB (the cap would be too
 * large a share of it), or with {@code WAFERSCOPE_YOUNG_CAP=off} in the environment or
 * {@code -Dwaferscope.youngCap=off} on the command line.
 */
final class YoungGeneration {
    static final String FLAG = "-XX:MaxNewSize=384m";
    private static final long SMALLEST_HEAP = 1536L << 20;

    private YoungGeneration() {
    }

    /** The options this adds to the second JVM's command line, for a heap of {@code maxHeap} bytes. */
    static List<String> options(List<String> jvmGiven, long maxHeap) {
        return Relaunch.switchedOff("WAFERSCOPE_YOUNG_CAP", "waferscope.youngCap") || maxHeap < SMALLEST_HEAP || sizedByHand(jvmGiven) ? List.of() : List.of(FLAG);
    }

    static boolean sizedByHand(List<String> jvmGiven) {
        return jvmGiven.stream().anyMatch(a -> a.startsWith("-Xmn") || a.contains("NewSize") || a.contains("NewRatio"));
    }
}
