package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.N;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.S;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.fixtures.Kernels.Send;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.program.MemorySource;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/**
 * The router's plans ({@link RoutePlans}): made for routes that cannot change and for no
 * other, and a planned wavelet goes where the general path sends it, with the same counters,
 * in the same cycle. Each run below is made twice, the second time with every plan cleared
 * ({@link RoutePlans#withoutPlans}), and the two must agree on the state hash.
 */
class RoutePlansTest {
    private static final int CTL = 1;

    /** The plan of PE (x, y)'s source on port {@code from} for {@code color}, or 0 (also when it has no such source). */
    private static long plan(Fabric f, int x, int y, int color, Direction from) {
        RoutePlans.await(f);
        int p = f.pe(x, y);
        int rs = Router.findSlot(f, p, color);
        for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
            long route = f.srcWords[2 * si + 1];
            if (f.srcPort[si] == from.ordinal() && RouterSources.slot(route) == rs
                    && (from != Direction.RAMP || RouterSources.color(route) == color)) {
                return f.srcPlan[si];
            }
        }
        return 0;
    }

    private static long plans(Fabric f) {
        RoutePlans.await(f);
        long n = 0;
        for (long plan : f.srcPlan) {
            n += plan != 0 ? 1 : 0;
        }
        return n;
    }

    @Test
    void aFixedRouteIsPlannedAndARouteThatCanChangeIsNot() {
        FabricLayout l = new FabricLayout(4, 3);
        for (int c = 0; c < 7; c++) {
            l.setColorConfig(0, 1, c, ColorConfig.route(R, E));
        }
        l.setTileCode(1, 1, Kernels.printingReceiver(0, -1));
        l.setColorConfig(1, 1, 0, ColorConfig.route(W, R));
        l.setColorConfig(1, 1, 1, ColorConfig.route(W, E));
        l.setColorConfig(1, 1, 2, ColorConfig.route(W, E | S));
        l.setColorConfig(1, 1, 3, new ColorConfig(List.of(new RoutePosition(W, E), new RoutePosition(W, S)), 0,
                false, -1, -1));
        l.setColorConfig(1, 1, 4, new ColorConfig(List.of(new RoutePosition(W, E)), 0, false, 2, 4));
        l.setColorConfig(1, 1, 5, new ColorConfig(List.of(new RoutePosition(W, E)), 0, false, -1, -1, false, false,
                ColorConfig.NO_POP, true));
        l.setColorConfig(1, 1, 6, ColorConfig.route(W, N));
        // as the loader leaves a route that led off the edge: trimmed, and its slot counts what left
        l.setColorConfig(1, 0, 6, ColorConfig.route(S, E));
        l.setOffEdge(1, 0, 6, new int[] {N});
        l.setTileCode(2, 0, Kernels.asyncSink(new int[] {6}, 4));
        l.setColorConfig(2, 0, 6, ColorConfig.route(W, R));
        l.setTileCode(2, 1, Kernels.asyncSink(new int[] {1, 2, 3, 4, 5}, 4));
        for (int c = 1; c < 6; c++) {
            l.setColorConfig(2, 1, c, ColorConfig.route(W, R));
        }
        l.setTileCode(1, 2, Kernels.asyncSink(new int[] {2, 3}, 4));
        l.setColorConfig(1, 2, 2, ColorConfig.route(N, R));
        l.setColorConfig(1, 2, 3, ColorConfig.route(N, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            Fabric f = w.fabric();
            Direction west = Direction.WEST;
            long toCe = plan(f, 1, 1, 0, west);
            assertEquals(Direction.RAMP.ordinal(), RoutePlans.direction(toCe), "into the CE's queue");
            assertEquals(f.chFacts[f.inQueue(f.pe(1, 1), 0)], toCe & RoutePlans.FACTS, "the queue's facts");
            long relay = plan(f, 1, 1, 1, west);
            assertEquals(Direction.EAST.ordinal(), RoutePlans.direction(relay), "on east");
            int east = f.rsInChan[Router.findSlot(f, f.pe(2, 1), 1) * 4 + west.ordinal()];
            assertEquals(f.chFacts[east], relay & RoutePlans.FACTS, "to the east neighbour's west buffer");
            assertEquals(Direction.NORTH.ordinal(), RoutePlans.direction(plan(f, 1, 1, 6, west)));
            assertEquals(0, plan(f, 1, 1, 2, west), "a multicast");
            assertEquals(0, plan(f, 1, 1, 3, west), "two switch positions");
            assertEquals(0, plan(f, 1, 1, 4, west), "a filter");
            assertEquals(0, plan(f, 1, 1, 5, west), "torn down at load");
            assertEquals(0, plan(f, 1, 0, 6, Direction.SOUTH), "a route that led off the fabric's edge");
            assertEquals(Direction.RAMP.ordinal(), RoutePlans.direction(plan(f, 2, 0, 6, west)), "its next hop's");
        }
    }

    /**
     * Runs {@code steps} calls of {@code cycles} cycles on a wafer with plans and one without,
     * comparing hashes after each; returns the most sources the first had plans for.
     */
    private static long samePath(Supplier<Wafer> wafer, int steps, int cycles, String what) {
        try (Wafer planned = wafer.get(); Wafer general = wafer.get()) {
            RoutePlans.withoutPlans(general.fabric());
            long most = 0;
            for (int k = 0; k < steps; k++) {
                planned.stepFabric(cycles);
                general.stepFabric(cycles);
                assertEquals(general.stateHash(), planned.stateHash(), what + ", after cycle " + planned.fabric().cycle());
                most = Math.max(most, plans(planned.fabric()));
            }
            assertEquals(0, plans(general.fabric()), "the general path makes no plans");
            return most;
        }
    }

    private static Wafer launched(FabricLayout l) {
        Wafer w = Wafer.of(ArchProfile.WSE2, l, 1);
        w.port().launch("start");
        return w;
    }

    @Test
    void theExchangeWithBuffersFillingUnevenlyTakesTheSamePathEitherWay() {
        long planned = samePath(() -> launched(NeighbourExchange.layout(7, 5, new NeighbourExchange.Options(0, true,
                false))), 60, 7, "jittered exchange");
        // 7x5 PEs: 6 x 5 links east and as many west, 7 x 4 south and north, each with an output
        // queue at its sending end and a link buffer at its receiving end
        assertEquals(2 * (2 * 6 * 5 + 2 * 7 * 4), planned, "every source of the exchange");
    }

    @Test
    void controlWaveletsAndSwitchesBesideFixedRoutesTakeTheSamePathEitherWay() {
        // (1,1) switches color 3 among three positions: no plan there; the sender's output queue,
        // the receivers' buffers and a one-position relay of color 4 are planned, and control
        // wavelets through them (advance, reset, teardown, an advance-after flag) take the general path
        FabricLayout l = new FabricLayout(3, 3);
        l.setColorConfig(1, 1, 3, new ColorConfig(List.of(new RoutePosition(W, N), new RoutePosition(W, S),
                new RoutePosition(W, E)), 0, false, -1, -1));
        l.setColorConfig(1, 1, 4, ColorConfig.route(W, E));
        l.setTileCode(1, 0, Kernels.printingReceiver(3, CTL));
        l.setColorConfig(1, 0, 3, ColorConfig.route(S, R));
        l.setTileCode(1, 2, Kernels.printingReceiver(3, CTL));
        l.setColorConfig(1, 2, 3, ColorConfig.route(N, R));
        l.setTileCode(2, 1, Kernels.printingReceiver(3, CTL));
        l.setColorConfig(2, 1, 3, ColorConfig.route(W, R));
        l.setColorConfig(2, 1, 4, ColorConfig.route(W, R));
        l.setTileCode(0, 1, Kernels.scriptedSender(3, List.of(Send.data(100),
                Send.control(Wavelet.OP_SWITCH_ADVANCE, false, CTL, 1), Send.data(101),
                new Send(102, Dsd.FLAG_ADVANCE_SWITCH), Send.data(103),
                Send.control(Wavelet.OP_SWITCH_RESET, false, CTL, 3), Send.data(104),
                Send.control(Wavelet.OP_TEARDOWN, true, CTL, 4), Send.data(105))));
        l.setColorConfig(0, 1, 3, ColorConfig.route(R, E));
        assertTrue(samePath(() -> launched(l), 40, 3, "switches") > 0);
        try (Wafer w = launched(l)) {
            w.stepFabric(200);
            Fabric f = w.fabric();
            assertEquals(0, plan(f, 1, 1, 3, Direction.WEST), "a switch of three positions");
            assertNotEquals(0, plan(f, 0, 1, 3, Direction.RAMP), "the sender's output queue, once it has sent");
            assertNotEquals(0, plan(f, 1, 0, 3, Direction.SOUTH), "a receiver's buffer");
            assertNotEquals(0, plan(f, 1, 1, 4, Direction.WEST), "a relay of one position");
        }
    }

    private static String construct(String name) {
        try (InputStream in = RoutePlansTest.class.getResourceAsStream("/org/waferscope/engine/constructs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Supplier<Wafer> loaded(Map<String, String> files) {
        return () -> {
            try {
                WaferProgram p = ProgramLoader.load(new MemorySource("plans", files), ProgramLoader.LoadOptions.DEFAULTS);
                Wafer w = Wafer.load(p, 1);
                w.port().launch("start");
                return w;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void routesEditedByThePeTornDownAndSwitchedTakeTheSamePathEitherWay() {
        // the baton: a color torn down at load, rewritten by each PE (<tile_config>), switched
        // by control wavelets and torn down again, each PE with a teardown handler for it
        String run = "{ \"params\": { \"width\": 5 }, \"steps\": [] }";
        Supplier<Wafer> baton = loaded(Map.of("layout.csl", construct("baton_layout.csl"), "baton_pe.csl",
                construct("baton_pe.csl"), "run.json", run));
        assertEquals(0, samePath(baton, 30, 5, "baton"), "the baton's one color can change at every PE");
    }

    @Test
    void aSwappedColorTakesTheSamePathEitherWay() {
        String run = "{ \"params\": { \"width\": 5, \"count\": 4 }, \"steps\": [] }";
        Supplier<Wafer> swap = loaded(Map.of("layout.csl", construct("swap_layout.csl"), "swap_pe.csl",
                construct("swap_pe.csl"), "run.json", run));
        assertTrue(samePath(swap, 20, 4, "color swap") > 0);
        try (Wafer w = swap.get()) {
            w.stepFabric(40);
            long out = plan(w.fabric(), 0, 0, 2, Direction.RAMP);
            assertEquals(Direction.EAST.ordinal(), RoutePlans.direction(out));
            assertNotEquals(0, out & RouteLinks.SWAP, "the sender's link swaps the color");
        }
    }
}
