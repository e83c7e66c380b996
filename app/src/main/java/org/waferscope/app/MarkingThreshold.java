package org.waferscope.app;

import java.util.List;

/**
 * G1's first threshold for a concurrent marking, for the jar's second JVM ({@link Relaunch}):
 * {@code -XX:InitiatingHeapOccupancyPercent=90}. G1 starts a marking when a large array's
 * allocation finds the old generation past that share of the heap as it is now (45 % until
 * its adaptive threshold has learnt from a few markings). A full-wafer load makes about 25
 * arrays over 2 MB while its heap grows from the default 388 MB to 1.7 GB, so with 45 % nearly
 * every one of them started a marking: 17–25 markings in one cold load, about 1 CPU-second of
 * the collector's threads on a 2-core machine where the loading thread and the build's helpers
 * want both cores (docs/benchmarks.md, "Session 13"). With 90 % the load makes one or two. The
 * adaptive threshold stays on, so a long run learns its own.
 *
 * <p>Not added when the threshold or the adaptive one is set by hand, when another collector
 * is chosen, or with {@code WAFERSCOPE_MARK_THRESHOLD=off} in the environment or
 * {@code -Dwaferscope.markThreshold=off} on the command line.
 */
final class MarkingThreshold {
    static final String FLAG = "-XX:InitiatingHeapOccupancyPercent=90";

    private MarkingThreshold() {
    }

    /** The options this adds to the second JVM's command line: the flag, or none. */
    static List<String> options(List<String> jvmGiven) {
        return Relaunch.switchedOff("WAFERSCOPE_MARK_THRESHOLD", "waferscope.markThreshold") || setByHand(jvmGiven)
                ? List.of() : List.of(FLAG);
    }

    static boolean setByHand(List<String> jvmGiven) {
        return jvmGiven.stream().anyMatch(a -> a.contains("InitiatingHeapOccupancyPercent") || a.contains("G1UseAdaptiveIHOP")
                || a.startsWith("-XX:+Use") && a.endsWith("GC") && !a.equals("-XX:+UseG1GC"));
    }
}
