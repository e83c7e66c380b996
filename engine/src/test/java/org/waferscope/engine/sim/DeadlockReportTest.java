package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.N;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.fixtures.Kernels.Send;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.ProgramBuilder;

/**
 * When nothing can move the engine stops and says which PE waits on what. (Back-pressure
 * and input stalls are reported in RouterTest and ComputeEngineTest.)
 */
class DeadlockReportTest {

    private static String runToDeadlock(FabricLayout l) {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 2)) {
            w.port().launch("start");
            w.advance(100_000, false, false);
            assertEquals(WaferStatus.DEADLOCK, w.status(), w.report().toString());
            assertTrue(w.report().get(0).startsWith("deadlock at cycle " + w.cycle()
                    + ": work remains but nothing can move"), w.report().toString());
            return String.join("\n", w.report());
        }
    }

    @Test
    void aBlockedDataTaskWithWaveletsWaitingIsNamedWithItsQueue() {
        ProgramBuilder b = new ProgramBuilder("blocked.csl");
        FunctionBuilder recv = b.function("recv", 1);
        recv.ret();
        b.dataTask(4, recv, 4, 0);
        FunctionBuilder start = b.function("start", 0);
        start.block(4).unblockCmdStream().ret();
        b.exportFunction("start", start.index());
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(0, 0, Kernels.arraySender(4, 0, new int[20], 0));
        l.setColorConfig(0, 0, 4, ColorConfig.route(R, E));
        l.setTileCode(1, 0, b.build());
        l.setColorConfig(1, 0, 4, ColorConfig.route(W, R));
        String report = runToDeadlock(l);
        assertTrue(report.contains("PE (1, 0): data task 4 is blocked while 6 wavelet(s) wait in input queue 0"), report);
        assertTrue(report.contains("PE (0, 0): task 30 at"), report);
    }

    @Test
    void aWaveletTheCurrentSwitchPositionDoesNotAcceptIsNamedWithThePosition() {
        FabricLayout l = new FabricLayout(3, 1);
        l.setTileCode(0, 0, Kernels.scriptedSender(6, List.of(Send.data(1))));
        l.setColorConfig(0, 0, 6, ColorConfig.route(R, E));
        l.setColorConfig(1, 0, 6, new ColorConfig(List.of(new RoutePosition(W, E), new RoutePosition(N, E)), 1, false,
                -1, -1));
        l.setTileCode(2, 0, Kernels.printingReceiver(6, -1));
        l.setColorConfig(2, 0, 6, ColorConfig.route(W, R));
        String report = runToDeadlock(l);
        assertEquals("PE (1, 0): router holds 1 wavelet(s) of color 6 from WEST: switch position 1 accepts only {NORTH}",
                report.substring(report.indexOf('\n') + 1), "the one and only wait");
    }

    @Test
    void aColorWithNoRouteAtTheSenderIsNamed() {
        FabricLayout l = new FabricLayout(1, 1);
        l.setTileCode(0, 0, Kernels.scriptedSender(7, List.of(Send.data(1))));
        String report = runToDeadlock(l);
        assertTrue(report.contains("PE (0, 0): the 1 wavelet(s) of color 7 in output queue 0 cannot leave, but color 7 has no route here"),
                report);
    }

    @Test
    void anExhaustedBudgetStopsTheRunWithAReportToo() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, NeighbourExchange.layout(4, 4, NeighbourExchange.Options.FOREVER), 1)) {
            w.port().launch("start");
            RunResult r = w.runToCompletion(100);
            assertEquals(WaferStatus.BUDGET_EXHAUSTED, r.status());
            assertEquals(100, r.cycles());
            assertEquals("cycle budget of 100 exhausted; the host is done", r.report().get(0));
            assertTrue(r.report().size() > 1, "and what each PE was doing: " + r.report());
        }
    }
}
