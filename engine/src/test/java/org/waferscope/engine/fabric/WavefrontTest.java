package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;
import org.waferscope.engine.sim.StopReason;

/**
 * Steps run in wavefront passes ({@link Wavefront}, docs/temporal-blocking.md) against the
 * same steps a cycle at a time: every step must end at the same cycle for the same reason
 * with the same events and counts, and leave the same state. Steps that must stop inside a
 * pass (a fault, a deadlock, a quiet fabric) undo it ({@link PassUndo}) and run its cycles
 * again; doze wheels are woken by passes as by single cycles.
 */
class WavefrontTest {
    private static final int[] CHUNKS = {1, 7, 23, 3, 50, 12, 2, 31};

    static Stream<Arguments> programs() {
        return Stream.concat(ReferenceStepperTest.programs(), Stream.of(
                Arguments.of("neighbour exchange 40x12, dozing through memory vector ops", ArchProfile.WSE2,
                        NeighbourExchange.layout(40, 12, NeighbourExchange.Options.atRate(30)), 600),
                Arguments.of("neighbour exchange 32x20 with a PE that faults", ArchProfile.WSE2, withAFault(), 300),
                Arguments.of("jittered exchange on a 2x24 strip of a sleeping 150x40 fabric, then quiet",
                        ArchProfile.WSE2, NeighbourExchange.layout(150, 40, 63, 8, 2, 24,
                                new NeighbourExchange.Options(14, true, true), NeighbourExchange.asleep()), 500)));
    }

    /**
     * Every program with passes of 5 cycles on one worker, and of 8 on two; and of 8 on two
     * with every epoch's saves reserved up front ({@link SaveBudget}), as the all-active full
     * wafer's are (an assertion fails if a pass saves past what its epoch reserved).
     */
    static Stream<Arguments> programsAndDepths() {
        return eachWith(programs(), new int[] {5, 1, 0}, new int[] {8, 2, 0}, new int[] {8, 2, 1});
    }

    /** Each program of {@code programs} once per setting: two numbers, and 1 for saves reserved up front. */
    static Stream<Arguments> eachWith(Stream<Arguments> programs, int[]... settings) {
        return programs.flatMap(a -> java.util.Arrays.stream(settings).map(d -> {
            Object[] args = java.util.Arrays.copyOf(a.get(), 7);
            args[4] = d[0];
            args[5] = d[1];
            args[6] = d[2] == 1 ? "reserved up front" : "saved as they come";
            return Arguments.of(args);
        }));
    }

    /** The fabric of {@code layout}, its {@code start} launched. */
    static Fabric launched(ArchProfile profile, FabricLayout layout) {
        Fabric f = FabricBuilder.build(profile, layout);
        new HostPort(f).launch("start");
        return f;
    }

    /**
     * Steps {@code one} (over {@code single}) and {@code passes} (over {@code waved}) alike, in
     * chunks of {@link #CHUNKS} cycles, until {@code waved} reaches cycle {@code cycles} or a
     * step runs none: every step's result and the state after it must be equal. Returns whether
     * some step stopped before its cycles were done.
     */
    static boolean stepAlike(CycleStepper one, Fabric single, CycleStepper passes, Fabric waved, int cycles) {
        boolean stoppedEarly = false;
            for (int k = 0; waved.cycle() < cycles; k++) {
                int n = CHUNKS[k % CHUNKS.length];
                CycleStepper.Result a = one.step(n, StepLimits.NONE);
                CycleStepper.Result b = passes.step(n, StepLimits.NONE);
                String at = "step " + k + " of " + n + " cycles from cycle " + (single.cycle() - a.cycles());
                assertEquals(a, b, at);
                stoppedEarly |= a.reason() != StopReason.CYCLES_DONE;
                if (StateHash.of(single) != StateHash.of(waved)) {
                    fail(at + ": " + ReferenceStepper.firstDifference(single, waved));
                }
                if (a.cycles() == 0) {
                    break;
                }
            }
        return stoppedEarly;
    }

    static SaveBudget budget(String saves) {
        return saves.equals("reserved up front") ? SaveBudget.of(0, Long.MAX_VALUE) : SaveBudget.of(Long.MAX_VALUE, 0);
    }

