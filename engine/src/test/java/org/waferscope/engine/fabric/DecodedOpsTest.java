package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.waferscope.engine.sim.WaferStatus;

/**
 * Vector ops are decoded once only where the program provably holds their descriptors as
 * constants and nothing but its own slot writes can reach a frame; everything else keeps
 * reading its operands from the frame. Whether decoded or not, the state is the same
 * ({@code ReferenceStepperTest}, {@code DeterminismTest} and the sample golden tests run
 * decoded programs: the exchange, game-of-life, allreduce).
 */
class DecodedOpsTest {
    private static final int SYNC = DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK);

    private static int[][] decode(PeProgram p) {
        return DecodedOps.decode(p, (p.dataBytes() + 3) & ~3, org.waferscope.engine.arch.ArchProfile.WSE2.inputQueues());
    }

    private static int dsdOps(PeProgram p) {
        int n = 0;
        for (int pc = 0; pc < p.instructionCount(); pc++) {
            n += Opcode.op(p.code()[pc * Opcode.WIDTH]) == Opcode.DSD_OP ? 1 : 0;
        }
        return n;
    }

    /** A program that sends global {@code x} on output queue 0, with {@code between} run after loading the descriptors. */
    private static PeProgram sender(String name, java.util.function.BiConsumer<FunctionBuilder, int[]> between) {
        ProgramBuilder b = new ProgramBuilder(name);
        Symbol x = b.global("x", ElementType.F32);
        b.outputQueue(0);
        FunctionBuilder f = b.function("start", 0);
        int src = f.temps(4);
        int out = f.temps(4);
        int free = f.temps(4);
        f.loadConstant(src, Dsd.mem1d(x.address(), 1, 4)).loadConstant(out, Dsd.fabout(0, 0, 1, 0));
        between.accept(f, new int[] {src, out, free});
        f.at(9, 3).dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.dsd(src));
        f.unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }

    @Test
    void everyVectorOpOfTheExchangeIsDecoded() {
        for (PeProgram p : NeighbourExchange.layout(3, 3, NeighbourExchange.Options.FOREVER).programs()) {
            int[][] d = decode(p);
            assertNotNull(d, p.name());
            long decoded = Arrays.stream(d).filter(e -> e != null).count();
            assertEquals(dsdOps(p), decoded);
        }
    }

    @Test
    void aDecodedOpHoldsTheOperandsTheFrameWouldGive() {
        PeProgram p = sender("send.csl", (f, slots) -> { });
        int[][] d = decode(p);
        int pc = 2;
        assertEquals(Opcode.DSD_OP, Opcode.op(p.code()[pc * Opcode.WIDTH]));
        int[] dest = Arrays.copyOfRange(d[pc], 0, DsdExecutor.OPERAND);
        assertArrayEquals(new int[] {DsdExecutor.DESCRIPTOR, Dsd.fabout(0, 0, 1, 0)[0], 0, 1, 0}, dest);
        assertEquals(1, d[pc][DecodedOps.LENGTH]);
        assertEquals(DecodedOps.SEND, d[pc][DecodedOps.SHAPE]);
    }

    @Test
    void anIndirectStoreCouldReachAFrameSoNothingIsDecoded() {
        assertNotNull(decode(sender("plain.csl", (f, s) -> { })));
        assertNull(decode(sender("sti.csl", (f, s) -> f.constI32(s[2], 0).storeIndirect(ElementType.I32, s[2], 0, s[2]))));
        assertNull(decode(sender("stamp.csl", (f, s) -> f.constI32(s[2], 0).timestamp(s[2]))));
    }

    @Test
    void aDescriptorChangedAtRunTimeOrOnOnePathIsNotTrusted() {
        assertNull(decode(sender("setlen.csl", (f, s) -> f.constI32(s[2], 1).dsdSetLength(s[0], s[0], s[2]))));
        assertNull(decode(sender("branch.csl", (f, s) -> {
            FunctionBuilder.Label skip = f.label();
            f.constI32(s[2], 0).jumpIfZero(s[2], skip).loadConstant(s[1], Dsd.fabout(1, 0, 1, 0)).bind(skip);
        })));
        assertNotNull(decode(sender("same.csl", (f, s) -> {
            FunctionBuilder.Label skip = f.label();
            f.constI32(s[2], 0).jumpIfZero(s[2], skip).loadConstant(s[1], Dsd.fabout(0, 0, 1, 0)).bind(skip);
        })), "the same constant on both paths is still known");
    }

    @Test
    void aCallForgetsTheSlotsItsFrameCovers() {
        // the callee's frame starts at slot argBase - 2 and grows upward
        assertNull(decode(senderCalling(2)), "a frame from the descriptor's first slot up covers it");
        assertNotNull(decode(senderCalling(12)), "a frame above the descriptors leaves them");
    }

    private static PeProgram senderCalling(int argOffset) {
        ProgramBuilder b = new ProgramBuilder("calls.csl");
        Symbol x = b.global("x", ElementType.F32);
        b.outputQueue(0);
        FunctionBuilder callee = b.function("callee", 0);
        callee.ret();
        FunctionBuilder f = b.function("start", 0);
        int src = f.temps(4);
        int out = f.temps(4);
        f.temps(8);
        f.loadConstant(src, Dsd.mem1d(x.address(), 1, 4)).loadConstant(out, Dsd.fabout(0, 0, 1, 0))
                .call(callee, out + argOffset)
                .dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.dsd(src)).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }

    @Test
    void aVectorOpThatMayWriteIntoTheStackKeepsEveryOpOnTheGeneralPath() {
        assertNotNull(decode(writing(Dsd.mem1d(0, 4, 4))), "the 4 elements of the global");
        assertNull(decode(writing(Dsd.mem1d(0, 5, 4))), "a fifth element lands past the data, in the stack");
        assertNull(decode(writing(Dsd.mem1d(0, 3, Integer.MIN_VALUE + 8))),
                "a stride whose int products wrap: element 2 would land at 16, in the stack");
    }

    /** A program whose only global is 4 floats at address 0 (the stack follows), moving them into {@code dest}. */
    private static PeProgram writing(int[] dest) {
        ProgramBuilder b = new ProgramBuilder("wrap.csl");
        Symbol a = b.global("a", ElementType.F32, new int[] {4}, SourcePos.UNKNOWN);
        FunctionBuilder f = b.function("start", 0);
        int src = f.temps(4);
        int to = f.temps(4);
        f.loadConstant(src, Dsd.mem1d(a.address(), 4, 4)).loadConstant(to, dest)
                .dsdOp(DsdOpKind.FMOVS, DsdOperand.dsd(to), DsdOperand.dsd(src)).ret();
        return b.build();
    }

    /** A decoded op still checks the memory it reads: a hostile program gets a clean fault, never an exception. */
    @Test
    void aDecodedSendReadingOutsideSramFaultsAtTheOp() {
        ProgramBuilder b = new ProgramBuilder("far.csl");
        b.outputQueue(0);
        FunctionBuilder f = b.function("start", 0);
        int src = f.temps(4);
        int out = f.temps(4);
        f.loadConstant(src, Dsd.mem1d(40_000, 1, 4)).loadConstant(out, Dsd.fabout(0, 0, 1, 0));
        f.at(7, 5).dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.dsd(src)).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        PeProgram p = b.build();
        assertNotNull(decode(p)[2], "reads are not what sealing is about");
        assertEquals(0, decode(p)[2][DecodedOps.PROVEN], "an address outside the data keeps its bounds check");
        String fault = faultRunningAlone(p);
        assertTrue(fault.startsWith("vector access at address 0x9C40") && fault.endsWith("at far.csl:7:5"), fault);
    }

    /** The fault of PE (1, 0) of a 2x1 fabric running {@code p}'s {@code start}, which must fault. */
    private static String faultRunningAlone(PeProgram p) {
        FabricLayout l = new FabricLayout(2, 1);
        l.setTileCode(1, 0, p);
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            w.port().launch("start");
            w.advance(100, false, false);
            assertEquals(WaferStatus.FAULTED, w.status());
            return w.fabric().faultOf(1);
        }
    }

    /** A send of {@code length} f32 elements from {@code address} with {@code stride} bytes, in a program with 16 bytes of data. */
    private static PeProgram sendFrom(int address, int length, int stride) {
        ProgramBuilder b = new ProgramBuilder("from.csl");
        b.global("data", ElementType.F32, new int[] {4}, SourcePos.UNKNOWN);
        b.outputQueue(0);
        FunctionBuilder f = b.function("start", 0);
        int src = f.temps(4);
        int out = f.temps(4);
        f.loadConstant(src, Dsd.mem1d(address, length, stride)).loadConstant(out, Dsd.fabout(0, 0, 1, 0));
        f.at(4, 2).dsdOp(DsdOpKind.MOV32, DsdOperand.dsd(out), DsdOperand.dsd(src)).unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }

    /**
     * A decoded op skips the per-element bounds check only when every element it touches was
     * proven inside the data and aligned when the program was decoded; a misaligned or too
     * long operand keeps the check and faults at its element as the general path does.
     */
    @Test
    void boundsChecksAreSkippedOnlyWhereEveryElementIsProvenInside() {
        assertEquals(1, decode(sendFrom(0, 4, 4))[2][DecodedOps.PROVEN]);
        assertEquals(1, decode(sendFrom(12, 4, -4))[2][DecodedOps.PROVEN], "a negative stride stays inside");
        assertEquals(0, decode(sendFrom(4, 4, 4))[2][DecodedOps.PROVEN], "the last element is past the data");
        assertEquals(0, decode(sendFrom(2, 2, 4))[2][DecodedOps.PROVEN], "misaligned");
        assertEquals(0, decode(sendFrom(0, 2, 6))[2][DecodedOps.PROVEN], "a stride that misaligns the second element");
        String fault = faultRunningAlone(sendFrom(0, 2, 6));
        assertTrue(fault.startsWith("vector access at address 0x6 ") && fault.endsWith("at from.csl:4:2"), fault);
    }

    /**
     * Every op of the exchange takes a fast shape (DecodedStep): sends, receives and the
     * memory ops, with the queue bindings and the wavelets' meta in the entry.
     */
    @Test
    void everyVectorOpOfTheExchangeTakesAFastShape() {
        int inputs = ArchProfile.WSE2.inputQueues();
        for (PeProgram p : NeighbourExchange.layout(3, 3, NeighbourExchange.Options.FOREVER).programs()) {
            int[][] d = decode(p);
            for (int[] e : d) {
                if (e == null) {
                    continue;
                }
                assertTrue(e[DecodedOps.FAST] != DecodedOps.GENERAL, p.name());
                if (e[DecodedOps.FAST] == DecodedOps.SEND) {
                    assertEquals(inputs + Dsd.queue(e[1]), e[DecodedOps.QUEUE]);
                    assertEquals(Wavelet.meta(Dsd.color(e[1]), false), e[DecodedOps.META]);
                } else if (e[DecodedOps.FAST] == DecodedOps.RECEIVE) {
                    assertEquals(-1, e[DecodedOps.QUEUE]);
                    assertEquals(Dsd.queue(e[2 * DsdExecutor.OPERAND + 1]), e[DecodedOps.QUEUE + 2]);
                } else {
                    assertEquals(DecodedOps.MEMORY, e[DecodedOps.FAST]);
                }
            }
        }
    }

    /** {@code acc = x * k} in a program with 16 bytes of data, x at {@code from}. */
    private static PeProgram scale(int from) {
        ProgramBuilder b = new ProgramBuilder("scale.csl");
        b.global("data", ElementType.F32, new int[] {4}, SourcePos.UNKNOWN);
        FunctionBuilder f = b.function("start", 0);
        int x = f.temps(4);
        int acc = f.temps(4);
        int k = f.temp();
        f.loadConstant(x, Dsd.mem1d(from, 1, 4)).loadConstant(acc, Dsd.mem1d(0, 1, 4)).constF32(k, 2f);
        f.at(3, 1).dsdOp(DsdOpKind.FMULS, SYNC, DsdOperand.dsd(acc), DsdOperand.dsd(x), DsdOperand.scalar(k), DsdOperand.NONE)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        return b.build();
    }

    /**
     * A memory op skips its bounds checks (MemoryRun) only when every element is proven inside
     * the data; one reading past it keeps the general path and faults there.
     */
    @Test
    void aMemoryOpRunsUncheckedOnlyWhenProvenInside() {
        int pc = 3;
        int[] inside = decode(scale(12))[pc];
        assertEquals(1, inside[DecodedOps.PROVEN]);
        assertEquals(DecodedOps.MEMORY, inside[DecodedOps.FAST]);
        int[] outside = decode(scale(40_000))[pc];
        assertEquals(0, outside[DecodedOps.PROVEN]);
        assertEquals(DecodedOps.GENERAL, outside[DecodedOps.FAST]);
        String fault = faultRunningAlone(scale(40_000));
        assertTrue(fault.startsWith("vector access at address 0x9C40") && fault.endsWith("at scale.csl:3:1"), fault);
    }

    /** A fast receive from a queue the PE does not bind hands the cycle to the general path, which faults as it always did. */
    @Test
    void aFastReceiveFromAnUnboundQueueFaultsAsTheGeneralPathDoes() {
        ProgramBuilder b = new ProgramBuilder("unbound.csl");
        Symbol x = b.global("x", ElementType.F32);
        b.inputQueue(0, 4);
        FunctionBuilder f = b.function("start", 0);
        int dst = f.temps(4);
        int in = f.temps(4);
        f.loadConstant(dst, Dsd.mem1d(x.address(), 1, 4)).loadConstant(in, Dsd.fabin(5, 3, 1));
        f.at(6, 2).dsdOp(DsdOpKind.FADDS, SYNC, DsdOperand.dsd(dst), DsdOperand.dsd(dst), DsdOperand.dsd(in), DsdOperand.NONE)
                .unblockCmdStream().ret();
        b.exportFunction("start", f.index());
        PeProgram p = b.build();
        assertEquals(DecodedOps.RECEIVE, decode(p)[2][DecodedOps.FAST]);
        String fault = faultRunningAlone(p);
        assertEquals("input queue 3 is not set up on this PE at unbound.csl:6:2", fault);
    }

    /** Equal entries of a fabric's programs are one array, and the dispatch table points at a copy of each in the pool. */
    @Test
    void equalEntriesOfAllProgramsAreShared() {
        ProgramTables a = new ProgramTables(sender("a.csl", (f, s) -> { }), ArchProfile.WSE2, java.util.Map.of());
        ProgramTables b = new ProgramTables(sender("b.csl", (f, s) -> { }), ArchProfile.WSE2, java.util.Map.of());
        int pc = 2;
        assertTrue(a.decoded[pc] != b.decoded[pc]);
        DecodedOps.share(new ProgramTables[] {a, b});
        assertTrue(a.decoded[pc] == b.decoded[pc]);
        assertEquals(a.decodedAt, b.decodedAt);
        int d = b.decodedAt[b.decodedBase + pc];
        assertEquals(DecodedOps.SEND, d & 3);
        assertArrayEquals(b.decoded[pc], Arrays.copyOfRange(b.decodedPool, d >>> 2, (d >>> 2) + DecodedOps.ENTRY));
        assertEquals(-1, a.decodedAt[a.decodedBase]);
    }
}
