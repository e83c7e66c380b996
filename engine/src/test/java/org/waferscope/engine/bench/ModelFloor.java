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
 * read once by the receive, and the three channels are counters. Compute and commit are one
 * pass: a move is written into the neighbour's buffer at once with its cycle, and the neighbour,
 * visited before or after in the same cycle, neither delivers it (on its hop until two cycles
 * later) nor counts the room it frees (room is as of the cycle's start: a delivery remembers its
 * cycle). The rectangle's PEs are visited every cycle; the rest of the fabric runs {@code
 * NeighbourExchange.asleep()}, three cycles of work and then a receive nothing ever feeds, so
 * their counters follow from the cycle. Variants add the engine's features ({@link FloorFeature}).
 */
public final class ModelFloor {
    // ---- the CE record, STRIDE ints per PE of the rectangle (two cache lines) ----
    static final int PC = 0;
    static final int X = 1;
    static final int ACC = 2;
    static final int ITER = 3;
    static final int RR = 4;
    static final int COMPUTE = 5;
    static final int FABRIC = 6;
    static final int STALL_IN = 7;
    static final int STALL_OUT = 8;
    /** The router's sources that hold wavelets, a bit each by the source's place in the order the router serves them. */
    static final int HELD = 9;
    static final int SOURCE_COUNT = 10;
    static final int DIR_COUNT = 11;
    static final int START_X = 12;
    /** Elements done of the fabric op at pc, and cycles left of a memory op, when {@link FloorFeature#DSD}. */
    static final int DONE = 13;
    static final int BUSY = 14;
    /**
     * The sources in the engine's order (input buffers by color: from W, E, N, S; then output
     * queues 0..3: to E, W, S, N), each its link's place in {@link #edge} times 2, plus 1 for an
     * output queue.
     */
    static final int SOURCE = 16;
    /** The links the sends go to, in the program's order (N, S, E, W), as places in {@link #edge}. */
    static final int SEND = 24;
    /** The links the receives read, in the program's order (N, S, E, W). */
    static final int RECEIVE = 28;
    static final int STRIDE = 32;

    // ---- a directed link, EDGE ints per (receiving PE, direction it arrives from): one cache line ----
    static final int SENT = 0;
    static final int MOVED = 1;
    static final int DELIVERED = 2;
    static final int RECEIVED = 3;
    static final int LAST_DELIVER = 4;
    static final int LAST_MOVE = 5;
    static final int PREV_MOVE = 6;
    static final int BLOCKED = 7;
    /** The receiver's {@link #HELD} bit for this link's buffer, and the sender's for its output queue. */
    static final int IN_BIT = 8;
    static final int OUT_BIT = 9;
    /** The receiver's CE record. */
    static final int TO = 10;
    /** Wavelets taken from the output queue: {@link #MOVED} once they are on the link, which a two-phase cycle defers to its commit. */
    static final int TAKEN = 11;
    static final int IN_DEPTH = 12;
    static final int OUT_DEPTH = 13;
    /** Pops of the link buffer its sender sees: published in the commit, when {@link FloorFeature#TABLES}. */
    static final int PUBLISHED = 14;
    static final int EDGE = 16;
    /** Payloads per link, at the link's place in {@link #ring}: its output queue, buffer and input queue hold 13 at most. */
    static final int RING = 16;

