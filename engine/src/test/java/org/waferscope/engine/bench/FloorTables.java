package org.waferscope.engine.bench;

import static org.waferscope.engine.bench.ModelFloor.DELIVERED;
import static org.waferscope.engine.bench.ModelFloor.HELD;
import static org.waferscope.engine.bench.ModelFloor.HOLDING;
import static org.waferscope.engine.bench.ModelFloor.PC;
import static org.waferscope.engine.bench.ModelFloor.PUBLISHED;
import static org.waferscope.engine.bench.ModelFloor.SOURCE;
import static org.waferscope.engine.bench.ModelFloor.SOURCE_COUNT;
import static org.waferscope.engine.bench.ModelFloor.STALLED_IN;
import static org.waferscope.engine.bench.ModelFloor.STALLED_OUT;
import static org.waferscope.engine.bench.ModelFloor.STRIDE;

/**
 * A {@link ModelFloor} feature ({@link FloorFeature#TABLES}, with {@link FloorFeature#TWO_PHASE}):
 * the per-PE tables the engine's visit reads around the router and the CE
 * ({@code FabricCycle.compute}: {@code srcStart}, {@code hostIn}, {@code peProgram}, the
 * breakpoints, and on a stall whether the host has work for the PE), and the router's state
 * word: the ports a cycle's moves claim (RAMP and each link once), the link buffers popped
 * this cycle, as {@code RouterWords.POPPED}, and their pops published in the commit for the
 * senders' room checks ({@code Router.commit}), instead of the kernel's own count of the
 * cycle's deliveries. With {@link FloorFeature#VISIT_TABLES} the tables alone, the router's
 * state word left out.
 */
final class FloorTables {
    /** Whether the router keeps the engine's state word: claimed ports, pops published in the commit. */
    final boolean routerWord;
    /** Per PE, where its router's sources start; the next PE's entry ends them. */
    final int[] srcStart;
    /** Per PE, the host's stream into it: the exchange has none. */
    final int[][] hostIn;
    final int[] hostInPos;
    /** Per PE, its program (its link bits). */
    final int[] peProgram;
    /** Per PE, the function the host launched and no task has started yet: -1 once the exchange runs. */
    final int[] launchFn;
    /** Per program, its breakpoints; null for none, as while the explorer has set none. */
    final boolean[][] breakAt = null;
    /** Per PE, the link buffers its router popped this cycle, by source. */
    final long[] popped;
    /** The PEs with pops to publish in this cycle's commit. */
    private final int[] poppers;
    private int popperCount;

    FloorTables(ModelFloor f, boolean routerWord) {
        this.routerWord = routerWord;
        int n = f.w * f.h;
        srcStart = new int[n + 1];
        hostIn = new int[n][];
        hostInPos = new int[n];
        peProgram = new int[n];
        launchFn = new int[n];
        popped = new long[n];
        poppers = new int[n];
        for (int i = 0; i < n; i++) {
            srcStart[i + 1] = srcStart[i] + f.ce[i * STRIDE + SOURCE_COUNT];
            for (int d = 0; d < 4; d++) {
                peProgram[i] |= f.nb[4 * i + d] >= 0 ? 1 << d : 0;
            }
            launchFn[i] = -1;
        }
    }

    /** The router and CE of the PE whose record is at {@code at} in cycle t, as the engine's visit reaches them. */
    int visit(ModelFloor f, int at, int t) {
        int p = at / STRIDE;
        int[] c = f.ce;
        if (srcStart[p] != srcStart[p + 1] || hostIn[p] != null) {
            if (hostIn[p] != null && hostInPos[p] < hostIn[p].length) {
                throw new IllegalStateException("a host stream into the exchange");
            }
            if (c[at + HELD] != 0) {
                FloorRouter.route(f, at, t);
            }
        }
        int pi = peProgram[p];
        int activity = pi >= 0 ? f.computeEngine(at, t) : STALLED_IN;
        boolean atBreakpoint = false;
        boolean[][] breaks = breakAt;
        if (breaks != null && c[at + PC] >= 0) {
            boolean[] b = breaks[pi];
            atBreakpoint = b != null && b[c[at + PC]];
        }
        boolean holding = c[at + HELD] != 0;
        if ((activity == STALLED_IN || activity == STALLED_OUT) && !holding) {
            // a stalled PE sleeps only when no breakpoint holds it and the host has nothing for it
            holding = atBreakpoint || hostPending(p);
        }
        return holding ? activity | HOLDING : activity;
    }

    private boolean hostPending(int p) {
        return launchFn[p] >= 0 || (hostIn[p] != null && hostInPos[p] < hostIn[p].length);
    }

    /** PE p's router popped the link buffer of source idx: to publish in the commit. */
    void popped(int p, int idx) {
        if (popped[p] == 0) {
            poppers[popperCount++] = p;
        }
        popped[p] |= 1L << idx;
    }

    /** The commit's publishing: each popped buffer's pops, for its sender's room checks from the next cycle. */
    void publish(ModelFloor f) {
        int[] c = f.ce;
        int[] e = f.edge;
        for (int k = 0; k < popperCount; k++) {
            int p = poppers[k];
            long bits = popped[p];
            popped[p] = 0;
            do {
                int b = c[p * STRIDE + SOURCE + Long.numberOfTrailingZeros(bits)] >>> 1;
                e[b + PUBLISHED] = e[b + DELIVERED];
                bits &= bits - 1;
            } while (bits != 0);
        }
        popperCount = 0;
    }
}
