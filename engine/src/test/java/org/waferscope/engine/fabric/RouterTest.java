package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.N;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.S;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.fixtures.Kernels.Send;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** The router: multicast, switches, filters, back-pressure and round-robin arbitration. */
class RouterTest {
    private static final Pattern GOT = Pattern.compile("got (-?\\d+) at \\d+");
    // below the receivers' data task id (3): the picker runs the lowest ready id, so the control task runs
    // before data that arrived behind its control wavelet
    private static final int CTL = 1;

    /** What each PE's CE logged, as "got N" / "control D after K" lines, keyed "x,y". */
    private static List<String> log(Wafer w, int x, int y) {
        List<String> out = new ArrayList<>();
        for (ConsoleLine l : w.console().since(0, 10_000)) {
            if (l.x() == x && l.y() == y) {
                Matcher m = GOT.matcher(l.text());
                out.add(m.matches() ? "got " + m.group(1) : l.text());
            }
        }
        return out;
    }

    private static long arrivalCycle(Wafer w, int x, int y) {
        return w.console().since(0, 10_000).stream().filter(l -> l.x() == x && l.y() == y).findFirst()
                .orElseThrow(() -> new AssertionError("nothing arrived at (" + x + ", " + y + ")")).cycle();
    }

    private static Wafer run(FabricLayout l, int cycles) {
        Wafer w = Wafer.of(ArchProfile.WSE2, l, 1);
        w.port().launch("start");
        w.stepFabric(cycles);
        return w;
    }