    /** Router buffer depth of the WSE-2 profile. */
    static final int LINK_DEPTH = 3;
    /** Output queue depth by the direction sent to (N, S, E, W: queues 3, 2, 0, 1). */
    static final int[] OUT_DEPTHS = {6, 6, 2, 2};
    /** Input queue depth by the direction a wavelet arrives from (N, S, E, W: queues 2, 3, 1, 0). */
    static final int[] IN_DEPTHS = {4, 4, 6, 6};
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
    /** Moves parked in the compute pass and pushed in a commit pass, as the engine's phases do ({@link FloorFeature#TWO_PHASE}). */
    final boolean twoPhase;
    /** The links with a wavelet parked this cycle, when {@link #twoPhase}. */
    final int[] parked;
    int parkedCount;
    /** The engine's channel records, when {@link FloorFeature#CHANNELS}; else null. */
    final FloorChannels chans;
    /** The engine's route words and plans, when {@link FloorFeature#ROUTES}; else null. */
    final FloorRoutes routes;
    /** The engine's per-PE tables read at each visit and its router's state word, when {@link FloorFeature#TABLES} (the tables alone with {@link FloorFeature#VISIT_TABLES}); else null. */
    final FloorTables tables;
    /** The CE's program as an instruction array run by an interpreter, when {@link FloorFeature#INTERPRETER}; else null. */
    final FloorInterpreter program;
    /** x, acc and the count in SRAM bytes, when {@link FloorFeature#SRAM_BYTES}; else null. */
    final FloorSram sram;
    /** The vector ops from decoded descriptors, when {@link FloorFeature#DSD}; else null. */
    private final FloorDsd dsd;
    /** The engine's flags word, accounting and task picker, when {@link FloorFeature#TASKS}; else null. */
    final FloorTasks tasks;
    /** The engine's bitmaps, when {@link FloorFeature#UPKEEP}; else null. */
    public final FloorUpkeep upkeep;

    /** The exchange on the {@code w}×{@code h} rectangle at ({@code x0}, {@code y0}) of a larger fabric, launched at cycle 0. */
    public ModelFloor(int fabricWidth, int fabricHeight, int x0, int y0, int w, int h) {
        this(fabricWidth, fabricHeight, x0, y0, w, h, java.util.EnumSet.noneOf(FloorFeature.class));
    }

    /** The same with the engine's {@code features} added to the kernel. */
    public ModelFloor(int fabricWidth, int fabricHeight, int x0, int y0, int w, int h,
                      java.util.Set<FloorFeature> features) {
        if (features.contains(FloorFeature.UPKEEP) && !features.contains(FloorFeature.TWO_PHASE)) {
            throw new IllegalArgumentException("the engine's bitmaps need its two phases: wakes come with the commit");
        }
        if (features.contains(FloorFeature.TABLES) && features.contains(FloorFeature.VISIT_TABLES)) {
            throw new IllegalArgumentException("VISIT_TABLES is TABLES without the router's state word: one or the other");
        }
        if (features.contains(FloorFeature.TABLES) && !features.contains(FloorFeature.TWO_PHASE)) {
            throw new IllegalArgumentException("pops are published in the commit: TABLES needs TWO_PHASE");
        }
        if (features.contains(FloorFeature.SRAM_WORDS)
                && (!features.contains(FloorFeature.SRAM_BYTES) || features.contains(FloorFeature.DSD))) {
            throw new IllegalArgumentException("SRAM_WORDS changes SRAM_BYTES's store, which DSD reads as bytes");
        }
        if (features.contains(FloorFeature.DIRECT_OPS)
                && (!features.contains(FloorFeature.SRAM_BYTES) || features.contains(FloorFeature.DSD))) {
            throw new IllegalArgumentException("DIRECT_OPS runs SRAM_BYTES's ops instead of DSD's descriptors");
        }
        if (features.contains(FloorFeature.DSD) && !features.contains(FloorFeature.SRAM_BYTES)) {
            throw new IllegalArgumentException("descriptors address the SRAM: DSD needs SRAM_BYTES");
        }
        if (w < 1 || h < 1 || x0 < 0 || y0 < 0 || x0 + w > fabricWidth || y0 + h > fabricHeight) {
            throw new IllegalArgumentException("a " + w + "x" + h + " rectangle at (" + x0 + ", " + y0
                    + ") is not inside a " + fabricWidth + "x" + fabricHeight + " fabric");
        }
        this.fabricWidth = fabricWidth;
        this.fabricHeight = fabricHeight;
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
        this.twoPhase = features.contains(FloorFeature.TWO_PHASE);
        int n = w * h;
        chans = features.contains(FloorFeature.CHANNELS) ? new FloorChannels(4 * n, n) : null;
        upkeep = features.contains(FloorFeature.UPKEEP) ? new FloorUpkeep(n) : null;
        parked = new int[twoPhase ? 4 * n : 0];
        ce = new int[n * STRIDE];
        edge = new int[n * 4 * EDGE];
        ring = new int[n * 4 * RING];
        nb = new int[n * 4];
        for (int i = 0; i < n; i++) {
            int kx = i % w;
            int ky = i / w;
            nb[4 * i] = ky > 0 ? i - w : -1;
            nb[4 * i + 1] = ky < h - 1 ? i + w : -1;
            nb[4 * i + 2] = kx < w - 1 ? i + 1 : -1;
            nb[4 * i + 3] = kx > 0 ? i - 1 : -1;
        }
        FloorWiring.wire(this);
        routes = features.contains(FloorFeature.ROUTES) ? new FloorRoutes(this) : null;
        program = features.contains(FloorFeature.INTERPRETER) ? new FloorInterpreter() : null;
        sram = features.contains(FloorFeature.SRAM_BYTES)
                ? new FloorSram(n, features.contains(FloorFeature.SRAM_WORDS)) : null;
        dsd = features.contains(FloorFeature.DSD) || features.contains(FloorFeature.DIRECT_OPS)
                ? new FloorDsd(this, sram, features.contains(FloorFeature.DIRECT_OPS)) : null;
        tasks = features.contains(FloorFeature.TASKS) ? new FloorTasks(n) : null;
        tables = features.contains(FloorFeature.TABLES) || features.contains(FloorFeature.VISIT_TABLES)
                ? new FloorTables(this, features.contains(FloorFeature.TABLES)) : null;
    }

