package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.sim.Wafer;

/**
 * A decoded vector op ({@link DecodedStep}: a send, a receive, a memory op) leaves the CE's
 * record, cycle by cycle, as the general path leaves it: pc, elements done, busy count,
 * activity and every counter, with the words it writes once and the activity the step writes
 * for it. The same layout runs twice, once with its dispatch table emptied so that every
 * vector op takes {@link ComputeEngine#vectorOp} from the frame.
 */
class DecodedStepTest {
    private static final int N = 1;
    private static final int E = 4;
    private static final int W = 8;
    private static final int R = 16;

    @Test
    void theExchangeOutOfStepMovesTheRecordAsTheGeneralPath() {
        // edge PEs send and receive less, so they run ahead and wait on empty queues; the gap is a memory op that keeps the CE busy, counted down and dozed through
        // (no jitter: its run-time length would keep the program from being decoded)
        int seen = sameCycleByCycle(NeighbourExchange.layout(5, 4, NeighbourExchange.Options.atRate(3)), 600);
        for (int a : new int[] {Activity.COMPUTE, Activity.FABRIC, Activity.STALL_INPUT}) {
            assertTrue((seen & 1 << a) != 0, "a cycle of activity " + a);
        }
    }

    @Test
    void opsThatActivateTasksWhenTheyCompleteMoveTheRecordAsTheGeneralPath() {
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(0, 0, sender());
        l.setTileCode(1, 0, receiver());
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, R));
        int seen = sameCycleByCycle(l, 200);
        for (int a : new int[] {Activity.COMPUTE, Activity.FABRIC, Activity.STALL_INPUT, Activity.STALL_OUTPUT}) {
            assertTrue((seen & 1 << a) != 0, "a cycle of activity " + a);
        }
    }

    /**
     * Steps a decoded and a general wafer of layout {@code l} in turn, comparing every PE's
     * record after each cycle; returns the activities seen, a bit each.
     */
    private static int sameCycleByCycle(FabricLayout l, int cycles) {
        try (Wafer decoded = Wafer.of(ArchProfile.WSE2, l, 1); Wafer general = Wafer.of(ArchProfile.WSE2, l, 1)) {
            assertTrue(Arrays.stream(decoded.fabric().decodedAt).anyMatch(d -> (d & 3) != DecodedOps.GENERAL && d >= 0),
                    "the layout has ops of the decoded shapes");
            Arrays.fill(general.fabric().decodedAt, -1);
            decoded.port().launch("start");
            general.port().launch("start");
            int seen = 0;
            for (int c = 0; c < cycles; c++) {
                decoded.stepFabric(1);
                general.stepFabric(1);
                Fabric a = decoded.fabric();
                Fabric b = general.fabric();
                for (int p = 0; p < a.n; p++) {
                    assertEquals(record(b, p), record(a, p), "PE " + p + " after cycle " + c);
                    seen |= 1 << a.activity(p);
                }
                assertEquals(general.stateHash(), decoded.stateHash(), "after cycle " + c);
            }
            return seen;
        }
    }

    private static String record(Fabric f, int p) {
        return "pc " + f.pc(p) + ", done " + f.opDone(p) + ", busy " + f.busy(p) + ", activity " + f.activity(p)
                + ", task " + f.task(p) + ", sent " + f.cntSent(p) + ", received " + f.cntReceived(p) + ", tasks "
                + f.tasksRun(p) + ", compute " + f.cntCompute(p) + ", fabric " + f.cntFabric(p) + ", stalled in "
                + f.cntStallIn(p) + ", out " + f.cntStallOut(p) + ", fault " + f.faultOf(p);
    }

    /**
     * Sends the 3 elements of {@code a} east, then, from the task the send's completion
     * activates, its first 12 times (more than the queues between the PEs hold).
     */
    private static PeProgram sender() {
        ProgramBuilder b = new ProgramBuilder("sender.csl");
        Symbol a = b.global("a", ElementType.F32, new int[] {3}, SourcePos.UNKNOWN);
        b.initializeF32(a, 1.5f, 2.5f, 4f);
        b.outputQueue(0);
        FunctionBuilder again = b.function("again", 0);
        int src2 = again.temps(4);
        int out2 = again.temps(4);
        again.loadConstant(src2, Dsd.mem1d(a.address(), 12, 0)).loadConstant(out2, Dsd.fabout(0, 0, 12, 0))
                .dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out2), DsdOperand.dsd(src2)).ret();
        b.localTask(10, again);
        FunctionBuilder f = b.function("start", 0);
        int src = f.temps(4);
        int out = f.temps(4);
        f.loadConstant(src, Dsd.mem1d(a.address(), 3, 4)).loadConstant(out, Dsd.fabout(0, 0, 3, 0))
                .dsdOp(DsdOpKind.MOV32, DsdOperand.options(false, 10, DsdOperand.NO_TASK), DsdOperand.dsd(out),
                        DsdOperand.dsd(src), DsdOperand.NONE, DsdOperand.NONE)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }

    /**
     * Adds 3 arriving elements into {@code acc} (waiting for the first), copies a long buffer
     * (a memory op that keeps the CE busy while the sender fills the queues and stalls), then
     * adds the 12 others into {@code acc}'s first; each op's completion activates a task that counts it.
     */
    private static PeProgram receiver() {
        ProgramBuilder b = new ProgramBuilder("receiver.csl");
        Symbol acc = b.global("acc", ElementType.F32, new int[] {3}, SourcePos.UNKNOWN);
        Symbol big = b.global("big", ElementType.F32, new int[] {256}, SourcePos.UNKNOWN);
        Symbol copy = b.global("copy", ElementType.F32, new int[] {256}, SourcePos.UNKNOWN);
        Symbol seen = b.global("seen", ElementType.I32);
        b.inputQueue(0, 0);
        FunctionBuilder count = b.function("count", 0);
        int v = count.temp();
        int one = count.temp();
        count.loadGlobal(ElementType.I32, v, seen.address()).constI32(one, 1).op(Opcode.ADD, ElementType.I32, v, v, one)
                .storeGlobal(ElementType.I32, seen.address(), v).ret();
        b.localTask(11, count);
        int activate = DsdOperand.options(false, 11, DsdOperand.NO_TASK);
        FunctionBuilder f = b.function("start", 0);
        int as = f.temps(4);
        int in = f.temps(4);
        int from = f.temps(4);
        int to = f.temps(4);
        int first = f.temps(4);
        int in12 = f.temps(4);
        f.loadConstant(as, Dsd.mem1d(acc.address(), 3, 4)).loadConstant(in, Dsd.fabin(0, 0, 3))
                .dsdOp(DsdOpKind.FADDS, activate, DsdOperand.dsd(as), DsdOperand.dsd(as), DsdOperand.dsd(in), DsdOperand.NONE)
                .loadConstant(from, Dsd.mem1d(big.address(), 256, 4)).loadConstant(to, Dsd.mem1d(copy.address(), 256, 4))
                .loadConstant(first, Dsd.mem1d(acc.address(), 12, 0)).loadConstant(in12, Dsd.fabin(0, 0, 12))
                .dsdOp(DsdOpKind.FMOVS, activate, DsdOperand.dsd(to), DsdOperand.dsd(from), DsdOperand.NONE, DsdOperand.NONE)
                .dsdOp(DsdOpKind.FADDS, activate, DsdOperand.dsd(first), DsdOperand.dsd(first), DsdOperand.dsd(in12),
                        DsdOperand.NONE)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }
}
