package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code bench --load} and {@code bench --cycles N [--explorer]}: what they print. */
class BenchModesTest {
    @Test
    void loadPrintsEveryPhaseAndTheCpu() {
        CliRun o = CliRun.of("bench", "broadcast-chain", "--load", "--repeat", "2");
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().startsWith("cpu: "), o.out());
        for (String phase : new String[] {"parse", "layout block", "compile", "route check", "host arrays",
                "fabric build", "host copies", "snapshot (explorer)", "total", "of which helpers"}) {
            assertTrue(o.out().contains("\n" + phase + " "), phase + " in\n" + o.out());
        }
        assertTrue(o.out().contains("resident memory"), o.out());
    }

    @Test
    void bothRunsReportTheirSpeedAndTheExplorerStepsBack() {
        CliRun bare = CliRun.of("bench", "broadcast-chain", "--cycles", "40");
        CliRun explorer = CliRun.of("bench", "broadcast-chain", "--cycles", "40", "--explorer");
        assertEquals(0, bare.code(), bare.out() + bare.err());
        assertEquals(0, explorer.code(), explorer.out() + explorer.err());
        assertTrue(explorer.out().contains("step back 1 cycle(s) to "), explorer.out());
        assertTrue(explorer.out().contains("memory    resident"), explorer.out());
        assertTrue(bare.out().contains("cli       threads 1") && bare.out().contains(" 40 cycles in "), bare.out());
    }
}
