package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the jar's second JVM gets G1's first marking threshold. */
class MarkingThresholdTest {
    @Test
    void aDefaultLaunchGetsTheThreshold() {
        assertEquals(List.of(MarkingThreshold.FLAG), MarkingThreshold.options(List.of("-jar", "w.jar")));
        assertEquals(List.of(MarkingThreshold.FLAG), MarkingThreshold.options(List.of("-XX:+UseG1GC", "-jar", "w.jar")));
    }

    @Test
    void aThresholdSetByHandIsLeftAlone() {
        for (String given : List.of("-XX:InitiatingHeapOccupancyPercent=30", "-XX:-G1UseAdaptiveIHOP")) {
            assertTrue(MarkingThreshold.options(List.of(given, "-jar", "w.jar")).isEmpty(), given);
        }
    }

    @Test
    void anotherCollectorIsLeftAlone() {
        for (String given : List.of("-XX:+UseParallelGC", "-XX:+UseZGC", "-XX:+UseSerialGC")) {
            assertTrue(MarkingThreshold.options(List.of(given, "-jar", "w.jar")).isEmpty(), given);
        }
    }
}
