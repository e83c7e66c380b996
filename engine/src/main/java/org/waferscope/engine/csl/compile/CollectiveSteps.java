package org.waferscope.engine.csl.compile;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.eval.Collectives2d;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;

/**
 * The run-time half of one {@code <collectives_2d/pe>} import: a function that carries out
 * the steps a collective call planned (see {@link CollectivePlan}), one asynchronous vector
 * operation at a time, and the library task (the dimension's first entry point) that each
 * operation activates when it ends, which goes on with the next step and, after the last,
 * activates the caller's callback.
 *
 * <p>The instance's state lives in SRAM, in one u32 array: the index of the current step,
 * the number of steps, the callback's task id, then {@link #MAX_STEPS} steps of
 * {@link #STEP_WORDS} words: kind, link it reads from, link it writes to, length, address a,
 * address b. A link is 0 for the neighbour at the lower index (west, north), 1 for the
 * higher. A constant table gives, for each of the two colors, its fabin and fabout DSD word
 * 0, the color and the queue; a link's color is {@code (pe_id + 1 + link) % 2}, as the
 * layout routed it.
 */
final class CollectiveSteps {
    static final int MAX_STEPS = 3;
    static final int STEP_WORDS = 6;
    static final int HEADER_WORDS = 3;
    static final int STATE_WORDS = HEADER_WORDS + MAX_STEPS * STEP_WORDS;
    static final int TABLE_WORDS = 4;

    /** Step kinds. A step of length 0 is skipped. */
    static final int COPY = 1;
    static final int SEND = 2;
    static final int RECV = 3;
    static final int RELAY = 4;
    static final int ADD_RELAY = 5;
    static final int ADD_RECV = 6;

    private CollectiveSteps() {
    }