    /** The link PE i sends on towards d: the neighbour's, arriving from the opposite side. */
    int into(int i, int d) {
        return (4 * nb[4 * i + d] + (d ^ 1)) * EDGE;
    }

    public long cycle() {
        return cycle;
    }

    /** Runs {@code cycles} cycles. */
    public void step(long cycles) {
        for (long k = 0; k < cycles; k++) {
            rows(0, h, cycle);
            if (twoPhase) {
                commit(cycle);
            }
            cycle++;
        }
    }

    /**
     * Visits the PEs of rows {@code from} to {@code to} (exclusive) of the rectangle in cycle t.
     * A PE's visit reads and writes only its own state and that of the links to and from its
     * neighbours, so any serial order of the visits gives the same cycle; bands of rows two
     * apart may be visited at once ({@link ModelFloorBands}).
     */
    void rows(int from, int to, int t) {
        if (upkeep != null) {
            upkeep.cycle(this, t);   // the whole rectangle, by words of its PEs with work
            return;
        }
        int[] c = ce;
        for (int at = from * w * STRIDE, end = to * w * STRIDE; at < end; at += STRIDE) {
            if (tables != null) {
                tables.visit(this, at, t);
            } else {
                if (c[at + HELD] != 0) {
                    FloorRouter.route(this, at, t);
                }
                computeEngine(at, t);
            }
        }
    }

    /** The commit pass of a two-phase cycle t: the parked wavelets onto their links, seen by their receivers from the next cycle. */
    private void commit(int t) {
        int[] e = edge;
        for (int k = 0; k < parkedCount; k++) {
            int b = parked[k];
            e[b + MOVED]++;
            e[b + PREV_MOVE] = e[b + LAST_MOVE];
            e[b + LAST_MOVE] = t;
            ce[e[b + TO] + HELD] |= e[b + IN_BIT];
            if (upkeep != null) {
                upkeep.wake(e[b + TO] / STRIDE);
            }
        }
        parkedCount = 0;
        if (tables != null) {
            tables.publish(this);
        }
    }

