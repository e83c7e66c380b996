package org.waferscope.engine.csl.compile;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;

/**
 * Emits the code of one collective call: from this PE's index {@code i} along the
 * dimension and the root {@code r} (both known only at run time), the steps this PE takes
 * (see {@link CollectiveSteps}). Every collective is a chain along the row or column: data
 * leaves the root towards both ends, or travels from both ends towards it, one neighbour to
 * the next, each PE forwarding what is meant for the PEs beyond it.
 *
 * <ul>
 *   <li>broadcast: the root sends its buffer both ways; every other PE receives it from
 *       the root's side and sends it on.</li>
 *   <li>scatter: the root sends the chunks of the PEs below it (in index order) down, those
 *       above it up, and copies its own. A PE above the root keeps the first chunk that
 *       comes and forwards the rest; a PE below forwards all but the last, which it keeps.</li>
 *   <li>gather: the reverse; the root receives from below, copies its own, receives from
 *       above, so the chunks land in index order.</li>
 *   <li>reduce_fadds: the PE at each end sends its vector; each PE on the way adds its own
 *       to what comes and sends the sum on; the root adds both sums to its own.</li>
 * </ul>
 */
final class CollectivePlan {
    private static final int LOW = 0;
    private static final int HIGH = 1;

    private final FunctionBuilder f;
    private final int stateAddr;
    private final int size;
    private final int i;

    CollectivePlan(FunctionBuilder f, int stateAddr, int size, int peSlot) {
        this.f = f;
        this.stateAddr = stateAddr;
        this.size = size;
        this.i = f.temp();
        f.convert(i, peSlot, ElementType.U16, ElementType.U32);
    }

    /** A slot holding the argument as a u32. */
    int word(ExprCompiler x, Expr e, Scope s, String what) {
        return u32(x.gen(e, s), e, what, 65_535);
    }

    /** A slot holding the root; one known at compile time must be a PE of the row or column. */
    int root(ExprCompiler x, Expr e, Scope s) {
        return u32(x.gen(e, s), e, "the root (a pe_id of the " + size + " PEs along this dimension)", size - 1);
    }

    private int u32(Operand o, Expr e, String what, int max) {
        if (o instanceof Operand.Const c) {
            if (!(c.value() instanceof Value.IntVal iv)) {
                throw new CslError(e.pos(), what + " must be an integer, not " + ValueOps.describe(c.value()));
            }
            return k((int) ValueOps.intIn(iv, 0, max, what, e.pos()));
        }
        CslType t = o.type();
        if (!t.isInt()) {
            throw new CslError(e.pos(), what + " must be an integer, not " + t);
        }
        int dst = f.temp();
        f.convert(dst, ((Operand.Reg) o).slot(), t.elementType(), ElementType.U32);
        return dst;
    }

    /** A slot holding the address a pointer argument points to; its elements must be 32 bits. */
    int pointer(ExprCompiler x, Expr e, Scope s, boolean floats) {
        Operand o = x.gen(e, s);
        CslType elem = o.type() instanceof CslType.Pointer p ? p.elem() : null;
        if (elem instanceof CslType.Array a) {
            elem = a.elem();
        }
        if (elem == null || elem.elementType() == null || elem.elementType().bytes != 4) {
            throw new CslError(e.pos(), "collectives_2d moves 32-bit elements: pass a pointer such as "
                    + (floats ? "[*]f32" : "[*]u32") + ", not " + CallCompiler.describe(o));
        }
        return x.slot(o, null, e.pos());
    }

    private int k(int v) {
        int s = f.temp();
        f.constI32(s, v);
        return s;
    }

    private int op(int opcode, int a, int b) {
        int s = f.temp();
        f.op(opcode, ElementType.U32, s, a, b);
        return s;
    }

    private void store(int index, int field, int slot) {
        f.storeGlobal(ElementType.U32, stateAddr + 4 * (CollectiveSteps.HEADER_WORDS + index * CollectiveSteps.STEP_WORDS
                + field), slot);
    }

    private void step(int index, int kind, int in, int out, int len, int a, int b) {
        int[] words = {kind, in, out, len, a, b};
        for (int w = 0; w < words.length; w++) {
            store(index, w, words[w]);
        }
    }

    /** A step whose index is in a slot (0 or 1), for the steps whose order depends on the side. */
    private void stepAt(int indexSlot, int kind, int in, int out, int len, int a, int b) {
        int base = op(Opcode.MUL, indexSlot, k(4 * CollectiveSteps.STEP_WORDS));
        base = op(Opcode.ADD, base, k(stateAddr + 4 * CollectiveSteps.HEADER_WORDS));
        int[] words = {kind, in, out, len, a, b};
        for (int w = 0; w < words.length; w++) {
            f.storeIndirect(ElementType.U32, base, 4 * w, words[w]);
        }
    }

    private int count(int steps) {
        return k(steps);
    }

