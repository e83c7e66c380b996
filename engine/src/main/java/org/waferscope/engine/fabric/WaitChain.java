package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.TaskKind;

/**
 * "Why is it stuck?": for every PE whose CE is stalled, what it waits for and which PE
 * should provide it. A CE stalled on input waits for a wavelet on one of its empty input
 * queues; the route of that color is followed back, switch position by switch position,
 * to the PE whose CE puts it on the fabric. A CE stalled on output waits for room: the
 * route of the wavelet at the head of its full output queue is followed forward to the
 * PE whose full input queue (or buffer) holds it up. Between cycles only.
 */
public final class WaitChain {
    private WaitChain() {
    }

    public static List<WaitLink> of(Fabric f, int max) {
        List<WaitLink> out = new ArrayList<>();
        for (int p = 0; p < f.n && out.size() < max; p++) {
            if (f.peProgram[p] < 0 || f.fault[p] != null) {
                continue;
            }
            byte a = f.activity(p);
            if (a == Activity.STALL_INPUT) {
                waitsForInput(f, p, out);
            } else if (a == Activity.STALL_OUTPUT) {
                waitsForRoom(f, p, out);
            }
        }
        return out;
    }

    /**
     * PEs holding wavelets in front of a data task they keep blocked: at a deadlock whatever
     * feeds that queue (the host's stream, a sender) waits behind it, though the PE itself is
     * idle, not stalled (gemv-streaming with its two streams swapped). Between cycles only.
     */
    public static List<WaitLink> blockedWithWaveletsWaiting(Fabric f, int max) {
        List<WaitLink> out = new ArrayList<>();
        for (int p = 0; p < f.n && out.size() < max; p++) {
            if (f.peProgram[p] < 0 || f.blocked[p] == 0) {
                continue;
            }
            ProgramTables t = f.tables[f.peProgram[p]];
            for (int id = 0; id < 64 && out.size() < max; id++) {
                int ch = t.taskKind[id] == TaskKind.DATA && (f.blocked[p] & (1L << id)) != 0
                        ? f.inQueue(p, t.taskQueue[id]) : -1;
                if (ch >= 0 && f.count(ch) > 0) {
                    out.add(link(f, p, "its data task " + id + " to be unblocked (" + f.count(ch)
                            + " wavelet(s) wait in input queue " + t.taskQueue[id] + ")", -1, ""));
                }
            }
        }
        return out;
    }

    private static void waitsForInput(Fabric f, int p, List<WaitLink> out) {
        ProgramTables t = f.tables[f.peProgram[p]];
        // an idle CE waits only through its async receives: on their colors, not on every empty queue
        List<Integer> awaited = f.pc(p) < 0 ? AwaitedInputs.colors(f, p) : null;
        for (int q = 0; q < f.profile.inputQueues(); q++) {
            int ch = f.inQueue(p, q);
            int color = t.queueColor[q];
            if (ch < 0 || color < 0 || f.count(ch) > 0 || awaited != null && !awaited.contains(color)) {
                continue;
            }
            int from = sender(f, p, color);
            out.add(link(f, p, "a wavelet of color " + color + " (input queue " + q + " is empty)", from,
                    from < 0 ? "" : "should send it"));
        }
    }

    private static void waitsForRoom(Fabric f, int p, List<WaitLink> out) {
        for (int q = 0; q < f.profile.outputQueues(); q++) {
            int ch = f.outQueue(p, q);
            if (ch < 0 || !f.full(ch)) {
                continue;
            }
            int color = Wavelet.color(f.headMeta(ch));
            int[] end = blocker(f, p, color);
            out.add(link(f, p, "room in output queue " + q + " (color " + color + ", full)", end[0],
                    end[0] < 0 ? "" : end[1] >= 0 ? "should take wavelets from its full input queue " + end[1]
                            : "holds them in a full router buffer"));
        }
    }

    /** The PE whose CE sends {@code color} towards p, following rx masks back; -1 if none is found. */
    static int sender(Fabric f, int p, int color) {
        int at = p;
        for (int hops = 0; hops <= f.width + f.height; hops++) {
            int rs = Router.findSlot(f, at, color);
            if (rs < 0) {
                return -1;
            }
            int rx = rxNow(f, rs);
            if (at != p && (rx & Direction.RAMP.bit()) != 0) {
                return at;
            }
            int next = -1;
            for (int d = 0; d < 4 && next < 0; d++) {
                if ((rx & (1 << d)) != 0 && inside(f, at, d)) {
                    next = Router.neighbour(f, at, d);
                }
            }
            if (next < 0) {
                return at != p && (rx & Direction.RAMP.bit()) != 0 ? at : -1;
            }
            at = next;
        }
        return -1;
    }

    /** Where wavelets of {@code color} leaving p stop: {PE, its full input queue or -1}; {-1, -1} if nowhere. */
    static int[] blocker(Fabric f, int p, int color) {
        int at = p;
        for (int hops = 0; hops <= f.width + f.height; hops++) {
            int rs = Router.findSlot(f, at, color);
            if (rs < 0) {
                return new int[] {-1, -1};
            }
            int tx = txNow(f, rs);
            if (at != p && (tx & Direction.RAMP.bit()) != 0 && f.peProgram[at] >= 0) {
                int q = f.tables[f.peProgram[at]].colorQueue[color];
                int ch = q < 0 ? -1 : f.inQueue(at, q);
                if (ch >= 0 && f.full(ch)) {
                    return new int[] {at, q};
                }
            }
            int next = -1;
            for (int d = 0; d < 4 && next < 0; d++) {
                long dest = f.link(rs, d);
                if ((tx & (1 << d)) != 0 && dest != 0 && inside(f, at, d)) {
                    next = Router.neighbour(f, at, d);
                    if (f.fullOf(dest) && hops > 0) {
                        return new int[] {next, -1};
                    }
                }
            }
            if (next < 0) {
                return new int[] {at == p ? -1 : at, -1};
            }
            at = next;
        }
        return new int[] {-1, -1};
    }

    private static int rxNow(Fabric f, int rs) {
        return f.cfgRx[f.rsConfig[rs] * 4 + f.rsPos[rs]];
    }

    private static int txNow(Fabric f, int rs) {
        return f.cfgTx[f.rsConfig[rs] * 4 + f.rsPos[rs]];
    }

    private static boolean inside(Fabric f, int p, int d) {
        int x = p % f.width;
        int y = p / f.width;
        return switch (d) {
            case 0 -> y > 0;
            case 1 -> y < f.height - 1;
            case 2 -> x < f.width - 1;
            default -> x > 0;
        };
    }

    private static WaitLink link(Fabric f, int p, String what, int from, String fromText) {
        return new WaitLink(p % f.width, p / f.width, what, from < 0 ? -1 : from % f.width, from < 0 ? -1 : from / f.width,
                fromText);
    }
}
