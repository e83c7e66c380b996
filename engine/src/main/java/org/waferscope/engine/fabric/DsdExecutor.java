package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;

/**
 * Executes elements of a vector (DSD) operation. Operands are held in a resolved form of
 * five ints each (kind, then a scalar value or a DSD's four words) for the destination and
 * up to three sources, so that synchronous ops (resolved from the frame) and microthreads
 * (resolved when they start) share this code.
 */
final class DsdExecutor {
    private DsdExecutor() {
    }

    static final int NONE = 0;
    static final int SCALAR = 1;
    static final int DESCRIPTOR = 2;
    static final int OPERAND = 5;
    static final int OPERANDS = 4 * OPERAND;

    static final int STALL_INPUT = -1;
    static final int STALL_OUTPUT = -2;

    /**
     * Resolves instruction operand {@code enc} from the frame at {@code fp} into {@code out[o..o+5)}.
     * Words the operand does not use are zeroed: {@code out} is a worker's scratch, and a
     * microthread copies all five words into the fabric's state, where a previous PE's
     * leftovers would make the state hash depend on which worker ran this PE.
     */
    static void resolve(byte[] m, int fp, int enc, int[] out, int o) {
        if (enc == DsdOperand.NONE) {
            java.util.Arrays.fill(out, o, o + OPERAND, 0);
            out[o] = NONE;
            return;
        }
        int at = fp + 4 * DsdOperand.slot(enc);
        if (DsdOperand.isDsd(enc)) {
            out[o] = DESCRIPTOR;
            for (int k = 0; k < 4; k++) {
                out[o + 1 + k] = Sram.readInt(m, at + 4 * k);
            }
        } else {
            out[o] = SCALAR;
            out[o + 1] = Sram.readInt(m, at);
            java.util.Arrays.fill(out, o + 2, o + OPERAND, 0);
        }
    }

    /**
     * A 32-bit op over a mem1d DSD made for 16-bit elements walks it in 32-bit elements: the
     * stride counts elements of the op's width, from the same base. The SDK's fft-1d-2d moves
     * complex f16 numbers, (real, imaginary) pairs, one per wavelet with {@code @fmovs} over
     * DSDs of its f16 arrays ({@code |i|{n} -> X[i + 2]} sends pairs 1, 2, 3), and its 2-D
     * transpose is right only so. Called with the operands of a 32-bit op only.
     */
    static void widen(int[] ops) {
        for (int b = 0; b < OPERANDS; b += OPERAND) {
            if (ops[b] == DESCRIPTOR && Dsd.kind(ops[b + 1]) == Dsd.MEM1D && Dsd.elementBytes(ops[b + 1]) == 2) {
                ops[b + 4] *= 2;
            }
        }
    }

    /**
     * The number of elements: the destination's length, else the first source DSD's; a
     * FIFO's capacity counts only when every DSD operand is a FIFO. A memory source sets the
     * length of a move to a fabout DSD: the SDK examples send a whole buffer through a fabout
     * DSD of extent 1 (topic-13's printer, game-of-life's forwarding). Into memory, a fabin
     * source stops the operation once its wavelets are in even if the destination is longer:
     * spmv-hypersparse receives a message of a length it has just been sent into a buffer of
     * the largest size ({@code @set_dsd_length(rx_dsd, len)} with a full-size destination).
     */
    static int length(int[] ops, int o) {
        if (ops[o] == DESCRIPTOR && Dsd.kind(ops[o + 1]) == Dsd.FABOUT) {
            for (int k = 1; k < 4; k++) {
                int b = o + k * OPERAND;
                if (ops[b] == DESCRIPTOR && Dsd.isMemory(Dsd.kind(ops[b + 1]))) {
                    return ops[b + 3];
                }
            }
        }
        if (ops[o] == DESCRIPTOR && Dsd.isMemory(Dsd.kind(ops[o + 1]))) {
            int n = ops[o + 3];
            for (int k = 1; k < 4; k++) {
                int b = o + k * OPERAND;
                if (ops[b] == DESCRIPTOR && Dsd.kind(ops[b + 1]) == Dsd.FABIN) {
                    n = Math.min(n, ops[b + 3]);
                }
            }
            return n;
        }
        int fifo = -1;
        for (int k = 0; k < 4; k++) {
            int b = o + k * OPERAND;
            if (ops[b] == DESCRIPTOR) {
                if (Dsd.kind(ops[b + 1]) != Dsd.FIFO) {
                    return ops[b + 3];
                }
                if (fifo < 0) {
                    fifo = ops[b + 3];
                }
            }
        }
        return fifo >= 0 ? fifo : 1;
    }

