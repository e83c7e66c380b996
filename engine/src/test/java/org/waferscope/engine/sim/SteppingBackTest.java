package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricSnapshot;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.program.WaferProgram;

/**
 * Stepping back as the explorer does, in any mix with steps and runs: a re-run on more
 * workers than the simulation's and the snapshots kept near a step back's target reach the
 * very state of a straight run, and a kept snapshot near the target does not push out the
 * one restored.
 */
class SteppingBackTest {
    /** 32×24 PEs exchanging with their neighbours (12 words of the activity bitmap: up to 12 workers), drifting apart. */
    private static final FabricLayout LAYOUT = NeighbourExchange.layout(32, 24, 0, 0, 32, 24,
            new NeighbourExchange.Options(0, true, false), NeighbourExchange.idle());
    private static final int END = 400;

    static WaferProgram program() {
        return new WaferProgram("exchange", "", "", null, ArchProfile.WSE2, LAYOUT, Map.of(),
                List.of(new HostStep.Launch("start")), Map.of(), Map.of());
    }

    private static long[] straight;

    /** The state hash after each cycle of a straight run on one worker (to cycle 400). */
    static synchronized long[] straight() {
        if (straight != null) {
            return straight;
        }
        long[] hashes = new long[END + 1];
        try (Wafer w = Wafer.load(program(), 1)) {
            for (int c = 0; c <= END; c++) {
                hashes[c] = w.stateHash();
                w.advance(1, false, false);
            }
        }
        straight = hashes;
        return hashes;
    }

    @ParameterizedTest(name = "{0} worker(s), re-run on {1}")
    @CsvSource({"1, 1", "1, 2", "2, 4", "4, 2"})
    void anyMixOfStepRunAndStepBackGivesTheStraightRunsStates(int workers, int rerunWorkers) {
        long[] straight = straight();
        try (Simulator sim = new Simulator(workers, Long.MAX_VALUE, rerunWorkers)) {
            sim.keepNearEvery = 7;
            sim.load(program());
            sim.tick();
            Random r = new Random(31L * workers + rerunWorkers);
            long cycle = 0;
            boolean keptNear = false;
            boolean reranWide = false;
            StringBuilder done = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                int what = r.nextInt(5);
                if (what == 0 && cycle < END - 60) {
                    long to = cycle + 1 + r.nextInt(60);
                    sim.post(new Command.SetBreakpoints(List.of(new Breakpoint.AtCycle(to))));
                    sim.post(new Command.Run());
                    sim.tick();
                    while (sim.state() == org.waferscope.engine.api.SimState.RUNNING) {
                        sim.tick();
                    }
                    sim.post(new Command.SetBreakpoints(List.of()));   // cleared with the next command, as a user does
                    done.append(" run to ").append(to);
                } else if (what == 1 && cycle < END - 30) {
                    int n = 1 + r.nextInt(30);
                    sim.post(new Command.Step(n));
                    done.append(" step ").append(n);
                } else {
                    // one cycle back most often, as a student does; now and then further
                    int n = what == 4 ? 1 + r.nextInt(40) : 1;
                    sim.post(new Command.StepBack(n));
                    done.append(" back ").append(n);
                }
                sim.tick();
                cycle = sim.latestFrame().cycle();
                assertEquals(straight[(int) cycle], sim.stateHash(), "at cycle " + cycle + " after" + done);
                keptNear |= sim.stepBackFigures().keptNear();
                reranWide |= sim.stepBackFigures().workers() == Math.max(workers, rerunWorkers)
                        && sim.stepBackFigures().rerunCycles() > 0;
            }
            assertTrue(keptNear, "some step back kept a snapshot near its target");
            assertTrue(reranWide, "some step back re-ran on " + Math.max(workers, rerunWorkers) + " workers");
        }
    }

    @Test
    void aSnapshotKeptNearTheTargetLeavesTheRestoredOneWhileTheBudgetAllows() {
        try (Wafer w = Wafer.load(program(), 1)) {
            // room for about three snapshots beside the cycle-0 one
            long budget = FabricSnapshot.estimateBytes(w.fabric()) / 3;
            TimeTravel travel = new TimeTravel(budget, 10);
            travel.keepNearEvery(5);
            StepBack back = new StepBack(2);
            for (int c = 0; c < 300; c += 25) {
                travel.ran(SnapshotSchedule.MAX_RERUN_NANOS, 0);
                travel.maybeRecord(w);
                w.advance(25, false, false);
            }
            long present = w.cycle();
            long[] hashes = straight();
            int keptNear = 0;
            for (long target = present - 1; target > present - 60; target -= 3) {
                Wafer.Snapshot from = travel.before(target);
                back.to(w, travel, from, target);
                assertEquals(hashes[(int) target], w.stateHash(), "back to " + target);
                assertTrue(travel.bytes() <= budget || travel.count() <= 4, travel.bytes() + " of " + budget);
                assertTrue(travel.before(from.cycle()) == from || back.last().keptNear() && travel.bytes() > budget / 2,
                        "the restored snapshot at " + from.cycle() + " is kept unless the budget needs its room");
                if (back.last().keptNear()) {
                    keptNear++;
                    assertEquals(target - 5, travel.before(target).cycle(), "the kept one is 5 cycles before " + target);
                }
            }
            assertTrue(keptNear > 2, "snapshots kept near the targets: " + keptNear);
        }
    }
}
