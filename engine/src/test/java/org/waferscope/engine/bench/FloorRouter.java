package org.waferscope.engine.bench;

import static org.waferscope.engine.bench.ModelFloor.BLOCKED;
import static org.waferscope.engine.bench.ModelFloor.DELIVERED;
import static org.waferscope.engine.bench.ModelFloor.EDGE;
import static org.waferscope.engine.bench.ModelFloor.HELD;
import static org.waferscope.engine.bench.ModelFloor.IN_BIT;
import static org.waferscope.engine.bench.ModelFloor.IN_DEPTH;
import static org.waferscope.engine.bench.ModelFloor.LAST_DELIVER;
import static org.waferscope.engine.bench.ModelFloor.LAST_MOVE;
import static org.waferscope.engine.bench.ModelFloor.LINK_DEPTH;
import static org.waferscope.engine.bench.ModelFloor.MOVED;
import static org.waferscope.engine.bench.ModelFloor.PREV_MOVE;
import static org.waferscope.engine.bench.ModelFloor.PUBLISHED;
import static org.waferscope.engine.bench.ModelFloor.RECEIVED;
import static org.waferscope.engine.bench.ModelFloor.RR;
import static org.waferscope.engine.bench.ModelFloor.SENT;
import static org.waferscope.engine.bench.ModelFloor.SOURCE;
import static org.waferscope.engine.bench.ModelFloor.SOURCE_COUNT;
import static org.waferscope.engine.bench.ModelFloor.STRIDE;
import static org.waferscope.engine.bench.ModelFloor.TAKEN;
import static org.waferscope.engine.bench.ModelFloor.TO;

/**
 * The router of a {@link ModelFloor}'s PE: its sources that hold wavelets, round-robin from
 * after the last one served, one delivery a cycle through RAMP and one move a link; with
 * {@link FloorFeature#TABLES} the ports claimed in a state word and the pops published in the
 * commit, as the engine's {@code Router} does.
 */
final class FloorRouter {
    private FloorRouter() {
    }

    /** The RAMP port's bit among the claimed ports (the links' are 1 << direction). */
    private static final int RAMP_BIT = 1 << 4;

    /** The router of the PE whose CE record is at {@code at}, in cycle t: its sources that hold wavelets, round-robin from after the last one served. */
    static void route(ModelFloor f, int at, int t) {
        int[] c = f.ce;
        int[] e = f.edge;
        FloorTables word = f.tables != null && f.tables.routerWord ? f.tables : null;   // its state word
        FloorRoutes routes = f.routes;
        FloorChannels chans = f.chans;
        int held = c[at + HELD];
        int rr = c[at + RR];
        int served = -1;
        int claimed = 0;   // ports taken this cycle: RAMP, or a link
        int later = held & (-1 << rr);
        for (int bits = later, sooner = held & ~(-1 << rr); ; bits = sooner, sooner = 0) {
            while (bits != 0) {
                int idx = Integer.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int s = routes == null ? c[at + SOURCE + idx] : routes.source(at / STRIDE, idx, chans);
                int b = s >>> 1;
                if ((s & 1) == 0) {
                    // an input buffer: its head to the CE's input queue when on time, RAMP free and the queue has room
                    if ((claimed & RAMP_BIT) != 0) {
                        continue;
                    }
                    int delivered = e[b + DELIVERED];
                    int inBuffer = e[b + MOVED] - delivered;
                    int headMoved = inBuffer == 1 ? e[b + LAST_MOVE] : inBuffer == 2 ? e[b + PREV_MOVE] : Integer.MIN_VALUE;
                    if (headMoved >= t - 1 || delivered - e[b + RECEIVED] >= e[b + IN_DEPTH]) {
                        continue;
                    }
                    e[b + DELIVERED] = delivered + 1;
                    if (chans != null) {
                        chans.deliver(b / EDGE, at / STRIDE, t);
                    }
                    e[b + LAST_DELIVER] = t;
                    if (inBuffer == 1) {
                        held &= ~(1 << idx);
                    }
                    claimed |= RAMP_BIT;
                    if (word != null) {
                        word.popped(at / STRIDE, idx);   // the pop, published in the commit
                    }
                    served = idx;
                } else {
                    // an output queue: its head onto the link when the neighbour's buffer had room at the cycle's start
                    int moved = e[b + MOVED];
                    int seen = word != null ? e[b + PUBLISHED] : e[b + DELIVERED] - (e[b + LAST_DELIVER] == t ? 1 : 0);
                    if (word != null) {
                        // the link's port (the side it leaves by), claimed by one move a cycle as the engine's state word does
                        int tx = 1 << ((b / EDGE & 3) ^ 1);
                        if ((tx & claimed) != 0) {
                            e[b + BLOCKED]++;
                            continue;
                        }
                        claimed |= tx;
                    }
                    if (moved - seen >= LINK_DEPTH) {
                        e[b + BLOCKED]++;
                        continue;
                    }
                    e[b + TAKEN] = moved + 1;
                    if (chans != null) {
                        chans.move(b / EDGE, at / STRIDE, t);
                    }
                    if (f.twoPhase) {
                        f.parked[f.parkedCount++] = b;
                    } else {
                        e[b + MOVED] = moved + 1;
                        e[b + PREV_MOVE] = e[b + LAST_MOVE];
                        e[b + LAST_MOVE] = t;
                        c[e[b + TO] + HELD] |= e[b + IN_BIT];
                    }
                    if (e[b + SENT] == moved + 1) {
                        held &= ~(1 << idx);
                    }
                    served = idx;
                }
            }
            if (sooner == 0) {
                break;
            }
        }
        c[at + HELD] = held;   // only its own router clears a PE's bits, and no router sets its own
        if (served >= 0) {
            int ns = c[at + SOURCE_COUNT];
            c[at + RR] = served + 1 == ns ? 0 : served + 1;
        }
    }

}
