package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A program too large for a PE's SRAM, as `run` says it: once, at its largest global. */
class SramOverflowCliTest {
    @Test
    void heatDiffusionsTooLargeTileIsSaidOnceAtT() {
        // corner, edge and inner PEs compile to three programs of different code sizes; the data is the same
        CliRun o = CliRun.of("run", "heat-diffusion", "--param", "tile=70", "--param", "steps=1");
        assertEquals(WaferscopeCli.INVALID_PROGRAM, o.code(), o.out() + o.err());
        String[] lines = o.err().strip().split("\n");
        assertEquals(1, lines.length, o.err());
        assertTrue(lines[0].startsWith("tile.csl:43:5: error: T [5184]f32, 20,736 bytes, is the largest global of "
                + "tile.csl, which does not fit in a PE's SRAM: it needs "), lines[0]);
        assertTrue(lines[0].contains("next largest: u [4900]f32 19,600 bytes (41:5), next [4900]f32 19,600 bytes (44:5) "
                + "(placed by layout.csl:52:7)"), lines[0]);
    }
}
