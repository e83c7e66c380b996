package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;

/**
 * The fast path of a vector op whose operands are all in memory (or scalars): every address
 * it will touch is proven inside the SRAM and aligned once, for the whole run of elements,
 * so the loop neither checks each access nor asks at each element whether a queue has room.
 * An op that cannot be proven (it would fault part way) takes the general path, which
 * faults at the exact element.
 */
final class MemoryRun {
    private MemoryRun() {
    }

    private static final int O = DsdExecutor.OPERAND;

    /** Whether elements {@code [done, done + n)} touch only memory, all of it inside {@code m} and aligned. */
    static boolean proven(byte[] m, ElementType t, DsdOpKind kind, int[] ops, int o, int done, int n) {
        if (!inside(m, t, ops, o, done, n)) {
            return false;
        }
        for (int k = 1; k <= kind.sources; k++) {
            int b = o + k * O;
            if (ops[b] == DsdExecutor.DESCRIPTOR && !inside(m, t, ops, b, done, n)) {
                return false;
            }
        }
        return true;
    }

    /** A MEM1D descriptor operand at {@code b} whose elements {@code [done, done + n)} lie inside {@code m}, aligned. */
    private static boolean inside(byte[] m, ElementType t, int[] ops, int b, int done, int n) {
        if (ops[b] != DsdExecutor.DESCRIPTOR || Dsd.kind(ops[b + 1]) != Dsd.MEM1D) {
            return false;
        }
        long base = ops[b + 2];
        long stride = ops[b + 4];
        long first = base + done * stride;
        long last = base + (done + (long) n - 1) * stride;
        long lo = Math.min(first, last);
        long hi = Math.max(first, last);
        int align = Math.min(t.bytes, 4) - 1;
        return lo >= 0 && hi + t.bytes <= m.length && (base & align) == 0 && (stride & align) == 0;
    }

    /** Runs elements {@code [done, done + n)}, already {@link #proven}; returns n. */
    static int run(byte[] m, ElementType t, DsdOpKind kind, int[] ops, int o, int done, int n) {
        int sources = kind.sources;
        int d = o;
        int b0 = o + O;
        int b1 = o + 2 * O;
        int b2 = o + 3 * O;
        for (int i = done, end = done + n; i < end; i++) {
            int s0 = value(m, t, ops, b0, i);
            int s1 = sources > 1 ? value(m, t, ops, b1, i) : 0;
            int s2 = sources > 2 ? value(m, t, ops, b2, i) : 0;
            Sram.writeInside(m, ops[d + 2] + i * ops[d + 4], t, kind.apply(s0, s1, s2));
        }
        return n;
    }

    private static int value(byte[] m, ElementType t, int[] ops, int b, int i) {
        return switch (ops[b]) {
            case DsdExecutor.SCALAR -> ops[b + 1];
            case DsdExecutor.DESCRIPTOR -> Sram.readInside(m, ops[b + 2] + i * ops[b + 4], t);
            default -> 0;
        };
    }
}
