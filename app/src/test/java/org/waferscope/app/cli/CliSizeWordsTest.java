package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line writes a fabric's size as the window does, "5 × 1", not "5x1" (the twentieth review). */
class CliSizeWordsTest {
    @Test
    void runAndCompareWriteSizesAsTheWindowDoes() {
        CliRun run = CliRun.of("run", "broadcast-chain");
        assertEquals(0, run.code(), run.out() + run.err());
        String header = run.out().lines().findFirst().orElse("");
        assertTrue(header.contains("[wse2, 5 × 1 PEs, "), header);
        CliRun compare = CliRun.of("compare", "broadcast-chain", "broadcast-chain");
        String fabric = compare.out().lines().filter(l -> l.startsWith("fabric")).findFirst().orElse("");
        assertTrue(fabric.matches("fabric\\s+5 × 1\\s+5 × 1\\s+same"), compare.out());
    }
}
