package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the jar's second JVM gets a cap on the young generation. */
class YoungGenerationTest {
    private static final long GB = 1L << 30;

    @Test
    void aDefaultHeapGetsTheCap() {
        assertEquals(List.of(YoungGeneration.FLAG), YoungGeneration.options(List.of("-jar", "w.jar"), 6 * GB));
    }

    @Test
    void aYoungGenerationSizedByHandIsLeftAlone() {
        for (String given : List.of("-Xmn256m", "-XX:MaxNewSize=1g", "-XX:NewSize=64m", "-XX:NewRatio=3")) {
            assertTrue(YoungGeneration.options(List.of(given, "-jar", "w.jar"), 6 * GB).isEmpty(), given);
        }
    }

    @Test
    void aSmallHeapIsLeftAlone() {
        assertTrue(YoungGeneration.options(List.of("-Xmx1g", "-jar", "w.jar"), GB).isEmpty());
    }
}