    /** Emits the step runner into {@code f}; {@code entry} is the task each operation activates. */
    static void emitRunner(FunctionBuilder f, int stateAddr, int tableAddr, int peIdAddr, int entry) {
        int idx = f.temp();
        int cnt = f.temp();
        int t = f.temp();
        int base = f.temp();
        int kind = f.temp();
        int in = f.temp();
        int out = f.temp();
        int len = f.temp();
        int a = f.temp();
        int b = f.temp();
        int pe = f.temp();
        int dst = f.temps(4);
        int src0 = f.temps(4);
        int src1 = f.temps(4);
        FunctionBuilder.Label loop = f.label();
        FunctionBuilder.Label next = f.label();
        f.bind(loop);
        f.loadGlobal(ElementType.U32, idx, stateAddr);
        f.loadGlobal(ElementType.U32, cnt, stateAddr + 4);
        f.op(Opcode.LT, ElementType.U32, t, idx, cnt);
        FunctionBuilder.Label work = f.label();
        f.jumpIfNotZero(t, work);
        f.loadGlobal(ElementType.U32, t, stateAddr + 8);
        f.activateSlot(t);
        f.ret();
        f.bind(work);
        // base = stateAddr + 4 * (HEADER_WORDS + idx * STEP_WORDS)
        f.constI32(t, 4 * STEP_WORDS);
        f.op(Opcode.MUL, ElementType.U32, base, idx, t);
        f.constI32(t, stateAddr + 4 * HEADER_WORDS);
        f.op(Opcode.ADD, ElementType.U32, base, base, t);
        int[] fields = {kind, in, out, len, a, b};
        for (int k = 0; k < fields.length; k++) {
            f.loadIndirect(ElementType.U32, fields[k], base, 4 * k);
        }
        f.loadGlobal(ElementType.U16, pe, peIdAddr);
        f.jumpIfZero(len, next);
        FunctionBuilder.Label notCopy = f.label();
        f.constI32(t, COPY);
        f.op(Opcode.EQ, ElementType.U32, t, kind, t);
        f.jumpIfZero(t, notCopy);
        mem(f, dst, a, len);
        mem(f, src0, b, len);
        f.dsdOp(DsdOpKind.MOV32, DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK),
                DsdOperand.dsd(dst), DsdOperand.dsd(src0), DsdOperand.NONE, DsdOperand.NONE);
        f.jump(next);
        f.bind(notCopy);
        int async = DsdOperand.options(true, entry, DsdOperand.NO_TASK);
        int[] kinds = {SEND, RECV, RELAY, ADD_RELAY, ADD_RECV};
        for (int k : kinds) {
            FunctionBuilder.Label skip = f.label();
            f.constI32(t, k);
            f.op(Opcode.EQ, ElementType.U32, t, kind, t);
            f.jumpIfZero(t, skip);
            boolean reads = k != SEND;
            boolean writes = k == SEND || k == RELAY || k == ADD_RELAY;
            if (reads) {
                position(f, tableAddr, pe, in, Collectives2d.RECEIVE, t);
                fabric(f, src0, tableAddr, pe, in, len, 0, t);
            }
            if (writes) {
                position(f, tableAddr, pe, out, Collectives2d.SEND, t);
                fabric(f, dst, tableAddr, pe, out, len, 1, t);
            }
            switch (k) {
                case SEND -> {
                    mem(f, src0, a, len);
                    f.dsdOp(DsdOpKind.MOV32, async, DsdOperand.dsd(dst), DsdOperand.dsd(src0), DsdOperand.NONE,
                            DsdOperand.NONE);
                }
                case RECV -> {
                    mem(f, dst, a, len);
                    f.dsdOp(DsdOpKind.MOV32, async, DsdOperand.dsd(dst), DsdOperand.dsd(src0), DsdOperand.NONE,
                            DsdOperand.NONE);
                }
                case RELAY -> f.dsdOp(DsdOpKind.MOV32, async, DsdOperand.dsd(dst), DsdOperand.dsd(src0),
                        DsdOperand.NONE, DsdOperand.NONE);
                case ADD_RELAY -> {
                    mem(f, src1, b, len);
                    f.dsdOp(DsdOpKind.FADDS, async, DsdOperand.dsd(dst), DsdOperand.dsd(src0), DsdOperand.dsd(src1),
                            DsdOperand.NONE);
                }
                default -> {
                    // ADD_RECV: a = b + what arrives
                    mem(f, dst, a, len);
                    mem(f, src1, b, len);
                    f.dsdOp(DsdOpKind.FADDS, async, DsdOperand.dsd(dst), DsdOperand.dsd(src1), DsdOperand.dsd(src0),
                            DsdOperand.NONE);
                }
            }
            f.ret();
            f.bind(skip);
        }
        f.trap();
        f.bind(next);
        f.constI32(t, 1);
        f.op(Opcode.ADD, ElementType.U32, idx, idx, t);
        f.storeGlobal(ElementType.U32, stateAddr, idx);
        f.jump(loop);
    }

    /** The library task: the operation of the current step has ended; go on with the next. */
    static void emitEntry(FunctionBuilder task, FunctionBuilder runner, int stateAddr) {
        int idx = task.temp();
        int one = task.temp();
        task.loadGlobal(ElementType.U32, idx, stateAddr);
        task.constI32(one, 1);
        task.op(Opcode.ADD, ElementType.U32, idx, idx, one);
        task.storeGlobal(ElementType.U32, stateAddr, idx);
        int argBase = task.temps(3) + 2;
        task.call(runner, argBase);
        task.ret();
    }

    /** A mem1d DSD over {@code len} 32-bit words from the address in slot {@code addr}. */
    private static void mem(FunctionBuilder f, int dsd, int addr, int len) {
        f.constI32(dsd, Dsd.MEM1D);
        f.mov(dsd + 1, addr);
        f.mov(dsd + 2, len);
        f.constI32(dsd + 3, 4);
    }

    /** Slot {@code t} = the table address of link {@code link}'s color: table + 16 * ((pe + 1 + link) & 1). */
    private static void linkEntry(FunctionBuilder f, int tableAddr, int pe, int link, int t) {
        int k = f.temp();
        f.constI32(t, 1);
        f.op(Opcode.ADD, ElementType.U32, t, pe, t);
        f.op(Opcode.ADD, ElementType.U32, t, t, link);
        f.constI32(k, 1);
        f.op(Opcode.AND, ElementType.U32, t, t, k);
        f.constI32(k, 4 * TABLE_WORDS);
        f.op(Opcode.MUL, ElementType.U32, t, t, k);
        f.constI32(k, tableAddr);
        f.op(Opcode.ADD, ElementType.U32, t, t, k);
    }

    /** A fabin ({@code word} 0) or fabout ({@code word} 1) DSD of {@code len} wavelets on a link's color. */
    private static void fabric(FunctionBuilder f, int dsd, int tableAddr, int pe, int link, int len, int word, int t) {
        linkEntry(f, tableAddr, pe, link, t);
        f.loadIndirect(ElementType.U32, dsd, t, 4 * word);
        f.constI32(dsd + 1, 0);
        f.mov(dsd + 2, len);
        f.constI32(dsd + 3, 0);
    }

    /** Sets a link color's switch position, once its output queue holds nothing sent before. */
    private static void position(FunctionBuilder f, int tableAddr, int pe, int link, int pos, int t) {
        linkEntry(f, tableAddr, pe, link, t);
        int color = f.temp();
        int queue = f.temp();
        int p = f.temp();
        f.loadIndirect(ElementType.U32, color, t, 8);
        f.loadIndirect(ElementType.U32, queue, t, 12);
        f.constI32(p, pos);
        f.routePosition(color, p, queue);
    }
}
