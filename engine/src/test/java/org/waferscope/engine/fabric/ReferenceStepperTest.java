package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.N;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.S;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.fixtures.Kernels.Send;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;

/**
 * The activity-tracked parallel engine against the reference stepper, cycle by cycle: the
 * state hashes must agree after every cycle; when they do not, the failure names the first
 * cycle and the first PE and field that differ.
 */
class ReferenceStepperTest {

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("neighbour exchange 32x20, jittered, 20 iterations then quiet", ArchProfile.WSE2,
                        NeighbourExchange.layout(32, 20, new NeighbourExchange.Options(20, true, true)), 700),
                Arguments.of("neighbour exchange 24x16 on WSE-3", ArchProfile.WSE3,
                        NeighbourExchange.layout(24, 16, new NeighbourExchange.Options(12, true, false)), 300),
                Arguments.of("switching router and back-pressure", ArchProfile.WSE2, switchesAndBackPressure(), 200));
    }

    /** A sender whose switch command steers color 3 north then south, beside a never-draining receiver. */
    private static FabricLayout switchesAndBackPressure() {
        FabricLayout l = new FabricLayout(70, 3);
        l.setTileCode(0, 1, Kernels.scriptedSender(3, List.of(Send.data(1), Send.data(2),
                Send.control(Wavelet.OP_SWITCH_ADVANCE, false, 1, 9), Send.data(3), Send.data(4))));
        l.setColorConfig(0, 1, 3, ColorConfig.route(R, E));
        l.setColorConfig(1, 1, 3, new ColorConfig(List.of(new RoutePosition(W, N), new RoutePosition(W, S)), 0, false,
                -1, -1));
        l.setTileCode(1, 0, Kernels.printingReceiver(3, 1));
        l.setColorConfig(1, 0, 3, ColorConfig.route(S, R));
        l.setTileCode(1, 2, Kernels.printingReceiver(3, 1));
        l.setColorConfig(1, 2, 3, ColorConfig.route(N, R));
        // across a word boundary of the activity bitmap (PE 64 is (64, 0))
        l.setTileCode(62, 0, Kernels.arraySender(0, 0, new int[30], 0));
        l.setColorConfig(62, 0, 0, ColorConfig.route(R, E));
        for (int x = 63; x < 68; x++) {
            l.setColorConfig(x, 0, 0, ColorConfig.route(W, E));
        }
        l.setTileCode(68, 0, Kernels.neverDrains(0));
        l.setColorConfig(68, 0, 0, ColorConfig.route(W, R));
        return l;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void theTrackedParallelEngineMatchesTheReferenceEveryCycle(String name, ArchProfile profile, FabricLayout layout,
                                                               int cycles) {
        Fabric tracked = FabricBuilder.build(profile, layout);
        Fabric reference = FabricBuilder.build(profile, layout);
        new HostPort(tracked).launch("start");
        new HostPort(reference).launch("start");
        ReferenceStepper ref = new ReferenceStepper(reference);
        List<BandState.Event> trackedEvents = new ArrayList<>();
        long skipped = 0;
        try (CycleStepper stepper = new CycleStepper(new FabricCycle(tracked), 2)) {
            for (int c = 0; c < cycles; c++) {
                CycleStepper.Result r = stepper.step(1, StepLimits.NONE);
                trackedEvents.addAll(r.events());
                ref.step();
                skipped += tracked.n - r.lastActivePes();
                if (StateHash.of(tracked) != StateHash.of(reference)) {
                    fail("tracked and reference engines differ after cycle " + c + ": "
                            + ReferenceStepper.firstDifference(tracked, reference));
                }
            }
        }
        assertEquals(ref.events(), trackedEvents, "the same prints at the same cycles");
        assertTrue(skipped > 0, "the tracked engine did skip idle PEs, so the comparison means something");
    }

    @Test
    void aPeTheTrackerForgetsIsCaughtWithItsCycleAndPosition() {
        FabricLayout layout = NeighbourExchange.layout(32, 20, new NeighbourExchange.Options(0, false, false));
        Fabric tracked = FabricBuilder.build(ArchProfile.WSE2, layout);
        Fabric reference = FabricBuilder.build(ArchProfile.WSE2, layout);
        new HostPort(tracked).launch("start");
        new HostPort(reference).launch("start");
        ReferenceStepper ref = new ReferenceStepper(reference);
        FabricCycle cycle = new FabricCycle(tracked);
        try (CycleStepper stepper = new CycleStepper(cycle, 1)) {
            for (int c = 0; c < 50; c++) {
                if (c == 40) {
                    // simulate a lost wake-up: PE (5, 3) drops out of the activity and wake bitmaps
                    int p = tracked.pe(5, 3);
                    tracked.active[p >>> 6] &= ~(1L << p);
                    tracked.wake[p >>> 6] &= ~(1L << p);
                    reference.active[p >>> 6] &= ~(1L << p);
                    reference.wake[p >>> 6] &= ~(1L << p);
                }
                stepper.step(1, StepLimits.NONE);
                ref.step();
                if (StateHash.of(tracked) != StateHash.of(reference)) {
                    assertEquals(40, c, "caught in the very cycle the PE was skipped");
                    String d = ReferenceStepper.firstDifference(tracked, reference);
                    assertTrue(d.startsWith("PE (5, 3): "), d);
                    return;
                }
            }
        }
        fail("a skipped busy PE went unnoticed");
    }

    @Test
    void theDifferNamesPeAndField() {
        FabricLayout layout = NeighbourExchange.layout(8, 8, NeighbourExchange.Options.FOREVER);
        Fabric a = FabricBuilder.build(ArchProfile.WSE2, layout);
        Fabric b = FabricBuilder.build(ArchProfile.WSE2, layout);
        assertNull(ReferenceStepper.firstDifference(a, b));
        b.sram[b.pe(6, 2)][5] ^= 1;
        assertEquals("PE (6, 2): sram differs from byte 5", ReferenceStepper.firstDifference(a, b));
        b.sram[b.pe(6, 2)][5] ^= 1;
        int ch = b.inQueue(b.pe(3, 4), 1);
        b.push(b.pe(3, 4), ch, 7, 0, 0);
        assertEquals("PE (3, 4): input queue 1: pushed 0 vs 1", ReferenceStepper.firstDifference(a, b));
    }
}