    @Test
    void multicastDeliversOneWaveletToRampEastAndSouth() {
        FabricLayout l = new FabricLayout(3, 2);
        l.setTileCode(0, 0, Kernels.scriptedSender(0, List.of(Send.data(100))));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        PeProgram rx = Kernels.printingReceiver(0, -1);
        l.setTileCode(1, 0, rx);
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, R | E | S));
        l.setTileCode(2, 0, rx);
        l.setColorConfig(2, 0, 0, ColorConfig.route(W, R));
        l.setTileCode(1, 1, rx);
        l.setColorConfig(1, 1, 0, ColorConfig.route(N, R));
        try (Wafer w = run(l, 100)) {
            assertEquals(List.of("got 100"), log(w, 1, 0), "the multicasting PE's own CE (RAMP)");
            assertEquals(List.of("got 100"), log(w, 2, 0), "east copy");
            assertEquals(List.of("got 100"), log(w, 1, 1), "south copy");
            assertEquals(arrivalCycle(w, 1, 0) + 2, arrivalCycle(w, 2, 0), "east copy one hop later");
            assertEquals(arrivalCycle(w, 2, 0), arrivalCycle(w, 1, 1), "both copies leave in the same cycle");
            Fabric f = w.fabric();
            int east = Direction.EAST.ordinal();
            int south = Direction.SOUTH.ordinal();
            assertEquals(1, f.linkHops(f.pe(0, 0), east), "one hop out of the sender");
            assertEquals(1, f.linkHops(f.pe(1, 0), east), "one east out of the multicaster");
            assertEquals(1, f.linkHops(f.pe(1, 0), south), "and one south, for the same wavelet");
        }
    }

    /**
     * A router at (1,1) switches color 3 among north, south and east. A sender west of it
     * sends data and switch commands; receivers on the three sides log what arrives.
     */
    private static FabricLayout switchLayout(ColorConfig centre) {
        FabricLayout l = new FabricLayout(3, 3);
        l.setColorConfig(1, 1, 3, centre);
        PeProgram rx = Kernels.printingReceiver(3, CTL);
        l.setTileCode(1, 0, rx);
        l.setColorConfig(1, 0, 3, ColorConfig.route(S, R));
        l.setTileCode(1, 2, rx);
        l.setColorConfig(1, 2, 3, ColorConfig.route(N, R));
        l.setTileCode(2, 1, rx);
        l.setColorConfig(2, 1, 3, ColorConfig.route(W, R));
        l.setColorConfig(0, 1, 3, ColorConfig.route(R, E));
        return l;
    }

    private static Send advance(int data) {
        return Send.control(Wavelet.OP_SWITCH_ADVANCE, false, CTL, data);
    }

    @Test
    void controlWaveletTravelsTheOldRouteAndTheNextWaveletTheNewOne() {
        FabricLayout l = switchLayout(new ColorConfig(List.of(new RoutePosition(W, N), new RoutePosition(W, S),
                new RoutePosition(W, E)), 0, false, -1, -1));
        l.setTileCode(0, 1, Kernels.scriptedSender(3, List.of(Send.data(100), advance(1), Send.data(101), advance(2),
                Send.data(102), Send.control(Wavelet.OP_SWITCH_RESET, false, CTL, 3), Send.data(103))));
        try (Wafer w = run(l, 300)) {
            assertEquals(List.of("got 100", "control 1 after 1", "got 103"), log(w, 1, 0),
                    "north: position 0, the first advance command, and after the reset position 0 again");
            assertEquals(List.of("got 101", "control 2 after 1"), log(w, 1, 2), "south: position 1");
            assertEquals(List.of("got 102", "control 3 after 1"), log(w, 2, 1), "east: position 2");
            Fabric f = w.fabric();
            assertEquals(0, f.rsPos[Router.findSlot(f, f.pe(1, 1), 3)], "reset leaves position 0");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void advancingPastTheLastPositionWrapsOnlyInRingMode(boolean ring) {
        FabricLayout l = switchLayout(new ColorConfig(List.of(new RoutePosition(W, N), new RoutePosition(W, S)), 0,
                ring, -1, -1));
        l.setTileCode(0, 1, Kernels.scriptedSender(3, List.of(Send.data(100), advance(1), Send.data(101), advance(2),
                Send.data(102))));
        try (Wafer w = run(l, 300)) {
            if (ring) {
                assertEquals(List.of("got 100", "control 1 after 1", "got 102"), log(w, 1, 0));
                assertEquals(List.of("got 101", "control 2 after 1"), log(w, 1, 2));
            } else {
                assertEquals(List.of("got 100", "control 1 after 1"), log(w, 1, 0));
                assertEquals(List.of("got 101", "control 2 after 1", "got 102"), log(w, 1, 2),
                        "without ring mode the switch stays on its last position");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSwitchOfOnePositionStaysAtPositionZeroWhateverItsCommands(boolean ring) {
        // Router.visit reads no rsPos for a config of one position, taking position 0: so advances
        // and resets must leave such a slot there, and its wavelets keep their one route
        FabricLayout l = switchLayout(new ColorConfig(List.of(new RoutePosition(W, N)), 0, ring, -1, -1));
        l.setTileCode(0, 1, Kernels.scriptedSender(3, List.of(Send.data(100), advance(1), Send.data(101), advance(2),
                Send.control(Wavelet.OP_SWITCH_RESET, false, CTL, 3), Send.data(102))));
        try (Wafer w = run(l, 300)) {
            List<String> north = log(w, 1, 0);
            assertEquals(6, north.size(), "every wavelet goes north, on the one position: " + north);
            assertTrue(north.containsAll(List.of("got 100", "got 101", "got 102")), north.toString());
            assertEquals(List.of(), log(w, 1, 2), "nothing goes south");
            assertEquals(List.of(), log(w, 2, 1), "nothing goes east");
            Fabric f = w.fabric();
            assertEquals(0, f.rsPos[Router.findSlot(f, f.pe(1, 1), 3)]);
        }
    }

    @Test
    void aSendCanAdvanceItsOwnSwitchAfterItsLastWavelet() {
        FabricLayout l = new FabricLayout(2, 2);
        l.setTileCode(0, 0, Kernels.scriptedSender(3, List.of(Send.data(100),
                new Send(101, Dsd.FLAG_ADVANCE_SWITCH), Send.data(102))));
        l.setColorConfig(0, 0, 3, new ColorConfig(List.of(new RoutePosition(R, E), new RoutePosition(R, S)), 0,
                false, -1, -1));
        PeProgram rx = Kernels.printingReceiver(3, -1);
        l.setTileCode(1, 0, rx);
        l.setColorConfig(1, 0, 3, ColorConfig.route(W, R));
        l.setTileCode(0, 1, rx);
        l.setColorConfig(0, 1, 3, ColorConfig.route(N, R));
        try (Wafer w = run(l, 200)) {
            assertEquals(List.of("got 100", "got 101"), log(w, 1, 0), "the flagged wavelet still takes the old route");
            assertEquals(List.of("got 102"), log(w, 0, 1));
        }
    }

    @Test
    void teardownPutsTheSwitchBackToItsInitialPosition() {
        FabricLayout l = switchLayout(new ColorConfig(List.of(new RoutePosition(W, N), new RoutePosition(W, S),
                new RoutePosition(W, E)), 1, false, -1, -1));
        l.setTileCode(0, 1, Kernels.scriptedSender(3, List.of(Send.data(100), advance(1), Send.data(101),
                Send.control(Wavelet.OP_TEARDOWN, true, CTL, 2), Send.data(102))));
        try (Wafer w = run(l, 300)) {
            assertEquals(List.of("got 100", "control 1 after 1", "got 102"), log(w, 1, 2),
                    "initial position 1 (south), and back to it after the teardown");
            assertEquals(List.of("got 101"), log(w, 2, 1), "the ce_ignore teardown never reaches the east CE");
        }
    }

    @Test
    void filterAdmitsOnlyItsIndexRangeToTheCeButForwardsEverything() {
        FabricLayout l = new FabricLayout(3, 1);
        int[] values = {10, 11, 12, 13, 14, 15, 16, 17};
        l.setTileCode(0, 0, Kernels.arraySender(5, 0, values, Dsd.FLAG_STAMP_INDEX));
        l.setColorConfig(0, 0, 5, ColorConfig.route(R, E));
        PeProgram rx = Kernels.printingReceiver(5, -1);
        l.setTileCode(1, 0, rx);
        l.setColorConfig(1, 0, 5, new ColorConfig(List.of(new RoutePosition(W, R | E)), 0, false, 2, 4));
        l.setTileCode(2, 0, rx);
        l.setColorConfig(2, 0, 5, ColorConfig.route(W, R));
        try (Wafer w = run(l, 200)) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                all.add("got " + (i << 16 | values[i]));
            }
            assertEquals(all.subList(2, 5), log(w, 1, 0), "indexes 2..4 reach the filtering PE's CE");
            assertEquals(all, log(w, 2, 0), "every wavelet is still forwarded east");
        }
    }

    @Test
    void aFullReceiverBackPressuresTheSenderUntilItsOutputStalls() {
        FabricLayout l = new FabricLayout(2, 1);
        int[] values = new int[20];
        l.setTileCode(0, 0, Kernels.arraySender(0, 0, values, 0));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setTileCode(1, 0, Kernels.neverDrains(0));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, R));
        try (Wafer w = run(l, 100)) {
            Fabric f = w.fabric();
            int a = f.pe(0, 0);
            int b = f.pe(1, 0);
            int queue = f.inQueue(b, 0);
            int buffer = f.rsInChan[Router.findSlot(f, b, 0) * 4 + Direction.WEST.ordinal()];
            int out = f.outQueue(a, 0);
            assertEquals(6, f.count(queue), "the receiver's input queue 0 is full (6 on WSE-2)");
            assertEquals(3, f.count(buffer), "its router's west buffer is full");
            assertEquals(2, f.count(out), "the sender's output queue 0 is full");
            assertEquals(11, f.cntSent(a), "exactly the buffered wavelets left the sender's CE");
            assertEquals(Activity.STALL_OUTPUT, f.activity(a));
            assertTrue(f.cntStallOut(a) > 50, "the sender has been stalling on back-pressure");
            assertTrue(f.linkBlocked[a * 4 + Direction.EAST.ordinal()] > 50, "its east link counted as blocked");

            w.advance(1_000, false, false);
            assertEquals(WaferStatus.DEADLOCK, w.status());
            String report = String.join("\n", w.report());
            assertTrue(report.contains("PE (0, 0): task 30 at") && report.contains("waits for room in a full output queue")
                    && report.contains("output queue 0 holds 2/2"), report);
            assertTrue(report.contains("PE (0, 0): the 2 wavelet(s) of color 0 in output queue 0 cannot leave: EAST to PE (1, 0) is full"),
                    report);
            assertTrue(report.contains("PE (1, 0): router holds 3 wavelet(s) of color 0 from WEST: "
                    + "RAMP to this CE's input queue 0 is full"), report);
        }
    }

    /**
     * Two colors meet at a relay and leave on the same east link; the sink drains both at
     * link speed. Round-robin arbitration must alternate between them every cycle.
     */
    @Test
    void twoColorsContendingForOneLinkTakeTurns() {
        FabricLayout l = new FabricLayout(3, 2);
        int[] a = new int[40];
        int[] b = new int[40];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1000 + i;
            b[i] = 2000 + i;
        }
        l.setTileCode(0, 0, Kernels.arraySender(0, 0, a, 0));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setTileCode(1, 1, Kernels.arraySender(1, 0, b, 0));
        l.setColorConfig(1, 1, 1, ColorConfig.route(R, N));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, E));
        l.setColorConfig(1, 0, 1, ColorConfig.route(S, E));
        l.setTileCode(2, 0, Kernels.asyncSink(new int[] {0, 1}, a.length));
        l.setColorConfig(2, 0, 0, ColorConfig.route(W, R));
        l.setColorConfig(2, 0, 1, ColorConfig.route(W, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            Fabric f = w.fabric();
            int sink = f.pe(2, 0);
            int ch0 = f.rsInChan[Router.findSlot(f, sink, 0) * 4 + Direction.WEST.ordinal()];
            int ch1 = f.rsInChan[Router.findSlot(f, sink, 1) * 4 + Direction.WEST.ordinal()];
            w.port().launch("start");
            int busyCycles = 0;
            for (int c = 0; c < 200 && (f.pushedCount(ch0) < a.length || f.pushedCount(ch1) < b.length); c++) {
                int before = f.pushedCount(ch0) + f.pushedCount(ch1);
                w.stepFabric(1);
                int d = f.pushedCount(ch0) - f.pushedCount(ch1);
                assertTrue(Math.abs(d) <= 1, "cycle " + f.cycle() + ": color 0 has crossed " + f.pushedCount(ch0)
                        + " times, color 1 " + f.pushedCount(ch1));
                busyCycles += f.pushedCount(ch0) + f.pushedCount(ch1) - before;
            }
            assertEquals(a.length, f.pushedCount(ch0));
            assertEquals(b.length, f.pushedCount(ch1));
            w.stepFabric(20);
            int[] got0 = w.port().readSymbol("in0", new org.waferscope.engine.host.PeRectangle(2, 0, 1, 1, a.length,
                    false), "in0").bits();
            int[] got1 = w.port().readSymbol("in1", new org.waferscope.engine.host.PeRectangle(2, 0, 1, 1, b.length,
                    false), "in1").bits();
            org.junit.jupiter.api.Assertions.assertArrayEquals(a, got0, "color 0 arrives complete and in order");
            org.junit.jupiter.api.Assertions.assertArrayEquals(b, got1, "color 1 arrives complete and in order");
            assertEquals(80, busyCycles);
        }
    }
}
