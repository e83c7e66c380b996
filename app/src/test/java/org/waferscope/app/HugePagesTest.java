package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the jar's second JVM gets transparent huge pages. */
class HugePagesTest {
    @Test
    void onlyTheMadviseModeNeedsTheOption() {
        assertTrue(HugePages.madviseMode("always [madvise] never\n"));
        assertFalse(HugePages.madviseMode("[always] madvise never\n"), "the kernel gives them anyway");
        assertFalse(HugePages.madviseMode("always madvise [never]\n"));
        assertFalse(HugePages.madviseMode(null), "not Linux");
    }

    @Test
    void onlyAskedForByOn() {
        assertTrue(HugePages.askedFor("on", null));
        assertTrue(HugePages.askedFor(null, "ON"));
        assertFalse(HugePages.askedFor(null, null), "not by default");
        assertFalse(HugePages.askedFor("off", "yes"));
    }

    @Test
    void anOptionGivenEitherWayIsLeftAlone() {
        assertTrue(HugePages.options(List.of("-XX:-UseTransparentHugePages", "-jar", "w.jar")).isEmpty(),
                "turned off by hand");
        assertTrue(HugePages.options(List.of("-XX:+UseTransparentHugePages", "-jar", "w.jar")).isEmpty(), "given already");
    }
}
