package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.waferscope.engine.arch.Direction;

/**
 * One PE's router for one cycle.
 *
 * <p>Compute phase ({@link #route}): the router visits its sources (input buffers, then the
 * CE's output queues) round-robin, starting after the last one it served. A head wavelet
 * moves when it has been in its buffer for the hop time, its arrival port is in the
 * color's current rx set, none of its tx ports is taken this cycle (one wavelet per link
 * per direction per cycle), and every destination has room as of the last commit; a
 * multicast moves to all its ports at once or waits. Wavelets for links are parked in
 * the PE's router record ({@link RouterWords#PEND}); a RAMP delivery goes straight into
 * the CE's input queue.
 * A control wavelet's switch command takes effect after it has passed, so it travels the
 * old route. A color in teardown mode moves nothing ({@link RouteEdits}). A data wavelet
 * whose route can never change moves by its source's plan ({@link RoutePlans}), which says
 * what the rest of this would find.
 *
 * <p>Commit phase ({@link #commit}): the parked wavelets are pushed into the neighbours'
 * buffers (each buffer has one sender) and the neighbours are woken.
 */
final class Router {
    private Router() {
    }

    /** Result bits of {@link #route}. */
    static final int MOVED = 1;
    static final int HOLDING = 2;
    static final int TIMED_WAIT = 4;
    static final int INJECTED = 8;
    static final int COLLECTED = 16;
    /**
     * The PE's {@link #commit} has work: pops of link buffers to publish or wavelets parked for
     * the links (a move from a source), or a PE with more sources than its busy bits track,
     * whose commit publishes every buffer. Without it the commit would do nothing, so the
     * cycle does not call it ({@code FabricCycle#compute}).
     */
    static final int COMMITS = 32;

    private static final VarHandle WAKE = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int RAMP = Direction.RAMP.ordinal();
    private static final int RAMP_BIT = Direction.RAMP.bit();
    /** {@link Fabric#cfgFilterMin} of a color with a counter filter ({@link CounterFilters}); -1 is no filter. */
    static final int COUNTER_FILTER = -2;

    static int route(Fabric f, int p, long cycle) {
        int result = injectFromHost(f, p, cycle);
        int s0 = f.srcStart[p];
        int ns = f.srcStart[p + 1] - s0;
        if (ns == 0) {
            return result;
        }
        if (ns > 64) {
            return routeEvery(f, p, cycle, result, s0, ns);
        }
        long[] r = f.router;
        int b = RouterWords.at(p) + RouterWords.BUSY;
        long busy = r[b] | r[b + 1] | r[b + 2] | r[b + 3] | r[b + 4];
        if (busy == 0) {
            return result;
        }
        int state = result | HOLDING;
        if (busy >>> 32 != 0 && ns <= ChannelRings.ARRIVING_SOURCES) {
            // pushed into empty link buffers in the last commit: on their hop this cycle
            // (a visit would find headInFlight), so held from now on and visited from the next
            for (int k = 0; k < 4; k++) {
                long w = r[b + k];
                if (w >>> 32 != 0) {
                    r[b + k] = (w | w >>> 32) & 0xFFFFFFFFL;
                }
            }
            busy &= 0xFFFFFFFFL;
            state |= TIMED_WAIT;
        }
        // round-robin: the held sources from rr upwards, then those below it
        int start = f.rr(p);
        long later = busy & (-1L << start);
        long sooner = busy & ~(-1L << start);
        for (long bits = later; ; bits = sooner, sooner = 0) {
            while (bits != 0) {
                int idx = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                state = visit(f, p, s0, ns, idx, (int) cycle, state);
            }
            if (sooner == 0) {
                break;
            }
        }
        return state & ~CLAIMED_MASK;
    }

    /** The router of a PE with more sources than its busy bits track: every source, round-robin. */
    private static int routeEvery(Fabric f, int p, long cycle, int result, int s0, int ns) {
        int state = result;
        int start = f.rr(p);
        for (int k = 0; k < ns; k++) {
            int idx = start + k;
            if (idx >= ns) {
                idx -= ns;
            }
            if (f.count(f.srcChan[s0 + idx]) > 0) {
                state = visit(f, p, s0, ns, idx, (int) cycle, state | HOLDING);
            }
        }
        return state & ~CLAIMED_MASK | COMMITS;
    }

