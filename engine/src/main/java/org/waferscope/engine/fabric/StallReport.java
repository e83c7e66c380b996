package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.TaskKind;

/**
 * Says, PE by PE, what is waiting on what: a CE stalled on an empty input or a full output,
 * a router holding wavelets it cannot forward and why, a data task blocked with data
 * waiting. Used when the engine stops on a deadlock or an exhausted cycle budget.
 */
public final class StallReport {
    private StallReport() {
    }

    public static List<String> describe(Fabric f, int maxLines) {
        List<String> lines = new ArrayList<>();
        int more = 0;
        for (int p = 0; p < f.n; p++) {
            List<String> mine = describePe(f, p);
            for (String s : mine) {
                if (lines.size() < maxLines) {
                    lines.add(s);
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            lines.add("... and " + more + " more waits");
        }
        return lines;
    }

    static List<String> describePe(Fabric f, int p) {
        List<String> out = new ArrayList<>();
        String at = "PE (" + (p % f.width) + ", " + (p / f.width) + ")";
        PeProgram prog = f.programOf(p);
        if (prog != null) {
            describeCe(f, p, prog, at, out);
        }
        describeRouter(f, p, at, out);
        return out;
    }

    private static void describeCe(Fabric f, int p, PeProgram prog, String at, List<String> out) {
        ProgramTables t = f.tables[f.peProgram[p]];
        if (f.fault[p] != null) {
            out.add(at + ": faulted: " + f.fault[p]);
        }
        if (f.pc(p) >= 0) {
            String what = switch (f.activity(p)) {
                case Activity.STALL_INPUT -> "waits for a wavelet on an empty input";
                case Activity.STALL_OUTPUT -> "waits for room in a full output queue";
                default -> "is running";
            };
            out.add(at + ": task " + f.task(p) + " at " + prog.position(f.pc(p)) + " " + what + " ("
                    + prog.disassemble(f.pc(p)).trim() + ")" + queues(f, p, t));
        }
        for (int k = 0; k < f.mtCount[p]; k++) {
            int r = f.mtBase[p] + k * Microthreads.WORDS;
            int wait = f.mtPool[r + Microthreads.WAIT];
            if (f.mtPool[r + Microthreads.STATE] != 0 && wait != 0) {
                int startPc = f.mtPool[r + Microthreads.STATE] - 1;
                out.add(at + ": microthread " + k + " (" + prog.disassemble(startPc).trim() + " from "
                        + prog.position(startPc) + ") waits for " + (wait == 1 ? "input" : "room in its output")
                        + ", " + f.mtPool[r + Microthreads.DONE] + "/" + f.mtPool[r + Microthreads.LENGTH] + " done"
                        + queues(f, p, t));
            }
        }
        for (int id = 0; id < 64; id++) {
            if (t.taskKind[id] == TaskKind.DATA && (f.blocked[p] & (1L << id)) != 0) {
                int ch = f.inQueue(p, t.taskQueue[id]);
                if (ch >= 0 && f.count(ch) > 0) {
                    out.add(at + ": data task " + id + " is blocked while " + f.count(ch)
                            + " wavelet(s) wait in input queue " + t.taskQueue[id]);
                }
            }
        }
    }

    private static String queues(Fabric f, int p, ProgramTables t) {
        StringBuilder sb = new StringBuilder();
        for (int q = 0; q < f.profile.inputQueues(); q++) {
            int ch = f.inQueue(p, q);
            if (ch >= 0) {
                sb.append(String.format("; input queue %d (color %d) holds %d/%d", q, t.queueColor[q], f.count(ch), f.capacity(ch)));
            }
        }
        for (int q = 0; q < f.profile.outputQueues(); q++) {
            int ch = f.outQueue(p, q);
            if (ch >= 0) {
                sb.append(String.format("; output queue %d holds %d/%d", q, f.count(ch), f.capacity(ch)));
            }
        }
        return sb.toString();
    }

    private static void describeRouter(Fabric f, int p, String at, List<String> out) {
        for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
            int ch = f.srcChan[si];
            if (f.count(ch) == 0) {
                continue;
            }
            int color = Wavelet.color(f.headMeta(ch));
            Direction from = Direction.values()[f.srcPort[si]];
            // a CE output queue is the router's RAMP source: name it as the queue, listed once above
            String held = from == Direction.RAMP
                    ? at + ": the " + f.count(ch) + " wavelet(s) of color " + color + " in output queue "
                            + outputQueueOf(f, p, ch) + " cannot leave"
                    : at + ": router holds " + f.count(ch) + " wavelet(s) of color " + color + " from " + from;
            int rs = from != Direction.RAMP ? RouterSources.slot(f.srcWords[2 * si + 1]) : Router.findSlot(f, p, color);
            if (color >= f.profile.colors()) {
                out.add(held + ", waiting for the host to collect its stream");
                continue;
            }
            if (rs < 0) {
                out.add(held + ", but color " + color + " has no route here");
                continue;
            }
            out.add(held + ": " + whyStuck(f, p, rs, f.srcPort[si]));
        }
    }

    private static int outputQueueOf(Fabric f, int p, int ch) {
        for (int q = 0; q < f.profile.outputQueues(); q++) {
            if (f.outQueue(p, q) == ch) {
                return q;
            }
        }
        return -1;
    }

    private static String whyStuck(Fabric f, int p, int rs, int port) {
        if (f.rsTorn[rs] != 0) {
            return "color " + f.rsColor[rs] + " is in teardown mode here (the program has not called teardown.exit)";
        }
        int cfg = f.rsConfig[rs];
        int pos = f.rsPos[rs];
        int rx = f.cfgRx[cfg * 4 + pos];
        int tx = f.cfgTx[cfg * 4 + pos];
        if ((rx & (1 << port)) == 0) {
            return "switch position " + pos + " accepts only " + Direction.maskToString(rx);
        }
        List<String> full = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            long dest = f.link(rs, d);
            if ((tx & (1 << d)) != 0 && dest != 0 && f.roomOf(dest) <= 0) {
                int q = Router.neighbour(f, p, d);
                full.add(Direction.LINKS[d] + " to PE (" + (q % f.width) + ", " + (q / f.width) + ") is full");
            }
        }
        if ((tx & Direction.RAMP.bit()) != 0 && f.peProgram[p] >= 0) {
            int q = f.tables[f.peProgram[p]].colorQueue[f.rsColor[rs]];
            int ch = f.inQueue(p, q);
            if (ch >= 0 && f.full(ch)) {
                full.add("RAMP to this CE's input queue " + q + " is full");
            }
        }
        return full.isEmpty() ? "waiting to be sent " + Direction.maskToString(tx) : String.join(", ", full);
    }
}
