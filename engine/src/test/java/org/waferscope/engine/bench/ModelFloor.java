package org.waferscope.engine.bench;

/**
 * The nearest-neighbour exchange ({@code NeighbourExchange}, every option off) simulated by a
 * single-purpose kernel with the engine's model and cycle timing, but none of its generality:
 * what a hand-written simulator of this one workload costs, the floor against which the
 * engine's PE-cycle is read (docs/benchmarks.md, "Session 18: the model's own floor").
 *
 * <p><b>The model kept.</b> Every wavelet takes the engine's path: the CE's send pushes it into
 * an output queue (depths 2, 2, 6, 6 for E, W, S, N), the PE's router moves the queue's head onto
 * the link when the neighbour's link buffer (depth 3) had room as of the cycle's start, the
 * wavelet is on its hop in the next cycle (2 cycles a hop), the neighbour's router then
 * delivers it into the CE's input queue (depths 6, 6, 4, 4 for W, E, N, S) when that has room,
 * one delivery a cycle through the RAMP port, its sources served round-robin from after the
 * last one served (input buffers by color, then output queues, as the engine orders them), and
 * the CE's receive pops it. The CE runs the exchange's program cycle by cycle: the task's
 * start, its prelude, then per iteration the sends (N, S, E, W), {@code @fmovs}, the receives,
 * {@code @fmuls}, {@code add}, {@code stg}, {@code jmp}, stalling on a full output queue or an
 * empty input queue. It counts what the engine counts per PE: compute, fabric and stall
 * cycles, wavelets sent and received, hops and blocked moves per link.
 *
 * <p><b>What it drops.</b> Switches, filters, control wavelets, teardown, tasks, breakpoints,
 * snapshots, the host, time travel and the state hash. Each directed link is one ring of 16
 * payloads that its output queue, link buffer and input queue share (their depths add up to 13
 * at most, so nothing is overwritten while held): a payload is written once by the send and
 * read once by the receive, and the three channels are four counters. The compute and commit
 * phases are one pass: a move onto a link is written into the neighbour's buffer at once with
 * the cycle it moved, and the neighbour, visited before or after in the same cycle, neither
 * delivers it (it is on its hop until two cycles later) nor counts the room it frees (room is as
 * of the cycle's start: a delivery remembers its cycle). The rectangle's PEs are visited every
 * cycle; the rest of the fabric runs {@code NeighbourExchange.asleep()}, three cycles of work
 * and then a receive nothing ever feeds, so no wavelet can reach them and their counters follow
 * from the cycle alone.
 */
public final class ModelFloor {
    // ---- the CE record, STRIDE ints per PE of the rectangle (one cache line) ----
    static final int PC = 0;
    static final int X = 1;
    static final int ACC = 2;
    static final int ITER = 3;
    static final int RR = 4;
    static final int COMPUTE = 5;
    static final int FABRIC = 6;
    static final int STALL_IN = 7;
    static final int STALL_OUT = 8;
    /** The router's sources, 3 bits each in the engine's order: 0..3 an input buffer from N, S, E, W; 4..7 an output queue to N, S, E, W. */
    static final int SOURCES = 9;
    static final int SOURCE_COUNT = 10;
    /** The directions the PE exchanges with, 2 bits each in the order N, S, E, W. */
    static final int DIRS = 11;
    static final int DIR_COUNT = 12;
    static final int START_X = 13;
    static final int STRIDE = 16;

    // ---- a directed link's counters, EDGE ints per (receiving PE, direction it arrives from) ----
    static final int SENT = 0;
    static final int MOVED = 1;
    static final int DELIVERED = 2;
    static final int RECEIVED = 3;
    static final int LAST_DELIVER = 4;
    static final int LAST_MOVE = 5;
    static final int PREV_MOVE = 6;
    static final int BLOCKED = 7;
    static final int EDGE = 8;
    static final int RING = 16;

