package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.StepLimits;
import org.waferscope.engine.sim.Wafer;

/**
 * A CE stalled on an input, with an empty router, sleeps: it is not visited until a
 * wavelet reaches its router. Its counters, the stop decisions and the state hash must be
 * as if it had been visited every cycle.
 */
class SleepTest {
    static final int DELAY = 40;

    /** Counts to {@code delay}, then sends {@code value} east on color 0. */
    static PeProgram lateSender(int delay, int value) {
        ProgramBuilder b = new ProgramBuilder("late_sender.csl");
        FunctionBuilder f = b.function("start", 0);
        int i = f.temp();
        int n = f.temp();
        int one = f.temp();
        int cond = f.temp();
        int v = f.temp();
        int out = f.temps(4);
        f.constI32(i, 0).constI32(n, delay).constI32(one, 1).constI32(v, value)
                .loadConstant(out, Dsd.fabout(0, 0, 1, 0));
        FunctionBuilder.Label loop = f.label();
        f.bind(loop).op(Opcode.ADD, ElementType.I32, i, i, one).op(Opcode.LT, ElementType.I32, cond, i, n)
                .jumpIfNotZero(cond, loop);
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.scalar(v));
        f.unblockCmdStream().ret();
        b.exportFunction("start", f.index()).outputQueue(0);
        return b.build();
    }

    /** Reads one wavelet of color 0 with a synchronous op (stalling until it comes) into {@code got}. */
    static PeProgram waitingReceiver() {
        ProgramBuilder b = new ProgramBuilder("receiver.csl");
        Symbol got = b.export(b.global("got", ElementType.U32), "got", true);
        FunctionBuilder f = b.function("start", 0);
        int dst = f.temps(4);
        int in = f.temps(4);
        f.loadConstant(dst, Dsd.mem1d(got.address(), 1, 4)).loadConstant(in, Dsd.fabin(0, 0, 1));
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(dst), DsdOperand.dsd(in));
        f.unblockCmdStream().ret();
        b.exportFunction("start", f.index()).inputQueue(0, 0);
        return b.build();
    }

    static FabricLayout senderAndReceiver() {
        return senderAnd(waitingReceiver());
    }

    static FabricLayout senderAnd(PeProgram receiver) {
        FabricLayout l = new FabricLayout(3, 1);
        l.setTileCode(0, 0, lateSender(DELAY, 77));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, E));
        l.setTileCode(2, 0, receiver);
        l.setColorConfig(2, 0, 0, ColorConfig.route(W, R));
        return l;
    }

    static boolean asleep(Fabric f, int p) {
        return (f.sleeping[p >>> 6] & (1L << p)) != 0;
    }

    @Test
    void aStalledReceiverSleepsUntilItsWaveletComesAndCountsEveryStalledCycle() {
        FabricLayout l = senderAndReceiver();
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            Fabric f = w.fabric();
            int receiver = f.pe(2, 0);
            w.port().launch("start");
            w.stepFabric(20);
            assertTrue(asleep(f, receiver), "the receiver waits on an empty queue with nothing in flight");
            assertFalse(f.isActive(receiver));
            assertEquals(Activity.STALL_INPUT, f.activity(receiver));
            long stalledSoFar = f.cntStallIn(receiver);
            assertTrue(stalledSoFar >= 15, "stall cycles are credited while asleep: " + stalledSoFar);
            w.stepFabric(200);
            assertFalse(asleep(f, receiver));
            int[] got = w.port().readSymbol("got", new PeRectangle(2, 0, 1, 1, 1, false), "got").bits();
            assertEquals(77, got[0]);
        }
    }

    static Stream<PeProgram> receivers() {
        // a task stalled in a synchronous receive; an idle CE whose microthread waits to receive
        return Stream.of(waitingReceiver(), Kernels.asyncSink(new int[] {0}, 1));
    }

    @ParameterizedTest
    @MethodSource("receivers")
    void sleepingChangesNothingAgainstVisitingEveryPeEveryCycle(PeProgram receiver) {
        FabricLayout l = senderAnd(receiver);
        Fabric tracked = FabricBuilder.build(ArchProfile.WSE2, l);
        Fabric reference = FabricBuilder.build(ArchProfile.WSE2, l);
        new HostPort(tracked).launch("start");
        new HostPort(reference).launch("start");
        ReferenceStepper ref = new ReferenceStepper(reference);
        int slept = 0;
        try (CycleStepper stepper = new CycleStepper(new FabricCycle(tracked), 1)) {
            for (int c = 0; c < 120; c++) {
                stepper.step(1, StepLimits.NONE);
                ref.step();
                slept += asleep(tracked, tracked.pe(2, 0)) ? 1 : 0;
                assertNull(ReferenceStepper.firstDifference(tracked, reference), "cycle " + c);
            }
        }
        assertTrue(slept > DELAY / 2, "the receiver slept for " + slept + " cycles");
    }

    @Test
    void aBreakpointSetOnTheLineASleepingPeStallsOnStopsTheRun() {
        try (Wafer w = Wafer.of(ArchProfile.WSE2, senderAndReceiver(), 1)) {
            Fabric f = w.fabric();
            int receiver = f.pe(2, 0);
            w.port().launch("start");
            w.stepFabric(10);
            assertTrue(asleep(f, receiver));
            boolean[][] at = new boolean[f.programCount()][];
            at[f.programIndexOf(receiver)] = new boolean[f.pc(receiver) + 1];
            at[f.programIndexOf(receiver)][f.pc(receiver)] = true;
            w.setBreakpoints(at);
            assertEquals(org.waferscope.engine.sim.StopReason.BREAKPOINT, w.advance(5, true, false));
            assertEquals(11, w.cycle(), "stopped in the first cycle after the breakpoint was set");
        }
    }

    @Test
    void aHostWriteWakesASleepingPe() {
        // the CE reads an empty FIFO and sleeps; the host fills the FIFO, and the CE must go on
        ProgramBuilder b = new ProgramBuilder("fifo_reader.csl");
        Symbol header = b.export(b.global("hdr", ElementType.U32, new int[] {2}, SourcePos.UNKNOWN), "hdr", true);
        Symbol buffer = b.export(b.global("buf", ElementType.U32, new int[] {4}, SourcePos.UNKNOWN), "buf", true);
        Symbol got = b.export(b.global("got", ElementType.U32), "got", true);
        FunctionBuilder f = b.function("start", 0);
        int dst = f.temps(4);
        int fifo = f.temps(4);
        f.loadConstant(dst, Dsd.mem1d(got.address(), 1, 4))
                .loadConstant(fifo, Dsd.fifo(buffer.address(), 4, header.address()));
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(dst), DsdOperand.dsd(fifo));
        f.unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        FabricLayout l = new FabricLayout(1, 1);
        l.setTileCode(0, 0, b.build());
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            w.port().launch("start");
            w.stepFabric(10);
            assertTrue(asleep(w.fabric(), 0));
            PeRectangle one = new PeRectangle(0, 0, 1, 1, 1, false);
            w.port().writeSymbol("buf", one, new HostArray("b", ElementType.U32, new int[] {1}, new int[] {123}));
            w.port().writeSymbol("hdr", new PeRectangle(0, 0, 1, 1, 2, false),
                    new HostArray("h", ElementType.U32, new int[] {2}, new int[] {0, 1}));
            w.stepFabric(10);
            assertEquals(123, w.port().readSymbol("got", one, "got").bits()[0]);
            assertEquals(1, w.port().releasedCount());
        }
    }
}
