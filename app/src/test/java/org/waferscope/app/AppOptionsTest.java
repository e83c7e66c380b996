package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.MetricLayer;

class AppOptionsTest {
    @Test
    void parsesTheScreenshotRun() {
        AppOptions o = AppOptions.parse(List.of("--open", "progs/heat", "--screenshot", "shot.png", "--cycles", "500",
                "--layer", "task-state", "--select", "3,4", "--theme", "light", "--param", "M=64", "--param", "N=32"));
        assertEquals(java.util.Map.of("M", "64", "N", "32"), o.params());
        assertEquals(Path.of("progs/heat"), o.open());
        assertEquals(Path.of("shot.png"), o.screenshot());
        assertEquals(500, o.cycles());
        assertEquals(MetricLayer.TASK_STATE, o.layer());
        assertArrayEquals(new int[] {3, 4}, o.select());
        assertEquals("light", o.theme());
    }

    @Test
    void headlessIsAFlag() {
        AppOptions o = AppOptions.parse(List.of("--headless", "--screenshot", "a.png"));
        assertEquals(Path.of("a.png"), o.screenshot());
    }

    @Test
    void noArgumentsOpensTheDefaultSample() {
        AppOptions o = AppOptions.parse(List.of());
        assertNull(o.open());
        assertNull(o.screenshot());
    }

    @Test
    void unknownOptionsAndMissingValuesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--bogus", "x")));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--open")));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--select", "1")));
    }

    @Test
    void commandLineWordsAreRecognised() {
        assertEquals(java.util.Set.of("run", "bench", "sdk-examples-check"), Launcher.COMMANDS);
    }
}
