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
                c[at + X] = c[at + START_X];
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
            c[at + ACC] = c[at + X];   // @fmovs
        } else if (pc == 2 * n + 1) {
            c[at + X] = Float.floatToRawIntBits(Float.intBitsToFloat(c[at + ACC]) * 0.2f);   // @fmuls
        } else if (pc == 2 * n + 3) {
            c[at + ITER]++;   // stg of the count add made
        } else if (pc == 2 * n + 4) {
            next = 0;   // jmp
        }
        c[at + PC] = next;
        return COMPUTED;
    }

    /** {@code @mov32} of x to the output queue of link b, at pc. */
    static int send(ModelFloor f, int at, int pc, int b, int t) {
        int[] c = f.ce;
        int[] edge = f.edge;
        int sent = edge[b + SENT];
        if (sent - edge[b + TAKEN] >= edge[b + OUT_DEPTH]) {
            c[at + STALL_OUT]++;
            return STALLED_OUT;
        }
        if (f.chans == null) {
            f.ring[b + (sent & (RING - 1))] = c[at + X];
        } else {
            f.chans.send(b / EDGE, c[at + X], t);
        }
        edge[b + SENT] = sent + 1;
        c[at + HELD] |= edge[b + OUT_BIT];
        c[at + FABRIC]++;
        c[at + PC] = pc + 1;
        return FABRICKED;
    }

    /** {@code @fadds} into acc from the input queue of link b, at pc. */
    static int receive(ModelFloor f, int at, int pc, int b) {
        int[] c = f.ce;
        int[] edge = f.edge;
        int received = edge[b + RECEIVED];
        if (edge[b + DELIVERED] == received) {
            c[at + STALL_IN]++;
            return STALLED_IN;
        }
        float v = Float.intBitsToFloat(f.chans != null ? f.chans.receive(b / EDGE, at / ModelFloor.STRIDE)
                : f.ring[b + (received & (RING - 1))]);
        c[at + ACC] = Float.floatToRawIntBits(Float.intBitsToFloat(c[at + ACC]) + v);
        edge[b + RECEIVED] = received + 1;
        c[at + FABRIC]++;
        c[at + PC] = pc + 1;
        return FABRICKED;
    }
}
