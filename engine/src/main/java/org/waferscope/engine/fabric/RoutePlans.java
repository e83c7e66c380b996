package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;

/**
 * Per router source, a plan ({@link ChannelRings#srcPlan}): where its data wavelets go when its
 * route can never change while the program runs, so that a router visit moves them from the
 * plan alone. The general path ({@code Router.move}) reads about a dozen words from as many
 * arrays, most of them depending on the one before (the slot's teardown flag, its config's
 * positions, rx and tx, its links, the link's facts, the filter, the PE's program, its queue
 * for the color, the queue's facts); a planned move reads the plan, beside the source's own
 * words, and the destination's counters.
 *
 * <p>A plan is the destination's facts word (its record and info bits, bits 0..58, and
 * {@link RouteLinks#SWAP} for a link that swaps the color) with its direction plus one in bits
 * 59..61 (N, S, E, W, RAMP); 0 is no plan. A source gets one when its slot's route is fixed
 * ({@link #fixed}): one switch position, no filter, no route edits by its PE's program, no
 * teardown handler for its color, not in teardown mode at load, no way off the fabric's edge;
 * and when that position accepts from the source's port and sends to exactly one place that
 * exists. Nothing can then change what the plan says, so it is made once: at load for an input
 * buffer, and for a CE output queue each time its route word changes to a new color
 * ({@code Router.visit}). Control wavelets and advance-after flags take the general path.
 */
final class RoutePlans {
    private RoutePlans() {
    }

    private static final int RAMP = Direction.RAMP.ordinal();
    static final int DEST_SHIFT = 59;
    /** The destination's record and info bits of a plan. */
    static final long FACTS = (1L << DEST_SHIFT) - 1;

    /**
     * Makes the plans of the fabric's input buffers, once it is built (an output queue's is made
     * with its route word). At load rather than at each buffer's first move: made at first
     * use, the sparse wafer ran 4-8 % slower in four sittings (docs/benchmarks.md, session 15),
     * we think because its first cycles then show the compiler the general path at every visit.
     * Returns the plans, one per source: a task started when the fabric is built
     * ({@link ChannelRings#plansMaking}), which the first step waits for ({@link #await}).
     */
    static long[] build(Fabric f) {
        int ramp = Direction.RAMP.ordinal();
        long[] plans = new long[f.srcChan.length];
        for (int p = 0; p < f.n; p++) {
            for (int si = f.srcStart[p], end = f.srcStart[p + 1]; si < end; si++) {
                if (f.srcPort[si] != ramp) {
                    plans[si] = of(f, p, f.srcWords[2 * si + 1], f.srcPort[si]);
                }
            }
        }
        return plans;
    }

    /**
     * Waits for the plans made beside the end of the load, once: every step calls it before
     * it runs a cycle ({@code FabricCycle.prepareStep}). Made at load and not at each source's
     * first move all the same (see {@link #build}); made beside the load's last phases rather
     * than inside the fabric's build, so that a full-wafer load does not wait for them.
     */
    static void await(Fabric f) {
        OffThread<long[]> making = f.plansMaking;
        if (making != null) {
            f.srcPlan = making.join();
            f.plansMaking = null;
        }
    }

    /**
     * Clears every plan and makes no more, so that every wavelet takes the general path: for
     * tests that hold the two paths against each other.
     */
    static void withoutPlans(Fabric f) {
        await(f);
        f.unplanned = true;
        java.util.Arrays.fill(f.srcPlan, 0);
    }

    /**
     * The plan of a source of PE p on port {@code port} whose wavelets take the route of
     * {@code route}, its route word ({@link RouterSources#route}), or 0. The slot, its config,
     * its color and whether it leaks are read from the word, which holds them all, rather than
     * from four arrays and a binary search: a full-wafer load makes plans for millions of sources
     * (Game of Life: 9.4 million, about 0.3 s of CPU on a thread of the build, session 15).
     */
    static long of(Fabric f, int p, long route, int port) {
        int cfg = RouterSources.config(route);
        if (f.unplanned || !fixed(f, p, route) || (f.cfgRx[cfg * 4] & (1 << port)) == 0) {
            return 0;
        }
        int tx = f.cfgTx[cfg * 4];
        if (Integer.bitCount(tx) != 1) {
            return 0;
        }
        int d = Integer.numberOfTrailingZeros(tx);
        long dest;
        if (d == RAMP) {
            int pi = f.peProgram[p];
            int q = pi < 0 ? -1 : f.tables[pi].colorQueue[RouterSources.color(route)];
            dest = q < 0 || f.qBase[p] < 0 ? 0 : f.qFacts[f.qBase[p] + q];
        } else {
            dest = RouteLinks.of(f.linkFacts, f.rsLinks[RouterSources.slot(route)], d);
        }
        return dest == 0 ? 0 : dest & (FACTS | RouteLinks.SWAP) | (long) (d + 1) << DEST_SHIFT;
    }

    /**
     * Whether the slot of {@code route}, a route word of PE p, keeps its route for good: every
     * way a route changes (switch commands and advances, {@code ROUTE_POS}, {@link RouteEdits},
     * router register writes, teardown) needs more than one position, an edited color, a teardown handler or a
     * color that starts torn down; filters and edge leaks are work a plan does not do.
     */
    static boolean fixed(Fabric f, int p, long route) {
        int cfg = RouterSources.config(route);
        int color = RouterSources.color(route);
        int pi = f.peProgram[p];
        return f.cfgPositions[cfg] == 1 && f.cfgFilterMin[cfg] == -1
                && !f.routeEdits.tornAtStart(RouterSources.slot(route)) && (route & RouterSources.LEAKS) == 0
                && (pi < 0 || (f.tables[pi].editedColors & 1 << color) == 0 && f.tables[pi].teardownTask[color] < 0);
    }

    /** The port bit a plan sends to. */
    static int tx(long plan) {
        return 1 << direction(plan);
    }

    static int direction(long plan) {
        return (int) (plan >>> DEST_SHIFT & 7) - 1;
    }

    /**
     * Moves the head data wavelet of the channel with {@code facts} and counter word {@code ctr}
     * as {@code plan} says, or returns false when its destination has no room: what
     * {@code Router.move} does for such a wavelet, in the same order; a link buffer's pop is
     * stamped when {@code stamped} ({@link ChannelRings#stamps}).
     */
    static boolean move(Fabric f, int p, long facts, int ctr, int meta, long plan, int now, boolean stamped) {
        int d = direction(plan);
        if (d == RAMP) {
            if (f.fullOf(plan)) {
                return false;
            }
            int payload = f.headPayload(facts, ctr);
            if (stamped) {
                f.popLink(p, facts, ctr, now);
            } else {
                f.popHead(p, facts, ctr);
            }
            f.pushTo(p, plan & FACTS, payload, meta, now);
            f.countReceived(p);
            return true;
        }
        if (f.roomOf(plan, now) <= 0) {
            f.linkBlocked[p * 4 + d]++;
            return false;
        }
        int payload = f.headPayload(facts, ctr);
        if (stamped) {
            f.popLink(p, facts, ctr, now);
        } else {
            f.popHead(p, facts, ctr);
        }
        long[] r = f.router;
        int at = RouterWords.at(p);
        r[at + RouterWords.RR] |= (1L << d) << RouterWords.PARKED;
        Router.parkOn(r, at, d, plan, meta, payload);
        return true;
    }
}