    static boolean touchesFabric(int[] ops, int o) {
        for (int k = 0; k < 4; k++) {
            int b = o + k * OPERAND;
            if (ops[b] == DESCRIPTOR && !Dsd.isMemory(Dsd.kind(ops[b + 1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Processes up to {@code max} elements from element {@code done}. Returns how many were
     * processed, or a stall code when none could be.
     */
    static int run(Fabric f, int p, long cycle, DsdOpKind kind, int[] ops, int o, int done, int length, int max) {
        byte[] m = f.sram[p];
        ElementType t = kind.type;
        if (max > 1 && done < length) {
            int n = Math.min(max, length - done);
            if (MemoryRun.proven(m, t, kind, ops, o, done, n)) {
                return MemoryRun.run(m, t, kind, ops, o, done, n);
            }
        }
        int processed = 0;
        while (processed < max && done + processed < length) {
            int i = done + processed;
            int stall = available(f, p, kind, ops, o);
            if (stall != 0) {
                return processed > 0 ? processed : stall;
            }
            int s0 = source(f, p, m, t, ops, o + OPERAND, i);
            int s1 = kind.sources > 1 ? source(f, p, m, t, ops, o + 2 * OPERAND, i) : 0;
            int s2 = kind.sources > 2 ? source(f, p, m, t, ops, o + 3 * OPERAND, i) : 0;
            store(f, p, cycle, m, t, ops, o, i, length, kind.apply(s0, s1, s2));
            processed++;
        }
        return processed;
    }

    private static int available(Fabric f, int p, DsdOpKind kind, int[] ops, int o) {
        for (int k = 1; k <= kind.sources; k++) {
            int b = o + k * OPERAND;
            if (ops[b] == DESCRIPTOR && Dsd.kind(ops[b + 1]) == Dsd.FABIN) {
                int ch = queue(f, p, ops[b + 1], true);
                if (f.count(ch) == 0 || Wavelet.isControl(f.headMeta(ch))) {
                    return STALL_INPUT;
                }
            } else if (ops[b] == DESCRIPTOR && Dsd.kind(ops[b + 1]) == Dsd.FIFO && fifoCount(f, p, ops, b) == 0) {
                return STALL_INPUT;
            }
        }
        if (ops[o] == DESCRIPTOR && Dsd.kind(ops[o + 1]) == Dsd.FABOUT) {
            int ch = queue(f, p, ops[o + 1], false);
            if (f.full(ch)) {
                return STALL_OUTPUT;
            }
        } else if (ops[o] == DESCRIPTOR && Dsd.kind(ops[o + 1]) == Dsd.FIFO && fifoCount(f, p, ops, o) >= ops[o + 3]) {
            return STALL_OUTPUT;
        }
        return 0;
    }

    private static int queue(Fabric f, int p, int w0, boolean input) {
        int q = Dsd.queue(w0);
        int ch = input ? f.inQueue(p, q) : f.outQueue(p, q);
        if (ch < 0) {
            throw new MachineFault((input ? "input" : "output") + " queue " + q + " is not set up on this PE");
        }
        return ch;
    }

    private static int source(Fabric f, int p, byte[] m, ElementType t, int[] ops, int b, int i) {
        if (ops[b] == SCALAR) {
            return ops[b + 1];
        }
        if (ops[b] != DESCRIPTOR) {
            return 0;
        }
        int w0 = ops[b + 1];
        if (Dsd.kind(w0) == Dsd.FABIN) {
            int ch = queue(f, p, w0, true);
            int payload = f.headPayload(ch);
            f.pop(p, ch);
            return fromWire(payload, t);
        }
        if (Dsd.kind(w0) == Dsd.FIFO) {
            return fifoPop(m, t, ops, b);
        }
        if (Dsd.kind(w0) == Dsd.MEM4D) {
            int addr = ops[b + 2] + Mem4d.offset(m, ops[b + 4], i);
            check(m, addr, t);
            return Sram.readInside(m, addr, t);
        }
        if (Dsd.kind(w0) != Dsd.MEM1D) {
            throw new MachineFault("a fabout DSD cannot be a source");
        }
        int addr = ops[b + 2] + i * ops[b + 4];
        check(m, addr, t);
        return Sram.readInside(m, addr, t);
    }

    private static void store(Fabric f, int p, long cycle, byte[] m, ElementType t, int[] ops, int o, int i, int length, int v) {
        if (ops[o] != DESCRIPTOR) {
            throw new MachineFault("the destination of a vector operation must be a DSD");
        }
        int w0 = ops[o + 1];
        switch (Dsd.kind(w0)) {
            case Dsd.MEM1D -> {
                int addr = ops[o + 2] + i * ops[o + 4];
                check(m, addr, t);
                Sram.writeInside(m, addr, t, v);
            }
            case Dsd.MEM4D -> {
                int addr = ops[o + 2] + Mem4d.offset(m, ops[o + 4], i);
                check(m, addr, t);
                Sram.writeInside(m, addr, t, v);
            }
            case Dsd.FABOUT -> send(f, p, cycle, t, w0, queue(f, p, w0, false), i, length, v);
            case Dsd.FIFO -> fifoPush(m, t, ops, o, v);
            default -> throw new MachineFault("a fabin DSD cannot be a destination");
        }
    }

    /** Element {@code i} of {@code length}, value {@code v}, leaves through output channel {@code ch} as a wavelet. */
    private static void send(Fabric f, int p, long cycle, ElementType t, int w0, int ch, int i, int length, int v) {
        int payload = toWire(v, t);
        if (Dsd.has(w0, Dsd.FLAG_STAMP_INDEX)) {
            payload = (payload & 0xFFFF) | (i << 16);
        }
        int meta = Wavelet.meta(Dsd.color(w0), Dsd.has(w0, Dsd.FLAG_CONTROL));
        if (i == length - 1 && Dsd.has(w0, Dsd.FLAG_ADVANCE_SWITCH)) {
            meta |= Wavelet.ADVANCE_AFTER;
        }
        f.push(p, ch, payload, meta, (int) cycle);
        f.countSent(p);
    }

    /**
     * Element {@code i} of a decoded op of shape {@link DecodedOps#SEND} (one memory source,
     * a fabout destination): what {@link #run} does for one element, with each queue looked
     * up once. Returns 1, or {@link #STALL_OUTPUT}.
     */
    static int sendOne(Fabric f, int p, long cycle, DsdOpKind kind, int[] ops, int i, int length, boolean proven) {
        int w0 = ops[1];
        int ch = queue(f, p, w0, false);
        if (f.full(ch)) {
            return STALL_OUTPUT;
        }
        byte[] m = f.sram[p];
        ElementType t = kind.type;
        int addr = ops[OPERAND + 2] + i * ops[OPERAND + 4];
        if (!proven) {
            check(m, addr, t);
        }
        send(f, p, cycle, t, w0, ch, i, length, kind.apply(Sram.readInside(m, addr, t), 0, 0));
        return 1;
    }

    /**
     * Element {@code i} of a decoded op of shape {@link DecodedOps#RECEIVE} (a memory
     * destination; sources in memory, scalars or fabin queues): what {@link #run} does for one
     * element, with each queue looked up once. Returns 1, or {@link #STALL_INPUT}.
     */
    static int receiveOne(Fabric f, int p, DsdOpKind kind, int[] ops, int i, boolean proven) {
        int sources = kind.sources;
        int ch1 = fabin(f, p, ops, OPERAND);
        int ch2 = sources > 1 ? fabin(f, p, ops, 2 * OPERAND) : -1;
        int ch3 = sources > 2 ? fabin(f, p, ops, 3 * OPERAND) : -1;
        if (ch1 == STALLED || ch2 == STALLED || ch3 == STALLED) {
            return STALL_INPUT;
        }
        byte[] m = f.sram[p];
        ElementType t = kind.type;
        int s0 = element(f, p, m, t, ops, OPERAND, i, ch1, proven);
        int s1 = sources > 1 ? element(f, p, m, t, ops, 2 * OPERAND, i, ch2, proven) : 0;
        int s2 = sources > 2 ? element(f, p, m, t, ops, 3 * OPERAND, i, ch3, proven) : 0;
        int addr = ops[2] + i * ops[4];
        if (!proven) {
            check(m, addr, t);
        }
        Sram.writeInside(m, addr, t, kind.apply(s0, s1, s2));
        return 1;
    }

    /** {@link #fabin}: the queue has no data wavelet at its head. */
    private static final int STALLED = -2;

    /** A fabin source's input channel, {@link #STALLED} when it has no data at its head, -1 for any other operand. */
    private static int fabin(Fabric f, int p, int[] ops, int b) {
        if (ops[b] != DESCRIPTOR || Dsd.kind(ops[b + 1]) != Dsd.FABIN) {
            return -1;
        }
        int ch = queue(f, p, ops[b + 1], true);
        return f.count(ch) == 0 || Wavelet.isControl(f.headMeta(ch)) ? STALLED : ch;
    }

    /** Source element {@code i} of a {@link DecodedOps#RECEIVE} op: popped from channel {@code ch} when it is one. */
    private static int element(Fabric f, int p, byte[] m, ElementType t, int[] ops, int b, int i, int ch,
                               boolean proven) {
        if (ch >= 0) {
            int payload = f.headPayload(ch);
            f.pop(p, ch);
            return fromWire(payload, t);
        }
        if (ops[b] == SCALAR) {
            return ops[b + 1];
        }
        if (ops[b] != DESCRIPTOR) {
            return 0;
        }
        int addr = ops[b + 2] + i * ops[b + 4];
        if (!proven) {
            check(m, addr, t);
        }
        return Sram.readInside(m, addr, t);
    }

    private static int fifoCount(Fabric f, int p, int[] ops, int b) {
        int header = ops[b + 4];
        check(f.sram[p], header, ElementType.U32);
        return Sram.readInt(f.sram[p], header + 4);
    }

    private static int fifoPop(byte[] m, ElementType t, int[] ops, int b) {
        int header = ops[b + 4];
        int capacity = ops[b + 3];
        int head = Sram.readInt(m, header);
        int addr = ops[b + 2] + head * t.bytes;
        check(m, addr, t);
        int v = Sram.readInside(m, addr, t);
        Sram.writeInt(m, header, head + 1 == capacity ? 0 : head + 1);
        Sram.writeInt(m, header + 4, Sram.readInt(m, header + 4) - 1);
        return v;
    }

    private static void fifoPush(byte[] m, ElementType t, int[] ops, int o, int v) {
        int header = ops[o + 4];
        int capacity = ops[o + 3];
        int count = Sram.readInt(m, header + 4);
        int slot = (Sram.readInt(m, header) + count) % capacity;
        int addr = ops[o + 2] + slot * t.bytes;
        check(m, addr, t);
        Sram.writeInside(m, addr, t, v);
        Sram.writeInt(m, header + 4, count + 1);
    }

    private static void check(byte[] m, int addr, ElementType t) {
        if (!Sram.inside(m, addr, t.bytes)) {
            throw new MachineFault(String.format("vector access at address 0x%X is outside the %d bytes of data and stack this PE's program uses",
                    addr, m.length));
        }
    }

    static int fromWire(int payload, ElementType t) {
        return switch (t) {
            case F16 -> Float.floatToRawIntBits(Half.toFloat((short) payload));
            case I16 -> (short) payload;
            case U16 -> payload & 0xFFFF;
            default -> payload;
        };
    }

    static int toWire(int v, ElementType t) {
        return switch (t) {
            case F16 -> Half.fromFloat(Float.intBitsToFloat(v)) & 0xFFFF;
            case I16, U16 -> v & 0xFFFF;
            default -> v;
        };
    }
}
