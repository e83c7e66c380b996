package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;

/**
 * Steps run in passes over column tiles ({@link ColumnTiles}, docs/temporal-blocking.md)
 * against the same steps a cycle at a time: the same results and the same state after every
 * step, with tile edges that cut the bitmap's words (no fabric here is a multiple of 64
 * wide), bands narrower than they lean (a pass of 8 leans 16 columns), steps that stop inside
 * a pass and undo it, and PEs dozing through memory vector ops across tile edges.
 */
class ColumnTilesTest {
    static Stream<Arguments> programs() {
        return Stream.concat(WavefrontTest.programs(), Stream.of(
                Arguments.of("neighbour exchange 100x30, all active", ArchProfile.WSE2,
                        NeighbourExchange.layout(100, 30, NeighbourExchange.Options.FOREVER), 200),
                Arguments.of("neighbour exchange 90x14, jittered, dozing through memory vector ops, then quiet",
                        ArchProfile.WSE2, NeighbourExchange.layout(90, 14,
                                new NeighbourExchange.Options(12, true, false, 20)), 500)));
    }

    /** Every program with tiles of 5, 13 and 37 columns, passes of 8 and 5, saved as they come or reserved. */
    static Stream<Arguments> programsAndTiles() {
        return WavefrontTest.eachWith(programs(), new int[] {5, 8, 0}, new int[] {13, 5, 1}, new int[] {37, 8, 0});
    }

    @ParameterizedTest(name = "{0}, tiles of {4} columns, passes of {5}, {6}")
    @MethodSource("programsAndTiles")
    void tilesEndEveryStepAsSingleCyclesDo(String name, ArchProfile profile, FabricLayout layout, int cycles,
                                           int columns, int depth, String saves) {
        stepTiledAlike(profile, layout, cycles, columns, depth, saves, 1);
    }

    /**
     * The same on two workers: each runs the bands over its half of the rows, the two meeting
     * at the split per band and level (where the split cuts a row, as it does on every fabric
     * here that is no multiple of 64 wide, and between two rows on the 64-wide one).
     */
    @ParameterizedTest(name = "{0}, tiles of {4} columns, passes of {5}, {6}, two workers")
    @MethodSource("programsAndTilesOnTwo")
    void tilesOnTwoWorkersEndEveryStepAsSingleCyclesDo(String name, ArchProfile profile, FabricLayout layout,
                                                       int cycles, int columns, int depth, String saves) {
        stepTiledAlike(profile, layout, cycles, columns, depth, saves, 2);
    }

    /** Steps {@code layout} in tiles on {@code workers} workers and a cycle at a time alike ({@link WavefrontTest#stepAlike}). */
    private static void stepTiledAlike(ArchProfile profile, FabricLayout layout, int cycles, int columns, int depth,
                                       String saves, int workers) {
        Fabric single = WavefrontTest.launched(profile, layout);
        Fabric tiled = WavefrontTest.launched(profile, layout);
        FabricCycle tiledCycle = new FabricCycle(tiled);
        tiledCycle.tileWidth(columns);
        try (CycleStepper one = new CycleStepper(new FabricCycle(single), 1, 0);
             CycleStepper passes = new CycleStepper(tiledCycle, workers, depth, WavefrontTest.budget(saves))) {
            boolean stoppedEarly = WavefrontTest.stepAlike(one, single, passes, tiled, cycles);
            assertTrue(passes.wavePasses() > 0, "steps ran in passes");
            int span = (layout.width() + 63) / 64;
            if (workers > 1 && (tiled.n + 63) / 64 >= 6 * span) {
                assertTrue(passes.wavePassesShared() > 0, "passes ran on two workers");
            }
            if (stoppedEarly) {
                assertTrue(passes.wavePassesUndone() > 0, "a step that stopped early undid a pass");
            }
        }
    }

    /** {@link #programsAndTiles}, and the exchange all active 64 wide, split between two rows. */
    static Stream<Arguments> programsAndTilesOnTwo() {
        return Stream.concat(programsAndTiles(), WavefrontTest.eachWith(Stream.of(
                Arguments.of("neighbour exchange 64x24, all active", ArchProfile.WSE2,
                        NeighbourExchange.layout(64, 24, NeighbourExchange.Options.FOREVER), 200)),
                new int[] {5, 8, 0}, new int[] {13, 5, 1}, new int[] {37, 8, 0}));
    }

    /**
     * The cache rule: rows of 757 busy PEs (the full wafer's) get tiles where whole rows get no
     * passes, on one worker or two; rows of 128 keep passes over whole rows; 0 forbids them.
     */
    @Test
    void tilesAreChosenWhereWholeRowsOutgrowTheCache() {
        int columns = ColumnTiles.columnsInCache(8);
        assertTrue(columns >= ColumnTiles.MIN_COLUMNS && columns < 757 / 2, "tiles of " + columns);
        assertEquals(columns, tilesOnLaunch(757, 1, -1));
        assertEquals(columns, tilesOnLaunch(757, 2, -1));
        assertEquals(0, tilesOnLaunch(757, 1, 0));
        assertEquals(0, tilesOnLaunch(128, 1, -1));
        assertEquals(40, tilesOnLaunch(128, 1, 40));
    }

    private static int tilesOnLaunch(int width, int workers, int setting) {
        FabricCycle cycle = new FabricCycle(WavefrontTest.launched(ArchProfile.WSE2,
                NeighbourExchange.layout(width, 6, NeighbourExchange.Options.FOREVER)));
        cycle.tileWidth(setting);
        DozeWheel[] wheels = new DozeWheel[cycle.wheels()];
        java.util.Arrays.setAll(wheels, k -> new DozeWheel());
        cycle.prepareStep(wheels);
        Wavefront wave = new Wavefront(cycle, 8, SaveBudget.heap());
        int levels = wave.levelsFor(8, workers);
        assertEquals(wave.tileColumns() > 0 ? 8 : wave.levelsInCache(8), levels);
        return wave.tileColumns();
    }
}