    /** Link ports taken this cycle travel in the high bits of the router's state word. */
    private static final int CLAIMED_SHIFT = 8;
    private static final int CLAIMED_MASK = 0x1F << CLAIMED_SHIFT;

    /**
     * Tries to forward the head wavelet of source {@code idx}, which holds at least one.
     * Returns the router's state word: result bits, plus the ports claimed so far.
     */
    private static int visit(Fabric f, int p, int s0, int ns, int idx, int now, int state) {
        int si = s0 + idx;
        // the channel's record and counters, read once for the whole visit (ChannelRings.Head)
        long facts = f.srcWords[2 * si];
        int port = (int) (facts >>> 32 + ChannelRings.PORT_SHIFT) & 7;
        int ctr = f.chan[(int) facts + ChannelRings.CTR];
        boolean stamped = port != RAMP && ChannelRings.stamps(facts);
        // a CE output queue's wavelets were pushed after this router's turn, so are a cycle old
        if (port != RAMP && f.headInFlight(facts, ctr, now)) {
            return state | TIMED_WAIT;
        }
        int meta = f.headMeta(facts, ctr);
        int color = Wavelet.color(meta);
        long route = f.srcWords[2 * si + 1];
        long plan = f.srcPlan[si];
        if (plan != 0 && (meta & (Wavelet.CONTROL | Wavelet.ADVANCE_AFTER)) == 0
                && (port != RAMP || RouterSources.color(route) == color)) {
            // a fixed route (RoutePlans): the general path below would do the same
            int tx = RoutePlans.tx(plan);
            if ((tx & state >>> CLAIMED_SHIFT) != 0) {
                countBlocked(f, p, tx);
                return state;
            }
            if (!RoutePlans.move(f, p, facts, ctr, meta, plan, now, stamped)) {
                return state;
            }
            return served(f, p, ns, idx, port != RAMP && !stamped, state, tx);
        }
        int rs = RouterSources.slot(route);
        if (port == RAMP && (rs < 0 || RouterSources.color(route) != color)) {
            // an output queue's wavelet of another color than its last one (or its first)
            if (color >= f.profile.colors()) {
                return state | toHost(f, p, f.srcChan[si], color);
            }
            rs = findSlot(f, p, color);
            if (rs < 0) {
                return state;
            }
            route = EdgeLeaks.mark(f, rs, RouterSources.route(rs, f.rsConfig[rs], color));
            f.srcWords[2 * si + 1] = route;
            f.srcPlan[si] = RoutePlans.of(f, p, route, RAMP);
        }
        if (f.rsTorn[rs] != 0) {
            // teardown mode: the color waits until the CE ends it (RouteEdits)
            return state;
        }
        int cfg = RouterSources.config(route);
        // a color of one switch position is always at 0 (every write of rsPos keeps it below
        // the config's positions): its slot's rsPos line is not read
        int pos = f.cfgPositions[cfg] > 1 ? f.rsPos[rs] : 0;
        if ((f.cfgRx[cfg * 4 + pos] & (1 << port)) == 0) {
            return state;
        }
        int tx = f.cfgTx[cfg * 4 + pos];
        int claimed = state >>> CLAIMED_SHIFT;
        if ((tx & claimed) != 0) {
            countBlocked(f, p, tx & claimed);
            return state;
        }
        if (!move(f, p, facts, ctr, meta, rs, cfg, tx, color, now, stamped)) {
            return state;
        }
        if ((route & RouterSources.LEAKS) != 0) {
            EdgeLeaks.moved(f, rs, pos);
        }
        return served(f, p, ns, idx, port != RAMP && !stamped, state, tx);
    }

    /**
     * Source {@code idx} moved a wavelet to {@code tx}: its pop to publish in the commit when
     * {@code publish} (a link buffer whose pops are not stamped), the round-robin past it, the
     * ports taken. The commit has work when a pop is to be published or a wavelet was parked.
     */
    private static int served(Fabric f, int p, int ns, int idx, boolean publish, int state, int tx) {
        int at = RouterWords.at(p);
        if (publish) {
            f.router[at + RouterWords.POPPED] |= 1L << idx;
        }
        long rr = f.router[at + RouterWords.RR];
        f.router[at + RouterWords.RR] = rr & 0xFFFFFFFF00000000L | (idx + 1 == ns ? 0 : idx + 1);
        return state | MOVED | (publish || (tx & 0xF) != 0 ? COMMITS : 0) | tx << CLAIMED_SHIFT;
    }