    /** Router buffer depth of the WSE-2 profile. */
    static final int LINK_DEPTH = 3;
    /** Output queue depth by the direction sent to (N, S, E, W: queues 3, 2, 0, 1). */
    static final int[] OUT_DEPTH = {6, 6, 2, 2};
    /** Input queue depth by the direction a wavelet arrives from (N, S, E, W: queues 2, 3, 1, 0). */
    static final int[] IN_DEPTH = {4, 4, 6, 6};
    /** Cycles of the task's start and its prelude before the loop, less twice the directions. */
    static final int PRELUDE = 16;
    /** Cycles an asleep PE computes (its task's start and two loads) before it stalls for good. */
    static final int ASLEEP_WORK = 3;

    final int fabricWidth;
    final int fabricHeight;
    final int x0;
    final int y0;
    final int w;
    final int h;
    final int[] ce;
    final int[] edge;
    final int[] ring;
    /** Per PE of the rectangle and direction N, S, E, W: the neighbour's index, or -1. */
    final int[] nb;
    int cycle;

    /** The exchange on the {@code w}×{@code h} rectangle at ({@code x0}, {@code y0}) of a larger fabric, launched at cycle 0. */
    public ModelFloor(int fabricWidth, int fabricHeight, int x0, int y0, int w, int h) {
        this.fabricWidth = fabricWidth;
        this.fabricHeight = fabricHeight;
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
        int n = w * h;
        ce = new int[n * STRIDE];
        edge = new int[n * 4 * EDGE];
        ring = new int[n * 4 * RING];
        nb = new int[n * 4];
        for (int ky = 0; ky < h; ky++) {
            for (int kx = 0; kx < w; kx++) {
                int i = ky * w + kx;
                nb[4 * i] = ky > 0 ? i - w : -1;
                nb[4 * i + 1] = ky < h - 1 ? i + w : -1;
                nb[4 * i + 2] = kx < w - 1 ? i + 1 : -1;
                nb[4 * i + 3] = kx > 0 ? i - 1 : -1;
                int c = i * STRIDE;
                int dirs = 0;
                int count = 0;
                for (int d = 0; d < 4; d++) {
                    if (nb[4 * i + d] >= 0) {
                        dirs |= d << 2 * count++;
                    }
                }
                // the engine's source order: input buffers by color (from W, E, N, S), then output queues 0..3 (E, W, S, N)
                int sources = 0;
                int ns = 0;
                for (int a : new int[] {3, 2, 0, 1}) {
                    if (nb[4 * i + a] >= 0) {
                        sources |= a << 3 * ns++;
                    }
                }
                for (int d : new int[] {2, 3, 1, 0}) {
                    if (nb[4 * i + d] >= 0) {
                        sources |= (4 | d) << 3 * ns++;
                    }
                }
                ce[c + PC] = -(PRELUDE + 2 * count);
                ce[c + SOURCES] = sources;
                ce[c + SOURCE_COUNT] = ns;
                ce[c + DIRS] = dirs;
                ce[c + DIR_COUNT] = count;
                ce[c + START_X] = Float.floatToRawIntBits((x0 + kx) * 1000 + (y0 + ky));
                for (int a = 0; a < 4; a++) {
                    int e = (4 * i + a) * EDGE;
                    edge[e + LAST_DELIVER] = Integer.MIN_VALUE;
                    edge[e + LAST_MOVE] = Integer.MIN_VALUE;
                    edge[e + PREV_MOVE] = Integer.MIN_VALUE;
                }
            }
        }
    }

    /** The exchange over a whole {@code width}×{@code height} fabric. */
    public ModelFloor(int width, int height) {
        this(width, height, 0, 0, width, height);
    }

    public long cycle() {
        return cycle;
    }

    /** Runs {@code cycles} cycles. */
    public void step(long cycles) {
        int n = w * h;
        for (long k = 0; k < cycles; k++) {
            int t = cycle;
            for (int i = 0; i < n; i++) {
                route(i, t);
                computeEngine(i, t);
            }
            cycle = t + 1;
        }
    }