    /** Branches on root / high side / low side; the side code sees toward, away, beyond and high in slots. */
    private void roles(Runnable root, SideCode side, int r) {
        FunctionBuilder.Label notRoot = f.label();
        FunctionBuilder.Label done = f.label();
        f.jumpIfZero(op(Opcode.EQ, i, r), notRoot);
        root.run();
        f.jump(done);
        f.bind(notRoot);
        int high = op(Opcode.GT, i, r);
        int low = op(Opcode.SUB, k(1), high);
        // beyond: PEs past this one, away from the root: size - 1 - i above it, i below
        int above = op(Opcode.SUB, k(size - 1), i);
        int beyond = op(Opcode.ADD, op(Opcode.MUL, high, above), op(Opcode.MUL, low, i));
        side.emit(low, high, beyond, low, high);
        f.bind(done);
    }

    /** Side code: toward (the link to the root's side), away, beyond, and the step indexes of own and relay. */
    private interface SideCode {
        void emit(int toward, int away, int beyond, int ownIndex, int relayIndex);
    }

    private int ifPositive(int x, int n) {
        return op(Opcode.MUL, op(Opcode.GT, x, k(0)), n);
    }

    private int offset(int base, int chunks, int n) {
        return op(Opcode.ADD, base, op(Opcode.MUL, op(Opcode.MUL, chunks, n), k(4)));
    }

    void broadcast(int r, int buf, int n) {
        int zero = k(0);
        roles(() -> {
            int above = op(Opcode.SUB, k(size - 1), r);
            step(0, k(CollectiveSteps.SEND), zero, k(LOW), ifPositive(r, n), buf, zero);
            step(1, k(CollectiveSteps.SEND), zero, k(HIGH), ifPositive(above, n), buf, zero);
        }, (toward, away, beyond, own, relay) -> {
            step(0, k(CollectiveSteps.RECV), toward, zero, n, buf, zero);
            step(1, k(CollectiveSteps.SEND), zero, away, ifPositive(beyond, n), buf, zero);
        }, r);
        finish(2);
    }

    void scatter(int r, int send, int recv, int n) {
        int zero = k(0);
        roles(() -> {
            int above = op(Opcode.SUB, k(size - 1), r);
            step(0, k(CollectiveSteps.SEND), zero, k(LOW), op(Opcode.MUL, r, n), send, zero);
            step(1, k(CollectiveSteps.SEND), zero, k(HIGH), op(Opcode.MUL, above, n),
                    offset(send, op(Opcode.ADD, r, k(1)), n), zero);
            step(2, k(CollectiveSteps.COPY), zero, zero, n, recv, offset(send, r, n));
        }, (toward, away, beyond, own, relay) -> {
            stepAt(own, k(CollectiveSteps.RECV), toward, zero, n, recv, zero);
            stepAt(relay, k(CollectiveSteps.RELAY), toward, away, op(Opcode.MUL, beyond, n), zero, zero);
            step(2, zero, zero, zero, zero, zero, zero);
        }, r);
        finish(3);
    }

    void gather(int r, int send, int recv, int n) {
        int zero = k(0);
        roles(() -> {
            int above = op(Opcode.SUB, k(size - 1), r);
            step(0, k(CollectiveSteps.RECV), k(LOW), zero, op(Opcode.MUL, r, n), recv, zero);
            step(1, k(CollectiveSteps.COPY), zero, zero, n, offset(recv, r, n), send);
            step(2, k(CollectiveSteps.RECV), k(HIGH), zero, op(Opcode.MUL, above, n),
                    offset(recv, op(Opcode.ADD, r, k(1)), n), zero);
        }, (toward, away, beyond, own, relay) -> {
            stepAt(own, k(CollectiveSteps.SEND), zero, toward, n, send, zero);
            stepAt(relay, k(CollectiveSteps.RELAY), away, toward, op(Opcode.MUL, beyond, n), zero, zero);
            step(2, zero, zero, zero, zero, zero, zero);
        }, r);
        finish(3);
    }

    void reduce(int r, int send, int recv, int n) {
        int zero = k(0);
        roles(() -> {
            int above = op(Opcode.SUB, k(size - 1), r);
            // with PEs below: recv = send + their sum; alone at the low end: recv = send
            int kind = op(Opcode.ADD, k(CollectiveSteps.COPY),
                    op(Opcode.MUL, op(Opcode.GT, r, k(0)), k(CollectiveSteps.ADD_RECV - CollectiveSteps.COPY)));
            step(0, kind, k(LOW), zero, n, recv, send);
            step(1, k(CollectiveSteps.ADD_RECV), k(HIGH), zero, ifPositive(above, n), recv, recv);
        }, (toward, away, beyond, own, relay) -> {
            int kind = op(Opcode.ADD, k(CollectiveSteps.SEND),
                    op(Opcode.MUL, op(Opcode.GT, beyond, k(0)), k(CollectiveSteps.ADD_RELAY - CollectiveSteps.SEND)));
            step(0, kind, away, toward, n, send, send);
            step(1, zero, zero, zero, zero, zero, zero);
        }, r);
        finish(2);
    }

    private void finish(int steps) {
        f.storeGlobal(ElementType.U32, stateAddr + 4, count(steps));
    }

    /** Starts the plan: step 0, the callback to activate at the end, then the runner. */
    void start(int callbackTask, FunctionBuilder runner) {
        f.storeGlobal(ElementType.U32, stateAddr, k(0));
        f.storeGlobal(ElementType.U32, stateAddr + 8, k(callbackTask));
        int argBase = f.temps(3) + 2;
        f.call(runner, argBase);
    }
}