    /**
     * Moves the head wavelet of the channel with {@code facts} and counter word {@code ctr}
     * (as {@link #visit} read them; nothing writes them in between) to every port of
     * {@code tx}, or to none when one has no room; the pop of a link buffer is stamped when
     * {@code stamped} ({@link ChannelRings#stamps}).
     */
    private static boolean move(Fabric f, int p, long facts, int ctr, int meta, int rs, int cfg, int tx, int color,
                                int now, boolean stamped) {
        int payload = f.headPayload(facts, ctr);
        int links = f.rsLinks[rs];
        for (int d = 0; d < 4; d++) {
            if ((tx & (1 << d)) != 0 && f.roomOf(RouteLinks.of(f.linkFacts, links, d), now) <= 0) {
                f.linkBlocked[p * 4 + d]++;
                return false;
            }
        }
        long ramp = 0;
        if ((tx & RAMP_BIT) != 0 && admitsToCe(f, rs, cfg, payload, meta)) {
            int q = f.tables[f.peProgram[p]].colorQueue[color];
            ramp = f.qFacts[f.qBase[p] + q];
            if (ramp == 0) {
                f.full(f.inQueue(p, q));   // a queue the PE does not use: fails as it always did
            }
            if (f.fullOf(ramp)) {
                return false;
            }
        }
        if (stamped) {
            f.popLink(p, facts, ctr, now);
        } else {
            f.popHead(p, facts, ctr);
        }
        if ((tx & RAMP_BIT) != 0 && f.cfgFilterMin[cfg] == COUNTER_FILTER) {
            CounterFilters.count(f, rs, cfg, meta);
        }
        int out = meta & ~Wavelet.ADVANCE_AFTER;
        if ((tx & ~RAMP_BIT) != 0) {
            park(f, p, links, tx, out, Wavelet.isControl(meta) ? popped(f, rs, cfg, payload, meta) : payload);
        }
        if (ramp != 0) {
            f.pushTo(p, ramp, payload, out, now);
            f.countReceived(p);
        }
        if ((meta & (Wavelet.CONTROL | Wavelet.ADVANCE_AFTER)) != 0) {
            switched(f, p, rs, cfg, color, payload, meta);
        }
        return true;
    }

    /**
     * Parks the wavelet for each link port of {@code tx} until the commit phase, and counts the
     * hops: the payload and meta, with the push bits of the destination's facts
     * ({@link RouteLinks#PUSH_INFO}), and one more than where the destination's record lies.
     */
    private static void park(Fabric f, int p, int links, int tx, int out, int onward) {
        long[] r = f.router;
        int at = RouterWords.at(p);
        r[at + RouterWords.RR] |= (long) (tx & 0xF) << RouterWords.PARKED;
        for (int d = 0; d < 4; d++) {
            if ((tx & (1 << d)) != 0) {
                parkOn(r, at, d, RouteLinks.of(f.linkFacts, links, d), out, onward);
            }
        }
    }

    /** Parks one wavelet in the router record at {@code at} for direction d, whose link's facts are {@code link}. */
    static void parkOn(long[] r, int at, int d, long link, int out, int onward) {
        // color swap: the lowest bit of the color flips on the way out
        long sent = (link & RouteLinks.SWAP) != 0 ? out ^ 1 : out;
        r[at + RouterWords.PEND + d] = onward & 0xFFFFFFFFL | sent << 32 | link & RouteLinks.PUSH_INFO;
        int w = at + RouterWords.DEST + (d >>> 1);
        r[w] = RouterWords.withHalf(r[w], d & 1, (int) link + 1);
        int hw = at + RouterWords.HOPS + (d >>> 1);
        r[hw] = RouterWords.withHalf(r[hw], d & 1, RouterWords.half(r[hw], d & 1) + 1);
    }