    /** PE i's router in cycle t: its sources round-robin from after the last one served. */
    private void route(int i, int t) {
        int[] c = ce;
        int[] e = edge;
        int at = i * STRIDE;
        int ns = c[at + SOURCE_COUNT];
        int sources = c[at + SOURCES];
        int rr = c[at + RR];
        int served = -1;
        boolean ramp = false;
        for (int k = 0, idx = rr; k < ns; k++, idx = idx + 1 == ns ? 0 : idx + 1) {
            int s = sources >>> 3 * idx & 7;
            if (s < 4) {
                // an input buffer: its head to the CE's input queue when on time, RAMP free and the queue has room
                int b = (4 * i + s) * EDGE;
                int delivered = e[b + DELIVERED];
                int held = e[b + MOVED] - delivered;
                if (held == 0 || ramp) {
                    continue;
                }
                int headMoved = held == 1 ? e[b + LAST_MOVE] : held == 2 ? e[b + PREV_MOVE] : Integer.MIN_VALUE;
                if (headMoved >= t - 1 || delivered - e[b + RECEIVED] >= IN_DEPTH[s]) {
                    continue;
                }
                e[b + DELIVERED] = delivered + 1;
                e[b + LAST_DELIVER] = t;
                ramp = true;
                served = idx;
            } else {
                // an output queue: its head onto the link when the neighbour's buffer had room at the cycle's start
                int d = s & 3;
                int b = (4 * nb[4 * i + d] + (d ^ 1)) * EDGE;
                int moved = e[b + MOVED];
                if (e[b + SENT] == moved) {
                    continue;
                }
                int seen = e[b + DELIVERED] - (e[b + LAST_DELIVER] == t ? 1 : 0);
                if (moved - seen >= LINK_DEPTH) {
                    e[b + BLOCKED]++;
                    continue;
                }
                e[b + MOVED] = moved + 1;
                e[b + PREV_MOVE] = e[b + LAST_MOVE];
                e[b + LAST_MOVE] = t;
                served = idx;
            }
        }
        if (served >= 0) {
            c[at + RR] = served + 1 == ns ? 0 : served + 1;
        }
    }

