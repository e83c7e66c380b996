package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.bench.FloorFeature;
import org.waferscope.engine.bench.ModelFloor;
import org.waferscope.engine.bench.ModelFloorBands;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.sim.Wafer;

/**
 * The bench's single-purpose kernel of the exchange ({@link ModelFloor}) does the engine's work
 * cycle by cycle: after every cycle, every PE's counters, queues, link buffers, round-robin
 * position and values are those of the engine running the same layout. The floor it measures
 * is a floor only because of this.
 */
class ModelFloorTest {
    @Test
    void smallFabricMatchesTheEngineEveryCycle() {
        compare(5, 4, 0, 0, 5, 4, 300);
    }

    @Test
    void inCacheFabricMatchesTheEngineEveryCycle() {
        compare(16, 16, 0, 0, 16, 16, 150);
    }

    @Test
    void busyRectangleAmongSleepersMatchesTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 250);
    }

    @Test
    void twoPhasesMatchTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 150, 0);
    }

    @Test
    void channelRecordsMatchTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 150, 1, EnumSet.of(FloorFeature.CHANNELS));
    }

    @Test
    void routeWordsAndPlansMatchTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 150, 1, EnumSet.of(FloorFeature.ROUTES));
    }

    @Test
    void interpretedProgramMatchesTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 150, 1, EnumSet.of(FloorFeature.INTERPRETER));
    }

    @Test
    void bitmapsWithSleepAndWakeMatchTheEngineEveryCycle() {
        ModelFloor floor = compare(40, 30, 13, 9, 15, 11, 250, 1,
                EnumSet.of(FloorFeature.TWO_PHASE, FloorFeature.UPKEEP));
        assertTrue(floor.upkeep.woken() > 0, "no PE slept and woke");
    }

    @Test
    void valuesInSramBytesMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.SRAM_BYTES);
    }

    @Test
    void valuesInSramWordsMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.SRAM_BYTES, FloorFeature.SRAM_WORDS);
    }

    @Test
    void vectorOpsFromDescriptorsMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.SRAM_BYTES, FloorFeature.DSD);
    }

    @Test
    void vectorOpsFromDirectSlotsMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.SRAM_BYTES, FloorFeature.DIRECT_OPS);
    }

    @Test
    void flagsWordAccountingAndPickerMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.TASKS);
    }

    @Test
    void visitTablesAndRouterStateWordMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.TWO_PHASE, FloorFeature.TABLES);
    }

    @Test
    void visitTablesAloneMatchTheEngineEveryCycle() {
        amongSleepers(FloorFeature.TWO_PHASE, FloorFeature.VISIT_TABLES);
    }

    @Test
    void theComputeEnginesFeaturesTogetherMatchTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 250, 1, EnumSet.of(FloorFeature.SRAM_BYTES, FloorFeature.DSD,
                FloorFeature.TASKS, FloorFeature.INTERPRETER, FloorFeature.TWO_PHASE, FloorFeature.UPKEEP));
    }

    @Test
    void everyFeatureAtOnceMatchesTheEngineEveryCycle() {
        compare(16, 16, 0, 0, 16, 16, 150, 1, EnumSet.complementOf(EnumSet.of(FloorFeature.SRAM_WORDS,
                FloorFeature.DIRECT_OPS, FloorFeature.VISIT_TABLES)));
    }

    @Test
    void bandsOnTwoThreadsMatchTheEngineEveryCycle() {
        compare(40, 30, 13, 9, 15, 11, 150, 2);
    }

    @Test
    void bandsOnThreeThreadsMatchTheEngineEveryCycle() {
        compare(16, 16, 0, 0, 16, 16, 120, 3);
    }

    /** The kernel with {@code features}, the 15×11 exchange among sleepers, 150 cycles. */
    private static void amongSleepers(FloorFeature... features) {
        compare(40, 30, 13, 9, 15, 11, 150, 1, EnumSet.copyOf(java.util.List.of(features)));
    }

    private static void compare(int fw, int fh, int x0, int y0, int w, int h, int cycles) {
        compare(fw, fh, x0, y0, w, h, cycles, 1);
    }

    /**
     * Runs both for {@code cycles}, the kernel on {@code threads} (0: one, with its moves in a
     * commit pass), comparing every PE after each cycle.
     */
    private static void compare(int fw, int fh, int x0, int y0, int w, int h, int cycles, int threads) {
        compare(fw, fh, x0, y0, w, h, cycles, Math.max(1, threads), threads == 0
                ? EnumSet.of(FloorFeature.TWO_PHASE) : EnumSet.noneOf(FloorFeature.class));
    }

    /** The same with the engine's {@code features} added to the kernel. */
    private static ModelFloor compare(int fw, int fh, int x0, int y0, int w, int h, int cycles, int threads,
                                      Set<FloorFeature> features) {
        boolean whole = x0 == 0 && y0 == 0 && w == fw && h == fh;
        FabricLayout layout = whole ? NeighbourExchange.layout(fw, fh, NeighbourExchange.Options.FOREVER)
                : NeighbourExchange.layout(fw, fh, x0, y0, w, h, NeighbourExchange.Options.FOREVER,
                NeighbourExchange.asleep());
        ModelFloor floor = new ModelFloor(fw, fh, x0, y0, w, h, features);
        long stalledIn = 0;
        long stalledOut = 0;
        try (Wafer wafer = Wafer.of(ArchProfile.WSE2, layout, 1);
             ModelFloorBands bands = threads > 1 ? new ModelFloorBands(floor, threads) : null) {
            wafer.port().launch("start");
            Fabric f = wafer.fabric();
            for (int t = 0; t < cycles; t++) {
                wafer.stepFabric(1);
                if (bands != null) {
                    bands.step(1);
                } else {
                    floor.step(1);
                }
                for (int y = 0; y < fh; y++) {
                    for (int x = 0; x < fw; x++) {
                        same(f, floor, x, y, t);
                    }
                }
            }
            for (int p = 0; p < f.n; p++) {
                stalledIn += f.cntStallIn(p);
                stalledOut += f.cntStallOut(p);
            }
        }
        // the comparison covered the stalls the kernel has to time right (none on output: see ModelFloor)
        assertTrue(stalledIn > 0, "no PE stalled on input");
        assertEquals(0, stalledOut);
        assertEquals(cycles, floor.cycle());
        return floor;
    }

    private static void same(Fabric f, ModelFloor k, int x, int y, int t) {
        int p = f.pe(x, y);
        String at = "PE (" + x + ", " + y + ") after cycle " + t + ": ";
        assertEquals(f.cntCompute(p), k.computeCycles(x, y), at + "compute cycles");
        assertEquals(f.cntFabric(p), k.fabricCycles(x, y), at + "fabric cycles");
        assertEquals(f.cntStallIn(p), k.stallInCycles(x, y), at + "cycles stalled on input");
        assertEquals(f.cntStallOut(p), k.stallOutCycles(x, y), at + "cycles stalled on output");
        PeProgram program = f.programs[f.peProgram[p]];
        if (program.symbol("iterations").isEmpty()) {
            return;   // an asleep PE: its counters are all there is
        }
        assertEquals(f.cntSent(p), k.sent(x, y), at + "wavelets sent");
        assertEquals(f.cntReceived(p), k.received(x, y), at + "wavelets received");
        assertEquals(f.rr(p), k.roundRobin(x, y), at + "round-robin position");
        int[] flags = k.flagsWord(x, y);
        if (flags != null) {
            assertEquals(f.activity(p), flags[0], at + "activity in the flags word");
            assertEquals(f.cntSent(p), flags[1], at + "wavelets sent in the flags word");
        }
        byte[] m = f.sramOf(p);
        assertEquals(Sram.readInt(m, program.symbol("iterations").get().address()), k.iterations(x, y),
                at + "iterations");
        assertEquals(Float.intBitsToFloat(Sram.readInt(m, program.symbol("x").get().address())), k.x(x, y), at + "x");
        assertEquals(Float.intBitsToFloat(Sram.readInt(m, program.symbol("acc").get().address())), k.acc(x, y),
                at + "acc");
        int[] outQueue = {3, 2, 0, 1};
        int[] inQueue = {2, 3, 1, 0};
        for (int d = 0; d < 4; d++) {
            assertEquals(f.linkHops(p, d), k.hops(x, y, d), at + "hops " + Direction.LINKS[d]);
            assertEquals(f.linkBlocked[p * 4 + d], k.blocked(x, y, d), at + "blocked " + Direction.LINKS[d]);
            int out = f.outQueue(p, outQueue[d]);
            assertEquals(out < 0 ? 0 : f.count(out), k.outQueued(x, y, d), at + "output queue " + Direction.LINKS[d]);
            int in = f.inQueue(p, inQueue[d]);
            assertEquals(in < 0 ? 0 : f.count(in), k.inQueued(x, y, d), at + "input queue " + Direction.LINKS[d]);
        }
        int[] buffers = new int[4];
        for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
            if (f.srcPort[si] < 4) {
                buffers[f.srcPort[si]] += f.count(f.srcChan[si]);
            }
        }
        for (int d = 0; d < 4; d++) {
            assertEquals(buffers[d], k.linkHeld(x, y, d), at + "link buffer from " + Direction.LINKS[d]);
        }
    }
}