    /** The exchange, one of whose PEs runs a load outside its SRAM instead. */
    private static FabricLayout withAFault() {
        FabricLayout l = NeighbourExchange.layout(32, 20, new NeighbourExchange.Options(20, true, false));
        ProgramBuilder b = new ProgramBuilder("oob.csl");
        FunctionBuilder f = b.function("start", 0);
        int addr = f.temp();
        int v = f.temp();
        f.at(1, 1).constI32(addr, 60_000).at(2, 1).loadIndirect(ElementType.I32, v, addr, 4).ret();
        b.exportFunction("start", f.index());
        PeProgram faulty = b.build();
        l.setTileCode(20, 9, faulty);
        return l;
    }

    @ParameterizedTest(name = "{0}, passes of {4} on {5} worker(s), {6}")
    @MethodSource("programsAndDepths")
    void passesEndEveryStepAsSingleCyclesDo(String name, ArchProfile profile, FabricLayout layout, int cycles,
                                            int depth, int workers, String saves) {
        Fabric single = launched(profile, layout);
        Fabric waved = launched(profile, layout);
        try (CycleStepper one = new CycleStepper(new FabricCycle(single), 1, 0);
             CycleStepper passes = new CycleStepper(new FabricCycle(waved), workers, depth, budget(saves))) {
            boolean stoppedEarly = stepAlike(one, single, passes, waved, cycles);
            assertTrue(passes.wavePasses() > 0, "steps ran in passes");
            int span = (layout.width() + 63) / 64;
            if (workers > 1 && (waved.n + 63) / 64 >= 6 * span) {
                // (a fabric of a few rows runs its passes on one worker)
                assertTrue(passes.wavePassesShared() > 0, "passes ran on two workers");
            }
            if (stoppedEarly) {
                assertTrue(passes.wavePassesUndone() > 0, "a step that stopped early undid a pass");
            }
        }
    }

    /** An undo the budget has no room for: every step runs cycle by cycle, to the same state. */
    @Test
    void aStepWhoseSavesFitNoBudgetRunsCycleByCycle() {
        FabricLayout layout = NeighbourExchange.layout(40, 12, NeighbourExchange.Options.FOREVER);
        Fabric single = FabricBuilder.build(ArchProfile.WSE2, layout);
        Fabric waved = FabricBuilder.build(ArchProfile.WSE2, layout);
        new HostPort(single).launch("start");
        new HostPort(waved).launch("start");
        try (CycleStepper one = new CycleStepper(new FabricCycle(single), 1, 0);
             CycleStepper none = new CycleStepper(new FabricCycle(waved), 1, 8, SaveBudget.of(1000, 1000))) {
            for (int n : CHUNKS) {
                assertEquals(one.step(n, StepLimits.NONE), none.step(n, StepLimits.NONE));
            }
            assertEquals(0, none.wavePasses(), "no pass ran");
            assertEquals(StateHash.of(single), StateHash.of(waved));
        }
    }

    /**
     * Passes as deep as the busy rows in flight stay in cache: rows of 128 busy PEs allow
     * passes of 8; rows of 757 (the full wafer's, all busy) none, where they were measured
     * slower than cycles (docs/temporal-blocking.md, session 9).
     */
    @Test
    void passesAreAsDeepAsTheirRowsInFlightStayInCache() {
        assertEquals(8, levelsOnLaunch(128, 8));
        assertEquals(1, levelsOnLaunch(757, 8));
    }

    private static int levelsOnLaunch(int width, int depth) {
        Fabric f = FabricBuilder.build(ArchProfile.WSE2, NeighbourExchange.layout(width, 6,
                NeighbourExchange.Options.FOREVER));
        new HostPort(f).launch("start");
        FabricCycle cycle = new FabricCycle(f);
        DozeWheel[] wheels = new DozeWheel[cycle.wheels()];
        java.util.Arrays.setAll(wheels, k -> new DozeWheel());
        cycle.prepareStep(wheels);
        return new Wavefront(cycle, depth, SaveBudget.heap()).levelsInCache(depth);
    }
}
