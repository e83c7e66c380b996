package org.waferscope.engine.bench;

import static org.waferscope.engine.bench.ModelFloor.ACC;
import static org.waferscope.engine.bench.ModelFloor.COMPUTE;
import static org.waferscope.engine.bench.ModelFloor.COMPUTED;
import static org.waferscope.engine.bench.ModelFloor.DELIVERED;
import static org.waferscope.engine.bench.ModelFloor.DIR_COUNT;
import static org.waferscope.engine.bench.ModelFloor.EDGE;
import static org.waferscope.engine.bench.ModelFloor.FABRIC;
import static org.waferscope.engine.bench.ModelFloor.FABRICKED;
import static org.waferscope.engine.bench.ModelFloor.HELD;
import static org.waferscope.engine.bench.ModelFloor.ITER;
import static org.waferscope.engine.bench.ModelFloor.OUT_BIT;
import static org.waferscope.engine.bench.ModelFloor.OUT_DEPTH;
import static org.waferscope.engine.bench.ModelFloor.PC;
import static org.waferscope.engine.bench.ModelFloor.RECEIVE;
import static org.waferscope.engine.bench.ModelFloor.RECEIVED;
import static org.waferscope.engine.bench.ModelFloor.RING;
import static org.waferscope.engine.bench.ModelFloor.SEND;
import static org.waferscope.engine.bench.ModelFloor.SENT;
import static org.waferscope.engine.bench.ModelFloor.STALLED_IN;
import static org.waferscope.engine.bench.ModelFloor.STALLED_OUT;
import static org.waferscope.engine.bench.ModelFloor.STALL_IN;
import static org.waferscope.engine.bench.ModelFloor.STALL_OUT;
import static org.waferscope.engine.bench.ModelFloor.START_X;
import static org.waferscope.engine.bench.ModelFloor.TAKEN;
import static org.waferscope.engine.bench.ModelFloor.X;

/**
 * The CE of a {@link ModelFloor}: the exchange's program as the kernel's own control flow, one
 * instruction or a stall a cycle, and the fabric instructions that {@link FloorInterpreter} runs too.
 * Its pc counts the prelude's cycles up from below 0, then per iteration: the sends (0 to n-1),
 * {@code @fmovs} (n), the receives (n+1 to 2n), {@code @fmuls}, {@code add}, {@code stg}, {@code jmp}.
 */
final class FloorCe {
    private FloorCe() {
    }

    /** The CE of the PE whose record is at {@code at} in cycle t; returns its activity ({@link ModelFloor#visit}). */
    static int step(ModelFloor f, int at, int t) {
        int[] c = f.ce;
        int pc = c[at + PC];
        if (pc < 0) {
            // the task's start and the prelude; its last instruction stores x
            if (pc == -1) {
                loadX(f, at);
            }
            c[at + PC] = pc + 1;
            c[at + COMPUTE]++;
            return COMPUTED;
        }
        int n = c[at + DIR_COUNT];
        if (pc < n) {
            return send(f, at, pc, c[at + SEND + pc], t);
        }
        if (pc > n && pc <= 2 * n) {
            return receive(f, at, pc, c[at + RECEIVE + pc - n - 1]);
        }
        c[at + COMPUTE]++;
        int next = pc + 1;
        if (pc == n) {
            fmovs(f, at);
        } else if (pc == 2 * n + 1) {
            fmuls(f, at);
        } else if (pc == 2 * n + 2) {
            add(f, at);
        } else if (pc == 2 * n + 3) {
            stg(f, at);
        } else if (pc == 2 * n + 4) {
            next = 0;   // jmp
        }
        c[at + PC] = next;
        return COMPUTED;
    }

    /** The prelude's last instruction: x stored (and, in SRAM, the count's frame slots set). */
    static void loadX(ModelFloor f, int at) {
        if (f.sram == null) {
            f.ce[at + X] = f.ce[at + START_X];
        } else {
            f.sram.start(at / ModelFloor.STRIDE, f.ce[at + START_X]);
        }
    }

    /** {@code @fmovs} acc = x, a vector op of one element that completes. */
    static void fmovs(ModelFloor f, int at) {
        if (f.sram == null) {
            f.ce[at + ACC] = f.ce[at + X];
        } else {
            f.sram.fmovs(at / ModelFloor.STRIDE);
        }
        f.completed(at);
    }

