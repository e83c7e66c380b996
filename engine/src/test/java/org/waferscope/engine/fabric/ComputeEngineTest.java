package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.fixtures.Kernels.Send;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.PrintFormat;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/** The compute engine: the task picker, block/unblock, control tasks, DSD timing, microthreads, input stalls. */
class ComputeEngineTest {
    private static final PrintFormat TASK = new PrintFormat("task {d}", List.of(ElementType.I32));
    private static final int SYNC = DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK);

    private static Wafer alone(PeProgram p, ArchProfile profile) {
        FabricLayout l = new FabricLayout(1, 1);
        l.setTileCode(0, 0, p);
        return Wafer.of(profile, l, 1);
    }

    private static List<String> texts(Wafer w) {
        return w.console().since(0, 1000).stream().map(ConsoleLine::text).collect(Collectors.toList());
    }

    /** A local task that prints its id, then activates {@code then} (if >= 0). */
    private static void printingTask(ProgramBuilder b, int id, int then) {
        FunctionBuilder t = b.function("task" + id, 0);
        int v = t.temp();
        t.constI32(v, id).print(TASK, v, 1);
        if (then >= 0) {
            t.activate(then);
        }
        t.ret();
        b.localTask(id, t);
    }

    @Test
    void thePickerTakesTurnsFromTheIdAfterTheLastOneStarted() {
        ProgramBuilder b = new ProgramBuilder("picker.csl");
        printingTask(b, 9, -1);
        printingTask(b, 5, -1);
        printingTask(b, 3, 1);
        printingTask(b, 1, -1);
        FunctionBuilder start = b.function("start", 0);
        start.activate(9).activate(5).activate(3).unblockCmdStream().ret();
        b.exportFunction("start", start.index());
        try (Wafer w = alone(b.build(), ArchProfile.WSE2)) {
            w.port().launch("start");
            w.stepFabric(100);
            assertEquals(List.of("task 3", "task 5", "task 9", "task 1"), texts(w),
                    "after the launch (id 30) the turn wraps to 3; 5 and 9 come after 3; 1, activated by task 3,"
                            + " waits for the turn to wrap round again");
            assertEquals(5, w.fabric().tasksRun(0), "the launch and four tasks");
        }
    }

    @Test
    void aBlockedTaskWaitsUntilUnblocked() {
        ProgramBuilder b = new ProgramBuilder("block.csl");
        printingTask(b, 4, -1);
        FunctionBuilder six = b.function("task6", 0);
        int v = six.temp();
        six.constI32(v, 6).print(TASK, v, 1).unblock(4).ret();
        b.localTask(6, six);
        FunctionBuilder start = b.function("start", 0);
        start.block(4).activate(4).activate(6).unblockCmdStream().ret();
        b.exportFunction("start", start.index());
        try (Wafer w = alone(b.build(), ArchProfile.WSE2)) {
            w.port().launch("start");
            w.stepFabric(100);
            assertEquals(List.of("task 6", "task 4"), texts(w), "4 is activated first but runs once 6 unblocks it");
            assertEquals(0, w.fabric().activated[0] | w.fabric().blocked[0]);
        }
    }

    @Test
    void aBlockedActivatedTaskNeverRunsOnItsOwn() {
        ProgramBuilder b = new ProgramBuilder("block.csl");
        printingTask(b, 4, -1);
        FunctionBuilder start = b.function("start", 0);
        start.block(4).activate(4).unblockCmdStream().ret();
        b.exportFunction("start", start.index());
        try (Wafer w = alone(b.build(), ArchProfile.WSE2)) {
            w.port().launch("start");
            w.stepFabric(50);
            assertEquals(List.of(), texts(w));
            assertEquals(1L << 4, w.fabric().activated[0] & w.fabric().blocked[0]);
            assertTrue(!w.fabric().anyActive(), "an idle CE with only a blocked task costs nothing");
        }
    }

    @Test
    void aTaskWithNoArgumentsOrLocalsStarts() {
        ProgramBuilder b = new ProgramBuilder("empty.csl");
        FunctionBuilder start = b.function("start", 0);
        start.unblockCmdStream().ret();
        b.exportFunction("start", start.index());
        try (Wafer w = alone(b.build(), ArchProfile.WSE2)) {
            w.port().launch("start");
            w.stepFabric(10);
            assertNull(w.fabric().faultOf(0));
            assertEquals(1, w.port().releasedCount());
        }
    }

    @Test
    void aControlWaveletWakesItsControlTaskAfterTheData() {
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(0, 0, Kernels.scriptedSender(2, List.of(Send.data(1), Send.data(2), Send.data(3), Send.data(4),
                Send.data(5), Send.control(Wavelet.OP_NONE, false, 40, 42))));
        l.setColorConfig(0, 0, 2, ColorConfig.route(R, E));
        l.setTileCode(1, 0, Kernels.printingReceiver(2, 40));
        l.setColorConfig(1, 0, 2, ColorConfig.route(W, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            w.port().launch("start");
            w.stepFabric(200);
            List<String> got = texts(w).stream().map(s -> s.replaceAll(" at \\d+", "")).collect(Collectors.toList());
            assertEquals(List.of("got 1", "got 2", "got 3", "got 4", "got 5", "control 42 after 5"), got,
                    "the sentinel's task sees all five data wavelets counted, and gets the control data");
        }
    }

    // ---- DSD timing ----

    static Stream<Arguments> simdTable() {
        ArchProfile w2 = ArchProfile.WSE2;
        ArchProfile w3 = ArchProfile.WSE3;
        return Stream.of(
                Arguments.of(w2, DsdOpKind.FADDS, 16, 8), Arguments.of(w3, DsdOpKind.FADDS, 16, 4),
                Arguments.of(w2, DsdOpKind.FADDS, 15, 8), Arguments.of(w3, DsdOpKind.FADDS, 15, 4),
                Arguments.of(w2, DsdOpKind.FADDS, 1, 1), Arguments.of(w3, DsdOpKind.FADDS, 1, 1),
                Arguments.of(w2, DsdOpKind.FMACS, 16, 16), Arguments.of(w3, DsdOpKind.FMACS, 16, 16),
                Arguments.of(w2, DsdOpKind.FMULS, 16, 16), Arguments.of(w3, DsdOpKind.FMULS, 16, 16),
                Arguments.of(w2, DsdOpKind.FMACH, 16, 4), Arguments.of(w3, DsdOpKind.FMACH, 16, 2),
                Arguments.of(w2, DsdOpKind.FADDH, 16, 4), Arguments.of(w3, DsdOpKind.FADDH, 16, 2),
                Arguments.of(w2, DsdOpKind.MOV32, 16, 8), Arguments.of(w3, DsdOpKind.MOV32, 16, 4),
                Arguments.of(w2, DsdOpKind.ADD16, 16, 4), Arguments.of(w3, DsdOpKind.ADD16, 16, 2),
                Arguments.of(w2, DsdOpKind.FMOVS, 0, 1));
    }

    /**
     * Times one memory vector op between two reads of the cycle counter: the op occupies
     * the CE for ceil(length / width) cycles, the width coming from the profile's SIMD table.
     */
    @ParameterizedTest(name = "{0} {1} over {2} elements: {3} cycles")
    @MethodSource("simdTable")
    void aMemoryVectorOpTakesLengthOverSimdWidthCycles(ArchProfile profile, DsdOpKind kind, int length, int expected) {
        ProgramBuilder b = new ProgramBuilder("simd.csl");
        int bytes = kind.type.bytes;
        Symbol[] arrays = new Symbol[4];
        for (int k = 0; k < 4; k++) {
            arrays[k] = b.global("a" + k, kind.type, new int[] {16}, SourcePos.UNKNOWN);
        }
        Symbol dt = b.export(b.global("dt", ElementType.I32), "dt", true);
        FunctionBuilder f = b.function("start", 0);
        int[] dsd = new int[4];
        for (int k = 0; k < 4; k++) {
            dsd[k] = f.temps(4);
            f.loadConstant(dsd[k], Dsd.mem1d(arrays[k].address(), length, bytes));
        }
        int t1 = f.temp();
        int t2 = f.temp();
        f.cycle(t1);
        f.dsdOp(kind, SYNC, DsdOperand.dsd(dsd[0]), DsdOperand.dsd(dsd[1]),
                kind.sources > 1 ? DsdOperand.dsd(dsd[2]) : DsdOperand.NONE,
                kind.sources > 2 ? DsdOperand.dsd(dsd[3]) : DsdOperand.NONE);
        f.cycle(t2).op(Opcode.SUB, ElementType.I32, t2, t2, t1).storeGlobal(ElementType.I32, dt.address(), t2)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        try (Wafer w = alone(b.build(), profile)) {
            w.port().launch("start");
            w.stepFabric(100);
            int between = w.port().readSymbol("dt", new PeRectangle(0, 0, 1, 1, 1, false), "dt").bits()[0];
            assertEquals(expected, between - 1, "cycles the op kept the CE (the read after it takes one)");
        }
    }

    @Test
    void aFabricOperandMovesOneWaveletPerCycle() {
        FabricLayout l = new FabricLayout(2, 1);
        ProgramBuilder b = new ProgramBuilder("timed_send.csl");
        Symbol data = b.global("data", ElementType.U32, new int[] {8}, SourcePos.UNKNOWN);
        Symbol dt = b.export(b.global("dt", ElementType.I32), "dt", true);
        FunctionBuilder f = b.function("start", 0);
        int out = f.temps(4);
        int src = f.temps(4);
        int t1 = f.temp();
        int t2 = f.temp();
        f.loadConstant(out, Dsd.fabout(0, 0, 8, 0)).loadConstant(src, Dsd.mem1d(data.address(), 8, 4)).cycle(t1)
                .dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.dsd(src))
                .cycle(t2).op(Opcode.SUB, ElementType.I32, t2, t2, t1).storeGlobal(ElementType.I32, dt.address(), t2)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index()).outputQueue(0);
        l.setTileCode(0, 0, b.build());
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setTileCode(1, 0, Kernels.asyncSink(new int[] {0}, 8));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE3, l, 1)) {
            w.port().launch("start");
            w.stepFabric(100);
            int between = w.port().readSymbol("dt", new PeRectangle(0, 0, 1, 1, 1, false), "dt").bits()[0];
            assertEquals(8, between - 1, "8 wavelets, one per cycle, whatever the SIMD width (WSE-3 moves 4 u32 per cycle in memory)");
        }
    }

    // ---- microthreads ----

    /**
     * The main task starts an async receive whose completion activates task 12, then keeps
     * running (polling the receive buffer) until the data has landed. Task 12 can only run
     * once the main task has ended.
     */
    @Test
    void anAsyncOpRunsBesideTheMainTaskAndActivatesATaskWhenDone() {
        ProgramBuilder b = new ProgramBuilder("async.csl");
        Symbol recv = b.export(b.global("recv", ElementType.U32, new int[] {4}, SourcePos.UNKNOWN), "recv", true);
        FunctionBuilder done = b.function("done", 0);
        int c = done.temp();
        done.cycle(c).print(new PrintFormat("async done at {d}", List.of(ElementType.I32)), c, 1).ret();
        b.localTask(12, done);
        FunctionBuilder f = b.function("start", 0);
        int in = f.temps(4);
        int dst = f.temps(4);
        int spins = f.temp();
        int one = f.temp();
        int v = f.temp();
        int args = f.temps(2);
        f.loadConstant(in, Dsd.fabin(0, 0, 4)).loadConstant(dst, Dsd.mem1d(recv.address(), 4, 4))
                .constI32(spins, 0).constI32(one, 1);
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.options(true, 12, DsdOperand.NO_TASK), DsdOperand.dsd(dst),
                DsdOperand.dsd(in), DsdOperand.NONE, DsdOperand.NONE);
        FunctionBuilder.Label poll = f.label();
        f.bind(poll).op(Opcode.ADD, ElementType.I32, spins, spins, one)
                .loadGlobal(ElementType.U32, v, recv.address() + 12).jumpIfZero(v, poll);
        f.mov(args, spins).cycle(args + 1)
                .print(new PrintFormat("main saw the data after {d} polls at {d}", List.of(ElementType.I32, ElementType.I32)),
                        args, 2)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index()).inputQueue(0, 0);
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(0, 0, Kernels.scriptedSender(0, List.of(Send.data(100), Send.data(101), Send.data(102),
                Send.data(103))));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setTileCode(1, 0, b.build());
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            w.port().launch("start");
            w.stepFabric(200);
            List<ConsoleLine> lines = w.console().since(0, 10);
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).text().startsWith("main saw the data after "), lines.toString());
            int polls = Integer.parseInt(lines.get(0).text().split(" ")[5]);
            assertTrue(polls > 3, "the main task kept running while the microthread waited: " + polls + " polls");
            assertTrue(lines.get(1).text().startsWith("async done"), lines.toString());
            assertTrue(lines.get(1).cycle() > lines.get(0).cycle(), "task 12 runs after the main task ends");
            assertArrayEquals(new int[] {100, 101, 102, 103},
                    w.port().readSymbol("recv", new PeRectangle(1, 0, 1, 1, 4, false), "r").bits());
        }
    }

    // ---- stalls ----

    @Test
    void aSynchronousOpOnAnEmptyFabricInputStallsTheCeUntilDataArrives() {
        ProgramBuilder b = new ProgramBuilder("stall.csl");
        Symbol acc = b.export(b.global("acc", ElementType.F32), "acc", true);
        FunctionBuilder f = b.function("start", 0);
        int in = f.temps(4);
        int a = f.temps(4);
        f.loadConstant(in, Dsd.fabin(3, 2, 1)).loadConstant(a, Dsd.mem1d(acc.address(), 1, 4));
        f.at(4, 7).dsdOp(DsdOpKind.FADDS, SYNC, DsdOperand.dsd(a), DsdOperand.dsd(a), DsdOperand.dsd(in), DsdOperand.NONE);
        f.at(5, 3).unblockCmdStream().ret();
        b.exportFunction("start", f.index()).inputQueue(2, 3);
        try (Wafer w = alone(b.build(), ArchProfile.WSE2)) {
            Fabric fab = w.fabric();
            w.port().launch("start");
            w.stepFabric(40);
            assertEquals(Activity.STALL_INPUT, fab.activity(0));
            assertTrue(fab.cntStallIn(0) >= 35, "stalled every cycle since the op was reached: " + fab.cntStallIn(0));
            assertEquals(0, w.port().releasedCount(), "nothing after the op ran");
            w.port().streamIn(3, new PeRectangle(0, 0, 1, 1, 1, false), HostArray.ofFloats("x", new int[] {1}, 2.5f));
            w.stepFabric(10);
            assertEquals(1, w.port().releasedCount(), "the CE went on once the wavelet arrived");
            assertEquals(2.5f, Float.intBitsToFloat(w.port().readSymbol("acc", new PeRectangle(0, 0, 1, 1, 1, false),
                    "acc").bits()[0]));
            long stalled = fab.cntStallIn(0);
            w.stepFabric(10);
            assertEquals(stalled, fab.cntStallIn(0));
        }
    }

    @Test
    void aSynchronousStallWithNothingComingIsReportedAsADeadlock() {
        ProgramBuilder b = new ProgramBuilder("stall.csl");
        Symbol acc = b.global("acc", ElementType.F32);
        FunctionBuilder f = b.function("start", 0);
        int in = f.temps(4);
        int a = f.temps(4);
        f.loadConstant(in, Dsd.fabin(3, 2, 1)).loadConstant(a, Dsd.mem1d(acc.address(), 1, 4));
        f.at(4, 7).dsdOp(DsdOpKind.FADDS, SYNC, DsdOperand.dsd(a), DsdOperand.dsd(a), DsdOperand.dsd(in), DsdOperand.NONE);
        f.at(5, 3).unblockCmdStream().ret();
        b.exportFunction("start", f.index()).inputQueue(2, 3);
        FabricLayout l = new FabricLayout(3, 2);
        l.setTileCode(2, 1, b.build());
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            w.port().launch("start");
            w.advance(10_000, false, false);
            assertEquals(WaferStatus.DEADLOCK, w.status());
            assertTrue(w.cycle() < 20, "found within a few cycles of the stall, not at the budget: " + w.cycle());
            String report = String.join("\n", w.report());
            assertTrue(report.contains("PE (2, 1): task 30 at stall.csl:4:7 waits for a wavelet on an empty input"),
                    report);
            assertTrue(report.contains("input queue 2 (color 3) holds 0/4"), report);
        }
    }
}
