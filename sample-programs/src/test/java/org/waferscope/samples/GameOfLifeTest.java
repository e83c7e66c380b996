package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/** Sample 9: the wafer's board after n generations equals Conway's rules applied n times in Java. */
class GameOfLifeTest {

    /** Conway's Game of Life on a bounded board; cells beyond the edge are dead. */
    static long[] life(long[] board, int w, int h, int gens) {
        long[] cur = board.clone();
        for (int g = 0; g < gens; g++) {
            long[] next = new long[cur.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            if ((dx != 0 || dy != 0) && nx >= 0 && ny >= 0 && nx < w && ny < h) {
                                n += (int) cur[ny * w + nx];
                            }
                        }
                    }
                    next[y * w + x] = n == 3 || (n == 2 && cur[y * w + x] == 1) ? 1 : 0;
                }
            }
            cur = next;
        }
        return cur;
    }

    static void runAndCompare(int w, int h, int gens, String arch) throws Exception {
        RunResult r = Samples.run("game-of-life", Map.of("width", "" + w, "height", "" + h, "gens", "" + gens), arch, 1);
        Samples.assertHalted(r);
        long[] board = Samples.ints(r, "board");
        long alive = java.util.Arrays.stream(board).sum();
        if (board.length >= 100) {
            assertTrue(alive > board.length / 5 && alive < board.length * 3 / 5, "a lively random start: " + alive);
        }
        assertArrayEquals(life(board, w, h, gens), Samples.ints(r, "final"), "the board after " + gens + " generations");
    }

    @ParameterizedTest
    @CsvSource({"12,12,8,wse2", "12,12,8,wse3", "1,1,2,wse2", "5,1,3,wse2", "1,4,3,wse2", "7,5,6,wse2"})
    void followsConwaysRules(int w, int h, int gens, String arch) throws Exception {
        runAndCompare(w, h, gens, arch);
    }

    /** run.json's check is Conway's rules on the host, so `run game-of-life` says PASS or FAIL itself. */
    @Test
    void runJsonChecksTheBoardAgainstConwaysRules() throws Exception {
        Map<String, String> params = Map.of("width", "7", "height", "5", "gens", "6");
        RunResult r = Samples.run("game-of-life", params);
        double[] expected = Samples.checkedAndPassed("game-of-life", params, r);
        assertArrayEquals(java.util.Arrays.stream(life(Samples.ints(r, "board"), 7, 5, 6)).asDoubleStream().toArray(),
                expected, 0, "the check's board is this test's");
    }

    /**
     * The lesson's "things to try": without the @block lines a neighbour's next value is counted
     * early; at 10 generations that ends in a deadlock, and at the default 8 it happens to pass.
     */
    @Test
    void withoutItsBlocksTheBoardDeadlocksAtTenGenerationsAndPassesByLuckAtEight() throws Exception {
        String cell = Samples.text("game-of-life", "cell.csl");
        String unblocked = cell.replaceAll("(?m)^(\\s*)@block\\(", "$1// @block(");
        assertEquals(4, unblocked.split("// @block\\(", -1).length - 1, "the four @block lines");
        RunResult ten = Samples.runVariant("game-of-life", Map.of("cell.csl", unblocked), Map.of("gens", "10"), null,
                "layout.csl", "cell.csl", "run.json");
        assertEquals(org.waferscope.engine.sim.WaferStatus.DEADLOCK, ten.status());
        RunResult eight = Samples.runVariant("game-of-life", Map.of("cell.csl", unblocked), Map.of(), null,
                "layout.csl", "cell.csl", "run.json");
        Samples.assertHalted(eight);
    }

    /** The host's copies take no cycles, so they are done at load: the board shows before the first step. */
    @Test
    void theBoardIsOnTheWaferAsSoonAsItIsLoaded() throws Exception {
        WaferProgram p = Samples.load("game-of-life", Map.of("width", "12", "height", "12"), null);
        HostStep.CopyIn in = p.steps().stream().filter(HostStep.CopyIn.class::isInstance).map(HostStep.CopyIn.class::cast)
                .filter(c -> c.symbol().equals("cell")).findFirst().orElseThrow();
        try (Wafer w = Wafer.load(p, 1)) {
            assertEquals(0, w.cycle());
            HostArray cells = w.port().readSymbol("cell", in.rect(), "cells");
            long alive = java.util.stream.IntStream.range(0, cells.length()).filter(i -> cells.value(i) != 0).count();
            assertTrue(alive > 0, "the random board is on the wafer at cycle 0");
        }
    }
}