    /** What {@link #visit} returns: the CE's activity in the low bits, and whether the router still holds wavelets. */
    static final int COMPUTED = 0;
    static final int FABRICKED = 1;
    static final int STALLED_IN = 2;
    static final int STALLED_OUT = 3;
    static final int ACTIVITY = 3;
    static final int HOLDING = 4;

    /** The router and CE of the PE whose record is at {@code at} in cycle t: the CE's activity, and {@link #HOLDING}. */
    int visit(int at, int t) {
        if (tables != null) {
            return tables.visit(this, at, t);
        }
        if (ce[at + HELD] != 0) {
            FloorRouter.route(this, at, t);
        }
        int activity = computeEngine(at, t);
        return ce[at + HELD] != 0 ? activity | HOLDING : activity;
    }

    /** Ends cycle t once every row has been visited in it. */
    void ended(int t) {
        cycle = t + 1;
    }

    /** The CE of the PE whose record is at {@code at} in cycle t, after its router: one instruction, or a stall. */
    int computeEngine(int at, int t) {
        return tasks == null ? ceStep(at, t) : tasks.step(this, at, t);
    }

    /** The CE's instruction or stall, without the engine's step around it ({@link FloorTasks}). */
    int ceStep(int at, int t) {
        return dsd != null ? dsd.step(this, at, t) : program == null ? FloorCe.step(this, at, t) : program.step(this, at, t);
    }

    private static final int SYNC = org.waferscope.engine.ir.DsdOperand.options(false,
            org.waferscope.engine.ir.DsdOperand.NO_TASK, org.waferscope.engine.ir.DsdOperand.NO_TASK);

    /** The vector op at the pc of the PE whose record is at {@code at} completed (synchronous, no task named). */
    void completed(int at) {
        completed(at, SYNC);
    }

    /** The same with the op's {@code options}, which the engine reads for a task to activate or unblock. */
    void completed(int at, int options) {
        if (tasks != null) {
            tasks.complete(at / STRIDE, options);
        }
    }

    // ---- what the engine counts, per PE of the fabric (tests compare them) ----

    /** The rectangle's index of fabric PE (x, y), or -1 outside it. */
    int index(int x, int y) {
        if (x < 0 || y < 0 || x >= fabricWidth || y >= fabricHeight) {
            throw new IllegalArgumentException("no PE (" + x + ", " + y + ") on a " + fabricWidth + "x" + fabricHeight
                    + " fabric");
        }
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
        if (sram != null && (which == X || which == ACC || which == ITER)) {
            return which == X ? sram.readX(i) : which == ACC ? sram.readAcc(i) : sram.readIterations(i);
        }
        return ce[i * STRIDE + which] + (which == STALL_IN && upkeep != null ? upkeep.owed(i, cycle) : 0);
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
        return edge[into(i, d) + which];
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
        return outgoing(x, y, d, SENT) - outgoing(x, y, d, TAKEN);
    }

    /** Wavelets in the link buffer holding what arrives from a. */
    public int linkHeld(int x, int y, int a) {
        return incoming(x, y, a, MOVED) - incoming(x, y, a, DELIVERED);
    }

    /** Wavelets in the input queue of what arrives from a. */
    public int inQueued(int x, int y, int a) {
        return incoming(x, y, a, DELIVERED) - incoming(x, y, a, RECEIVED);
    }

    /** The engine's activity of PE (x, y)'s CE in its last cycle and the wavelets it sent, from the flags word ({@link FloorFeature#TASKS}). */
    public int[] flagsWord(int x, int y) {
        int i = index(x, y);
        return i < 0 || tasks == null ? null : new int[] {tasks.activity(i), tasks.sent(i)};
    }

    /** The round-robin position of PE (x, y)'s router. */
    public int roundRobin(int x, int y) {
        int i = index(x, y);
        return i < 0 ? 0 : ce[i * STRIDE + RR];
    }
}
