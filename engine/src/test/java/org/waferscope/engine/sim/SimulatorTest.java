package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.program.WaferProgram;

/** The simulator driven by hand, one tick at a time, as the explorer's tests do. */
class SimulatorTest {

    static WaferProgram chainProgram() {
        List<HostStep> steps = List.of(new HostStep.Launch("start"),
                new HostStep.CopyOut("sum", "sums", new PeRectangle(1, 0, 3, 1, 1, false)),
                new HostStep.Check("sums", "sums", new double[] {100 + 101 + 102, 303, 303}, 0));
        return new WaferProgram("chain", "a chain", "lesson", null, ArchProfile.WSE2,
                TestPrograms.broadcastChain(4, 3), Map.of(), steps, Map.of(), Map.of());
    }

    private static long hashAfter(long cycles) {
        try (Wafer w = Wafer.load(chainProgram(), 1)) {
            w.advance(cycles, false, false);
            return w.stateHash();
        }
    }

    @Test
    void stepsRunsStepsBackAndHalts() {
        try (Simulator sim = new Simulator(2)) {
            sim.load(chainProgram());
            sim.tick();
            assertEquals(SimState.LOADED, sim.state());
            sim.post(new Command.Step(10));
            sim.tick();
            Frame f = sim.latestFrame();
            assertEquals(10, f.cycle());
            assertEquals(SimState.PAUSED, f.state());
            sim.post(new Command.StepBack(4));
            sim.tick();
            assertEquals(6, sim.latestFrame().cycle());
            sim.post(new Command.Run());
            for (int i = 0; i < 1_000 && sim.state() == SimState.RUNNING || i == 0; i++) {
                sim.tick();
            }
            assertEquals(SimState.HALTED, sim.state());
            assertTrue(sim.console(0, 1000).stream().anyMatch(l -> l.text().contains("check sums: passed")),
                    sim.console(0, 1000).toString());
        }
    }

    @Test
    void stepBackRestoresExactlyTheStateOfAFreshRun() {
        try (Simulator sim = new Simulator(1); Wafer reference = Wafer.load(chainProgram(), 1)) {
            sim.load(chainProgram());
            sim.post(new Command.Step(15));
            sim.post(new Command.StepBack(7));
            sim.tick();
            assertEquals(8, sim.latestFrame().cycle());
            reference.advance(8, false, false);
            var pending = sim.inspect(2, 0);
            sim.tick();
            CoreSnapshot a = pending.join();
            assertEquals(8, a.cycle());
            assertEquals(hashAfter(8), reference.stateHash());
        }
    }

    @Test
    void framesCarryTheRequestedLayer() {
        try (Simulator sim = new Simulator(1)) {
            sim.load(chainProgram());
            sim.post(new Command.Request(FrameRequest.DEFAULT.withLayer(MetricLayer.SRAM)));
            sim.post(new Command.Step(3));
            sim.tick();
            Frame f = sim.latestFrame();
            assertEquals(MetricLayer.SRAM, f.layer());
            assertEquals(4, f.values().length);
            assertTrue(f.value(1, 0) > 0, "a PE with a program uses SRAM");
            var pending = sim.inspect(1, 0);
            sim.tick();
            CoreSnapshot core = pending.join();
            assertEquals("receiver.csl", core.program());
            assertEquals(2, core.tasks().size(), "its data task and the host-launched function: " + core.tasks());
            assertEquals("launch", core.tasks().get(1).kind());
        }
    }

    @Test
    void withoutRoomForSnapshotsSteppingBackReloadsAndReRunsExactly() {
        try (Simulator sim = new Simulator(1, 1); Wafer reference = Wafer.load(chainProgram(), 1)) {
            sim.load(chainProgram());
            sim.post(new Command.Step(15));
            sim.post(new Command.StepBack(7));
            sim.tick();
            assertEquals(8, sim.latestFrame().cycle());
            assertTrue(sim.console(0, 100).stream().anyMatch(l -> l.text().contains("too large to keep snapshots")));
            reference.advance(8, false, false);
            var pending = sim.inspect(3, 0);
            sim.tick();
            CoreSnapshot mine = pending.join();
            var fromReference = org.waferscope.engine.fabric.CoreInspector.inspect(reference.fabric(), 3, 0);
            assertEquals(fromReference.counters(), mine.counters());
            assertEquals(fromReference.inputQueues().toString(), mine.inputQueues().toString());
            sim.post(new Command.Run());
            for (int i = 0; i < 1_000 && sim.state() == SimState.RUNNING || i == 0; i++) {
                sim.tick();
            }
            assertEquals(SimState.HALTED, sim.state());
        }
    }
}
