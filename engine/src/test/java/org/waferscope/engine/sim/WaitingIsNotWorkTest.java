package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * A PE whose only work is an async receive that waits a long time for its wavelet must show
 * as waiting, not busy, in the utilization counters (a workshop reads imbalance from them).
 */
class WaitingIsNotWorkTest {

    @Test
    void aMicrothreadWaitingOnAnEmptyInputIsNotCountedAsBusy() {
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(0, 0, slowSender(300));
        l.setColorConfig(0, 0, 3, ColorConfig.route(TestPrograms.R, TestPrograms.E));
        l.setTileCode(1, 0, asyncReceiver());
        l.setColorConfig(1, 0, 3, ColorConfig.route(TestPrograms.W, TestPrograms.R));
        try (Wafer w = TestPrograms.wafer(l, 1)) {
            w.port().launch("start");
            RunResult r = w.runToCompletion(100_000);
            assertEquals(WaferStatus.HALTED, r.status(), String.join("\n", r.report()));
            Fabric f = w.fabric();
            long busy = FabricMetrics.busyOf(f, 1);
            assertTrue(r.cycles() > 800, "the sender takes a while: " + r.cycles());
            assertTrue(busy < 20, "the receiver worked " + busy + " of " + r.cycles() + " cycles");
        }
    }

    private static org.waferscope.engine.ir.PeProgram slowSender(int spins) {
        ProgramBuilder b = new ProgramBuilder("slow.csl");
        FunctionBuilder f = b.function("start", 0);
        int i = f.temp();
        int n = f.temp();
        int one = f.temp();
        int more = f.temp();
        int out = f.temps(4);
        f.constI32(i, 0).constI32(n, spins).constI32(one, 1);
        FunctionBuilder.Label loop = f.label();
        f.bind(loop).op(Opcode.ADD, ElementType.I32, i, i, one).op(Opcode.LT, ElementType.I32, more, i, n)
                .jumpIfNotZero(more, loop);
        f.loadConstant(out, Dsd.fabout(3, 0, 1, 0)).dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.scalar(n));
        f.unblockCmdStream().ret();
        b.exportFunction("start", f.index()).outputQueue(0);
        return b.build();
    }

    private static org.waferscope.engine.ir.PeProgram asyncReceiver() {
        ProgramBuilder b = new ProgramBuilder("wait.csl");
        Symbol buf = b.global("buf", ElementType.U32, new int[] {1}, SourcePos.UNKNOWN);
        FunctionBuilder done = b.function("done", 0);
        done.unblockCmdStream().ret();
        b.localTask(7, done);
        FunctionBuilder f = b.function("start", 0);
        int dst = f.temps(4);
        int in = f.temps(4);
        f.loadConstant(dst, Dsd.mem1d(buf.address(), 1, 4)).loadConstant(in, Dsd.fabin(3, 1, 1));
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.options(true, 7, DsdOperand.NO_TASK), DsdOperand.dsd(dst),
                DsdOperand.dsd(in), DsdOperand.NONE, DsdOperand.NONE).ret();
        b.exportFunction("start", f.index()).inputQueue(1, 3);
        return b.build();
    }
}
