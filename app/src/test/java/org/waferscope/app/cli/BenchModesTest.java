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
                "fabric build", "host copies", "total", "of which helpers", LoadBench.SNAPSHOT}) {
            assertTrue(o.out().contains("\n" + phase + " "), phase + " in\n" + o.out());
        }
        // the explorer shows the wafer before it takes its cycle-0 snapshot: the total does not count it
        assertTrue(o.out().indexOf("\ntotal ") < o.out().indexOf("\n" + LoadBench.SNAPSHOT + " "), o.out());
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
        assertTrue(explorer.out().contains("step back 1 cycle(s) at once to 39"), explorer.out());
    }

    @Test
    void theExplorerSaysWhereItsThreadWentAndWithRunComparesInOneProcess() {
        CliRun o = CliRun.of("bench", "broadcast-chain", "--cycles", "40", "--explorer", "--with-run");
        assertEquals(0, o.code(), o.out() + o.err());
        String out = o.out();
        assertTrue(out.contains("cli       threads 1") && out.contains("explorer  threads 1"), out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("thread    running ([0-9.]+) s CPU: stepping ([0-9.]+) s "
                + "\\(([0-9.]+) %\\), snapshots ([0-9.]+) s \\(([0-9.]+) %, (\\d+) taken\\), frames ([0-9.]+) s \\(([0-9.]+) %, "
                + "(\\d+)\\), other ([0-9.]+) s").matcher(out);
        assertTrue(m.find(), out);
        double parts = Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(5)) + Double.parseDouble(m.group(8));
        assertTrue(parts <= 100.2, "stepping, snapshots and frames are parts of the running time: " + parts);
        assertTrue(Integer.parseInt(m.group(9)) >= 1, "at least the frame at the breakpoint: " + out);
        assertTrue(out.contains("in this process: the explorer "), out);
    }
}