    /** What a control wavelet's command, or an advance-after flag, does to the switch once the wavelet has passed. */
    private static void switched(Fabric f, int p, int rs, int cfg, int color, int payload, int meta) {
        if (Wavelet.isControl(meta)) {
            switch (Wavelet.controlOpcode(payload)) {
                case Wavelet.OP_SWITCH_ADVANCE -> advance(f, rs, cfg);
                case Wavelet.OP_SWITCH_RESET -> f.rsPos[rs] = 0;
                case Wavelet.OP_TEARDOWN -> RouteEdits.teardown(f, p, rs, cfg, color);
                default -> {
                }
            }
        }
        if ((meta & Wavelet.ADVANCE_AFTER) != 0) {
            advance(f, rs, cfg);
        }
    }

    /**
     * The payload a control wavelet carries on past this router: with its first switch
     * command popped (the next one moves up, {@link Wavelet#popCommand}) when this color's
     * pop mode says so. Pop on advance pops only a command that really moves the switch: a
     * router at its last position without ring mode stays there (the SDK's switch register:
     * "switch movements stop on the last valid setting if ring mode is 0") and passes the
     * command on, so the SDK's cholesky benchmark can advance the next PE through a sender
     * that has done advancing.
     */
    private static int popped(Fabric f, int rs, int cfg, int payload, int meta) {
        int mode = f.cfgPop[cfg];
        if (mode == ColorConfig.NO_POP || !Wavelet.isControl(meta)) {
            return payload;
        }
        if (mode == ColorConfig.POP_ON_ADVANCE && (Wavelet.controlOpcode(payload) != Wavelet.OP_SWITCH_ADVANCE
                || !advances(f, rs, cfg))) {
            return payload;
        }
        return Wavelet.popCommand(payload);
    }

    /** Whether a wavelet leaving through RAMP reaches the CE: not a ce_ignore control, and let through by the filter. */
    private static boolean admitsToCe(Fabric f, int rs, int cfg, int payload, int meta) {
        if (Wavelet.isControl(meta)) {
            return !Wavelet.controlCeIgnore(payload);
        }
        int min = f.cfgFilterMin[cfg];
        if (min < 0) {
            return min != COUNTER_FILTER || CounterFilters.passes(f, rs, cfg);
        }
        int index = Wavelet.index(payload);
        return index >= min && index <= f.cfgFilterMax[cfg];
    }

    /** Whether an advance would move this switch to another position. */
    private static boolean advances(Fabric f, int rs, int cfg) {
        int n = f.cfgPositions[cfg];
        return n > 1 && (f.cfgRing[cfg] || f.rsPos[rs] < n - 1);
    }

    private static void advance(Fabric f, int rs, int cfg) {
        int next = f.rsPos[rs] + 1;
        if (next >= f.cfgPositions[cfg]) {
            next = f.cfgRing[cfg] ? 0 : f.cfgPositions[cfg] - 1;
        }
        f.rsPos[rs] = next;
    }

    private static void countBlocked(Fabric f, int p, int ports) {
        for (int d = 0; d < 4; d++) {
            if ((ports & (1 << d)) != 0) {
                f.linkBlocked[p * 4 + d]++;
            }
        }
    }

    static int findSlot(Fabric f, int p, int color) {
        for (int rs = f.rsStart[p]; rs < f.rsStart[p + 1]; rs++) {
            if (f.rsColor[rs] == color) {
                return rs;
            }
        }
        return -1;
    }

    /**
     * A wavelet on a host color leaves for the host when a stream-out is collecting it;
     * before that, it waits on the memcpy path while the path has room.
     */
    private static int toHost(Fabric f, int p, int ch, int color) {
        int[] out = f.hostOut[p];
        if (out != null && f.hostOutColor[p] == color && f.hostOutCount[p] < out.length) {
            out[f.hostOutCount[p]++] = f.headPayload(ch);
            f.pop(p, ch);
            return MOVED | COLLECTED;
        }
        int held = f.hostPathCount[p];
        if (held >= Fabric.HOST_PATH_DEPTH || (held > 0 && f.hostPathColor[p] != color)) {
            return 0;
        }
        f.hostPath[p * Fabric.HOST_PATH_DEPTH + held] = f.headPayload(ch);
        f.hostPathCount[p] = held + 1;
        f.hostPathColor[p] = color;
        f.pop(p, ch);
        return MOVED;
    }