    /** {@code @fmuls} x = acc * 0.2, a vector op of one element that completes. */
    static void fmuls(ModelFloor f, int at) {
        int[] c = f.ce;
        if (f.sram == null) {
            c[at + X] = Float.floatToRawIntBits(Float.intBitsToFloat(c[at + ACC]) * 0.2f);
        } else {
            f.sram.fmuls(at / ModelFloor.STRIDE);
        }
        f.completed(at);
    }

    /** {@code add}: the count's frame slot, in SRAM; the kernel's own count is bumped by {@link #stg}. */
    static void add(ModelFloor f, int at) {
        if (f.sram != null) {
            f.sram.add(at / ModelFloor.STRIDE);
        }
    }

    /** {@code stg} of the count add made. */
    static void stg(ModelFloor f, int at) {
        if (f.sram == null) {
            f.ce[at + ITER]++;
        } else {
            f.sram.stg(at / ModelFloor.STRIDE);
        }
    }

    /** {@code @mov32} of x to the output queue of link b, at pc. */
    static int send(ModelFloor f, int at, int pc, int b, int t) {
        if (full(f, at, b)) {
            return STALLED_OUT;
        }
        push(f, at, b, f.sram == null ? f.ce[at + X] : f.sram.readX(at / ModelFloor.STRIDE), FloorChannels.META, t);
        f.ce[at + PC] = pc + 1;
        f.completed(at);
        return FABRICKED;
    }

    /** Whether the output queue of link b is full: if so, the CE's cycle is a stall on output. */
    static boolean full(ModelFloor f, int at, int b) {
        if (f.edge[b + SENT] - f.edge[b + TAKEN] >= f.edge[b + OUT_DEPTH]) {
            if (f.tasks == null) {
                f.ce[at + STALL_OUT]++;   // else the engine's accounting counts it (FloorTasks)
            }
            return true;
        }
        return false;
    }

    /** A wavelet into the output queue of link b, which has room: the CE's fabric cycle. */
    static void push(ModelFloor f, int at, int b, int payload, int meta, int t) {
        int[] c = f.ce;
        int[] edge = f.edge;
        int sent = edge[b + SENT];
        if (f.chans == null) {
            f.ring[b + (sent & (RING - 1))] = payload;
        } else {
            f.chans.send(b / EDGE, payload, meta, t);
        }
        edge[b + SENT] = sent + 1;
        c[at + HELD] |= edge[b + OUT_BIT];
        c[at + FABRIC]++;
        if (f.tasks != null) {
            f.tasks.countSent(at / ModelFloor.STRIDE);
        }
    }

    /** {@code @fadds} into acc from the input queue of link b, at pc. */
    static int receive(ModelFloor f, int at, int pc, int b) {
        int[] c = f.ce;
        if (empty(f, at, b)) {
            return STALLED_IN;
        }
        int payload = pop(f, at, b);
        if (f.sram == null) {
            c[at + ACC] = Float.floatToRawIntBits(Float.intBitsToFloat(c[at + ACC]) + Float.intBitsToFloat(payload));
        } else {
            f.sram.fadds(at / ModelFloor.STRIDE, payload);
        }
        c[at + PC] = pc + 1;
        f.completed(at);
        return FABRICKED;
    }

    /** Whether the input queue of link b is empty: if so, the CE's cycle is a stall on input. */
    static boolean empty(ModelFloor f, int at, int b) {
        if (f.edge[b + DELIVERED] == f.edge[b + RECEIVED]) {
            if (f.tasks == null) {
                f.ce[at + STALL_IN]++;   // else the engine's accounting counts it (FloorTasks)
            }
            return true;
        }
        return false;
    }

    /** The head of the input queue of link b, which holds one, popped: the CE's fabric cycle. */
    static int pop(ModelFloor f, int at, int b) {
        int[] edge = f.edge;
        int received = edge[b + RECEIVED];
        int payload = f.chans != null ? f.chans.receive(b / EDGE, at / ModelFloor.STRIDE)
                : f.ring[b + (received & (RING - 1))];
        edge[b + RECEIVED] = received + 1;
        f.ce[at + FABRIC]++;
        return payload;
    }
}
