package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.sim.Wafer;

class CoreInspectorTest {

    /**
     * Input queue 0 holds 6 wavelets on a ring of 8 slots. With the counters about to wrap,
     * the held wavelets straddle the ring's end; the inspector must list them from the head
     * in order, as the CE will read them.
     */
    @Test
    void aQueueIsListedFromItsHeadAcrossTheRingsEnd() {
        FabricLayout l = new FabricLayout(2, 1);
        int[] values = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20};
        l.setTileCode(0, 0, Kernels.arraySender(0, 0, values, 0));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setTileCode(1, 0, Kernels.neverDrains(0));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            Fabric f = w.fabric();
            for (int ch = 0; ch < f.channelCount(); ch++) {
                f.setCounters(ch, -3, -3, -3);
            }
            w.port().launch("start");
            w.stepFabric(100);
            CoreSnapshot.QueueRow q0 = CoreInspector.inspect(f, 1, 0).inputQueues().get(0);
            assertEquals(6, q0.depth());
            assertEquals(List.of(11, 12, 13, 14, 15, 16), q0.payloads());
        }
    }

    /** The header says "running task 30": the table has the host-launched function's row to match. */
    @Test
    void theHostLaunchedFunctionIsARowOfTheTaskTable() throws Exception {
        var program = org.waferscope.engine.program.ProgramLoader.load(
                org.waferscope.engine.csl.CslFixture.sampleFolder("broadcast-chain"),
                org.waferscope.engine.program.ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(program, 1)) {
            w.advance(2, false, false);
            CoreSnapshot sender = CoreInspector.inspect(w.fabric(), 0, 0);
            CoreSnapshot.TaskRow launch = sender.tasks().stream().filter(t -> t.id() == 30).findFirst().orElseThrow(
                    () -> new AssertionError("no row for task 30 in " + sender.tasks()));
            assertEquals("launch", launch.kind());
            assertEquals("start", launch.name());
            assertEquals(1, launch.timesRun());
        }
    }
}