    /** Streaming mode: the host feeds one wavelet per cycle into the CE's queue for the stream's color. */
    private static int injectFromHost(Fabric f, int p, long cycle) {
        int[] in = f.hostIn[p];
        if (in == null || f.hostInPos[p] >= in.length) {
            return 0;
        }
        int color = f.hostInColor[p];
        int q = f.tables[f.peProgram[p]].colorQueue[color];
        int ch = f.inQueue(p, q);
        if (f.full(ch)) {
            return HOLDING;
        }
        f.push(p, ch, in[f.hostInPos[p]++], Wavelet.meta(color, false), (int) cycle);
        return MOVED | HOLDING | INJECTED;
    }

    /** Commit phase: publish what this PE consumed, push what it sent, wake the receivers. */
    static void commit(Fabric f, int p, long cycle) {
        // publish the pops of this cycle that were not stamped (ChannelRings.stamp): a link
        // buffer of capacity 1, or every buffer of a PE with more sources than its busy bits track
        long[] r = f.router;
        int at = RouterWords.at(p);
        long popped = r[at + RouterWords.POPPED];
        if (f.srcStart[p + 1] - f.srcStart[p] > 64) {
            r[at + RouterWords.POPPED] = 0;
            for (int si = f.srcStart[p], end = f.srcStart[p + 1]; si < end; si++) {
                if (f.srcPort[si] != RAMP) {
                    f.publishPops(f.srcChan[si]);
                }
            }
        } else if (popped != 0) {
            r[at + RouterWords.POPPED] = 0;
            int s0 = f.srcStart[p];
            do {
                f.publishPopsAt((int) f.srcWords[2 * (s0 + Long.numberOfTrailingZeros(popped))]);
                popped &= popped - 1;
            } while (popped != 0);
        }
        long rr = r[at + RouterWords.RR];
        int parked = (int) (rr >>> RouterWords.PARKED);
        if (parked == 0) {
            return;
        }
        // the record's second line (parked wavelets, their destinations) only when something is parked
        r[at + RouterWords.RR] = (int) rr & 0xFFFFFFFFL;
        for (int k = 0; k < 2; k++) {
            long dests = r[at + RouterWords.DEST + k];
            if (dests == 0) {
                continue;
            }
            r[at + RouterWords.DEST + k] = 0;
            for (int half = 0; half < 2; half++) {
                int record = RouterWords.half(dests, half) - 1;
                if (record >= 0) {
                    int d = 2 * k + half;
                    int q = neighbour(f, p, d);
                    long wavelet = r[at + RouterWords.PEND + d];
                    long facts = record & 0xFFFFFFFFL | wavelet & RouteLinks.PUSH_INFO;
                    f.pushTo(q, facts, (int) wavelet, (int) (wavelet >>> 32) & 0xFF, (int) cycle);
                    wake(f, q);
                }
            }
        }
    }

    /** Wavelets PE p sent onto links this cycle (parked until the commit phase). */
    static int pendingHops(Fabric f, int p) {
        return Long.bitCount(f.router[RouterWords.at(p) + RouterWords.RR] >>> RouterWords.PARKED);
    }

    static int neighbour(Fabric f, int p, int d) {
        return switch (d) {
            case 0 -> p - f.width;
            case 1 -> p + f.width;
            case 2 -> p + 1;
            default -> p - 1;
        };
    }

    /**
     * Makes sure PE p is visited next cycle. A PE still active after this cycle's compute
     * phase will be anyway ({@link Fabric#active} does not change during the commit phase),
     * which spares the atomic write on a busy fabric.
     */
    static void wake(Fabric f, int p) {
        long bit = 1L << p;
        int w = p >>> 6;
        if (((f.active[w] | f.wake[w]) & bit) == 0) {
            WAKE.getAndBitwiseOr(f.wake, w, bit);
            long wordBit = 1L << w;
            if ((f.busyWords[w >>> 6] & wordBit) == 0) {
                WAKE.getAndBitwiseOr(f.busyWords, w >>> 6, wordBit);
            }
        }
    }
}