    /** PE i's CE in cycle t, after its router: one instruction, or a stall. */
    private void computeEngine(int i, int t) {
        int[] c = ce;
        int at = i * STRIDE;
        int pc = c[at + PC];
        if (pc < 0) {
            // the task's start and the prelude; its last instruction stores x
            if (pc == -1) {
                c[at + X] = c[at + START_X];
            }
            c[at + PC] = pc + 1;
            c[at + COMPUTE]++;
            return;
        }
        int n = c[at + DIR_COUNT];
        if (pc < n) {
            // @mov32 to an output queue
            int d = c[at + DIRS] >>> 2 * pc & 3;
            int b = (4 * nb[4 * i + d] + (d ^ 1)) * EDGE;
            int sent = edge[b + SENT];
            if (sent - edge[b + MOVED] >= OUT_DEPTH[d]) {
                c[at + STALL_OUT]++;
                return;
            }
            ring[(b / EDGE) * RING + (sent & (RING - 1))] = c[at + X];
            edge[b + SENT] = sent + 1;
            c[at + FABRIC]++;
            c[at + PC] = pc + 1;
            return;
        }
        if (pc > n && pc <= 2 * n) {
            // @fadds from an input queue
            int a = c[at + DIRS] >>> 2 * (pc - n - 1) & 3;
            int b = (4 * i + a) * EDGE;
            int received = edge[b + RECEIVED];
            if (edge[b + DELIVERED] == received) {
                c[at + STALL_IN]++;
                return;
            }
            float v = Float.intBitsToFloat(ring[(4 * i + a) * RING + (received & (RING - 1))]);
            c[at + ACC] = Float.floatToRawIntBits(Float.intBitsToFloat(c[at + ACC]) + v);
            edge[b + RECEIVED] = received + 1;
            c[at + FABRIC]++;
            c[at + PC] = pc + 1;
            return;
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
    }

    // ---- what the engine counts, per PE of the fabric (tests compare them) ----

    /** The rectangle's index of fabric PE (x, y), or -1 outside it. */
    int index(int x, int y) {
        int kx = x - x0;
        int ky = y - y0;
        return kx < 0 || ky < 0 || kx >= w || ky >= h ? -1 : ky * w + kx;
    }

    private int counter(int x, int y, int which) {
        int i = index(x, y);
        if (i < 0) {
            // asleep: its start and two loads, then a stalled receive
            int work = Math.min(cycle, ASLEEP_WORK);
            return which == COMPUTE ? work : which == STALL_IN ? cycle - work : 0;
        }
        return ce[i * STRIDE + which];
    }

    public long computeCycles(int x, int y) {
        return counter(x, y, COMPUTE);
    }

    public long fabricCycles(int x, int y) {
        return counter(x, y, FABRIC);
    }

    public long stallInCycles(int x, int y) {
        return counter(x, y, STALL_IN);
    }

    public long stallOutCycles(int x, int y) {
        return counter(x, y, STALL_OUT);
    }

    public int iterations(int x, int y) {
        return counter(x, y, ITER);
    }

    public float x(int x, int y) {
        return Float.intBitsToFloat(counter(x, y, X));
    }

    public float acc(int x, int y) {
        return Float.intBitsToFloat(counter(x, y, ACC));
    }

    /** The counter {@code which} of the link from PE (x, y) towards direction d (N, S, E, W), 0 for none. */
    private int outgoing(int x, int y, int d, int which) {
        int i = index(x, y);
        if (i < 0 || nb[4 * i + d] < 0) {
            return 0;
        }
        return edge[(4 * nb[4 * i + d] + (d ^ 1)) * EDGE + which];
    }

    /** The counter {@code which} of the link arriving at PE (x, y) from direction a, 0 for none. */
    private int incoming(int x, int y, int a, int which) {
        int i = index(x, y);
        if (i < 0 || nb[4 * i + a] < 0) {
            return 0;
        }
        return edge[(4 * i + a) * EDGE + which];
    }

    public int sent(int x, int y) {
        int s = 0;
        for (int d = 0; d < 4; d++) {
            s += outgoing(x, y, d, SENT);
        }
        return s;
    }

    /** Wavelets the router delivered into the CE's input queues (the engine's received count). */
    public int received(int x, int y) {
        int s = 0;
        for (int a = 0; a < 4; a++) {
            s += incoming(x, y, a, DELIVERED);
        }
        return s;
    }

    /** Wavelets PE (x, y) sent onto its link towards d. */
    public int hops(int x, int y, int d) {
        return outgoing(x, y, d, MOVED);
    }

    /** Cycles PE (x, y)'s router found its link towards d full. */
    public int blocked(int x, int y, int d) {
        return outgoing(x, y, d, BLOCKED);
    }

    /** Wavelets in the output queue towards d. */
    public int outQueued(int x, int y, int d) {
        return outgoing(x, y, d, SENT) - outgoing(x, y, d, MOVED);
    }

    /** Wavelets in the link buffer holding what arrives from a. */
    public int linkHeld(int x, int y, int a) {
        return incoming(x, y, a, MOVED) - incoming(x, y, a, DELIVERED);
    }

    /** Wavelets in the input queue of what arrives from a. */
    public int inQueued(int x, int y, int a) {
        return incoming(x, y, a, DELIVERED) - incoming(x, y, a, RECEIVED);
    }

    /** The round-robin position of PE (x, y)'s router. */
    public int roundRobin(int x, int y) {
        int i = index(x, y);
        return i < 0 ? 0 : ce[i * STRIDE + RR];
    }
}
