package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waferscope.engine.api.BreakCondition;
import org.waferscope.engine.api.BreakHit;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.PeProbe;
import org.waferscope.engine.fabric.Sram;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * Decides, between steps, whether a breakpoint fired. Line breakpoints fire once per
 * arrival: the fabric stops the stepper after every cycle a PE sits on a breakpoint line,
 * and a PE seen on the same line at the previous cycle is still there, not arriving.
 * Wavelet, symbol, queue and host-step breakpoints need a look after every cycle, so
 * while one is set the simulator steps one cycle at a time. Observations are kept whether
 * or not anything fires, so that continuing after a hit runs past it.
 *
 * <p>A hit count ({@code hit N}) counts arrivals in a {@link HitLog}. A watch made after a
 * step back or a change of the breakpoints takes over the logs of the breakpoints it shares
 * with the one before, cut at the wafer's cycle: the count is then what a run from cycle 0
 * would have counted, and since arrival is a matter of where each PE is at this cycle and the
 * previous one, taking in the wafer as it is carries on the arrivals exactly. A breakpoint
 * new to the list (or changed, or one the wafer went back to before it was set) counts from
 * the cycle it is taken in, the PEs then sitting on its line included.
 *
 * <p>Threads: the simulation thread only.
 */
final class BreakWatch {
    private final Wafer wafer;
    private final Fabric f;
    private final List<Breakpoint> all;
    private final List<String> warnings = new ArrayList<>();
    private final BreakCondition[] conditions;
    /** One per line breakpoint with a hit count, null for the rest. */
    private final HitLog[] logs;
    private final List<String> lineKeys = new ArrayList<>();
    private final int[] seenCycle;
    private final int[] seenKey;
    private final int[] runs;
    private final boolean[] wasFull;
    private final byte[][][] symbolBefore;
    /**
     * Per symbol breakpoint, each PE's instruction before the last cycle: a write shows only
     * after the cycle, when the CE has moved on to the next instruction, so the store is this one.
     */
    private final int[][] pcBefore;
    private int hostBefore;
    /** Breakpoints that can never fire in this program ({@link BreakTargets}). */
    private final boolean[] dead;
    private final boolean perCycle;
    private final boolean tasks;

    BreakWatch(Wafer wafer, List<Breakpoint> breakpoints) {
        this(wafer, breakpoints, null);
    }

    /**
     * A watch over {@code wafer} as it is now (after a step back, a reset or a change of the
     * breakpoints), keeping the hit counts {@code before} (null for none) kept for the same
     * breakpoints up to this cycle. {@code before} is not to be used afterwards.
     */
    BreakWatch(Wafer wafer, List<Breakpoint> breakpoints, BreakWatch before) {
        this.wafer = wafer;
        this.f = wafer.fabric();
        this.all = List.copyOf(breakpoints);
        this.conditions = new BreakCondition[all.size()];
        this.logs = logs(all, before, wafer.cycle());
        this.symbolBefore = new byte[all.size()][][];
        this.pcBefore = new int[all.size()][];
        boolean cycleLook = false;
        boolean taskLook = false;
        boolean queues = false;
        BreakTargets targets = new BreakTargets(f, wafer.program().steps().size());
        this.dead = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Breakpoint b = all.get(i);
            String problem = targets.problem(b);
            if (problem != null) {
                // kept in the list (the user may mend it), but it costs nothing: no per-cycle look for it
                warnings.add("breakpoint " + b.describe() + " can never stop: " + problem);
                dead[i] = true;
                continue;
            }
            if (b instanceof Breakpoint.Line l) {
                String key = l.file() + ":" + l.line();
                if (!lineKeys.contains(key)) {
                    lineKeys.add(key);
                }
                conditions[i] = condition(b, l.condition(), null);
            } else if (b instanceof Breakpoint.TaskStart) {
                taskLook = true;
            } else if (b instanceof Breakpoint.SymbolWritten s) {
                cycleLook = true;
                conditions[i] = condition(b, s.condition(), s.symbol());
                symbolBefore[i] = new byte[f.n][];
                pcBefore[i] = new int[f.n];
                Arrays.fill(pcBefore[i], -1);
            } else if (b instanceof Breakpoint.QueueFull) {
                cycleLook = true;
                queues = true;
            } else if (!(b instanceof Breakpoint.AtCycle)) {
                cycleLook = true; // a wavelet arriving, a host step
            }
        }
        this.perCycle = cycleLook;
        this.tasks = taskLook;
        this.seenCycle = lineKeys.isEmpty() ? null : new int[f.n];
        this.seenKey = lineKeys.isEmpty() ? null : new int[f.n];
        this.runs = taskLook ? new int[f.n] : null;
        this.wasFull = queues ? new boolean[f.n] : null;
        wafer.setBreakpoints(lineKeys.isEmpty() ? null : Breakpoints.tables(f, lineKeys));
        observe();
        if (wafer.cycle() == 0) {
            atLoad();
        }
    }

    /**
     * At cycle 0 the host has already reached the step it starts on (its leading copies are done
     * as the program loads, and a launch is carried out at cycle 0): a breakpoint on that step
     * fires at the first look after cycle 0. Steps done before it took no cycle and cannot stop
     * a run; the console says so.
     */
    private void atLoad() {
        int startsOn = wafer.hostStepIndex();
        hostBefore = startsOn - 1;
        for (int i = 0; i < all.size(); i++) {
            if (!dead[i] && all.get(i) instanceof Breakpoint.HostStep h && h.step() - 1 < startsOn) {
                warnings.add("breakpoint " + h.describe() + " never stops a run: the host does step " + h.step()
                        + " (" + wafer.hostStepText(h.step() - 1) + ") as the program loads, before cycle 0; "
                        + "host-step:" + (startsOn + 1) + " is the first that can stop");
            }
        }
    }

    /**
     * The hit logs of the counted line breakpoints: {@code before}'s for an equal breakpoint
     * that it started counting before {@code now}, cut at {@code now}; a fresh one otherwise.
     */
    private static HitLog[] logs(List<Breakpoint> all, BreakWatch before, long now) {
        HitLog[] out = new HitLog[all.size()];
        boolean[] taken = before == null ? null : new boolean[before.all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i) instanceof Breakpoint.Line l) || l.hitCount() <= 0) {
                continue;
            }
            out[i] = new HitLog(now, l.hitCount());
            for (int j = 0; before != null && j < before.all.size(); j++) {
                HitLog old = before.logs[j];
                if (!taken[j] && old != null && old.since() < now && before.all.get(j).equals(l)) {
                    taken[j] = true;
                    old.cutAfter(now);
                    out[i] = old;
                    break;
                }
            }
        }
        return out;
    }

    private BreakCondition condition(Breakpoint b, String text, String symbol) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BreakCondition.parse(text, symbol);
        } catch (IllegalArgumentException e) {
            warnings.add("breakpoint " + b.describe() + ": " + e.getMessage() + "; it stops without the condition");
            return null;
        }
    }

    /** Problems found when the breakpoints were set, for the console. */
    List<String> warnings() {
        return warnings;
    }

    boolean lineStops() {
        return seenCycle != null;
    }

    boolean taskStops() {
        return tasks;
    }

    /** How many cycles the next step may run: one while a breakpoint needs a look after every cycle. */
    long chunk(long wanted) {
        long n = perCycle ? 1 : wanted;
        for (Breakpoint b : all) {
            if (b instanceof Breakpoint.AtCycle c && c.cycle() > wafer.cycle()) {
                n = Math.min(n, c.cycle() - wafer.cycle());
            }
        }
        return Math.max(1, n);
    }

    /** Whether a cycle breakpoint stops the run at {@code cycle}. */
    boolean stopsAt(long cycle) {
        for (Breakpoint b : all) {
            if (b instanceof Breakpoint.AtCycle c && c.cycle() == cycle) {
                return true;
            }
        }
        return false;
    }

    /** Takes in the wafer as it is now without firing (after setting breakpoints, a step back or a reset). */
    private void observe() {
        if (seenCycle != null) {
            Arrays.fill(seenCycle, -2);
        }
        check(false);
    }

    /** After a step: the first breakpoint that fired, or null. */
    BreakHit check() {
        return check(true);
    }

    private BreakHit check(boolean fire) {
        BreakHit first = null;
        int now = (int) wafer.cycle();
        List<Integer> arrived = seenCycle == null ? List.of() : arrivals(now);
        BreakHit host = hostSteps();
        for (int i = 0; i < all.size(); i++) {
            Breakpoint b = all.get(i);
            BreakHit h = null;
            if (dead[i]) {
                continue;
            } else if (b instanceof Breakpoint.Line l) {
                h = line(i, l, arrived, fire);
            } else if (b instanceof Breakpoint.SymbolWritten s) {
                h = symbol(i, s, fire);
            } else if (b instanceof Breakpoint.WaveletArrives w && fire) {
                h = wavelet(w);
            } else if (b instanceof Breakpoint.HostStep) {
                h = host != null && host.breakpoint() == b ? host : null;
            } else if (b instanceof Breakpoint.AtCycle c && c.cycle() == wafer.cycle()) {
                h = hit(c, -1, "reached cycle " + c.cycle());
            }
            if (first == null && fire) {
                first = h;
            }
        }
        BreakHit t = taskStarts(fire);
        first = first == null ? t : first;
        BreakHit q = queuesFull(fire);
        first = first == null ? q : first;
        hostBefore = wafer.hostStepIndex();
        return fire ? first : null;
    }

    /** PEs that are on a breakpoint line now and were not on it at the previous cycle. */
    private List<Integer> arrivals(int now) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < f.n; p++) {
            SourcePos pos = PeProbe.currentLine(f, p);
            int key = pos == null ? -1 : lineKeys.indexOf(pos.file() + ":" + pos.line());
            if (key < 0) {
                seenCycle[p] = -2;
                continue;
            }
            boolean stayed = seenCycle[p] == now - 1 && seenKey[p] == key;
            seenCycle[p] = now;
            seenKey[p] = key;
            if (!stayed) {
                out.add(p);
            }
        }
        return out;
    }

    private BreakHit line(int i, Breakpoint.Line l, List<Integer> arrived, boolean fire) {
        HitLog log = logs[i];
        if (!fire && (log == null || log.since() < wafer.cycle())) {
            return null; // a log kept from before has this cycle's arrivals already
        }
        List<Integer> mine = new ArrayList<>();
        for (int p : arrived) {
            SourcePos pos = PeProbe.currentLine(f, p);
            if (pos.line() == l.line() && pos.file().equals(l.file()) && on(l, p) && meets(conditions[i], p)) {
                mine.add(p);
            }
        }
        if (mine.isEmpty()) {
            return null;
        }
        if (log != null) {
            long earlier = log.total();
            log.add(wafer.cycle(), mine.size());
            if (log.total() < l.hitCount() || earlier >= l.hitCount()) {
                return null;
            }
        }
        int p = mine.get(0);
        return hit(l, p, pe(p) + " arrived at line " + l.line() + (mine.size() > 1 ? " (and " + (mine.size() - 1)
                + " more PEs)" : "") + (l.hitCount() > 0 ? ", hit " + l.hitCount() : ""));
    }

    private BreakHit taskStarts(boolean fire) {
        if (runs == null) {
            return null;
        }
        BreakHit first = null;
        for (int p = 0; p < f.n; p++) {
            int r = PeProbe.tasksStarted(f, p);
            if (r != runs[p] && fire && first == null) {
                int task = PeProbe.runningTask(f, p);
                for (Breakpoint b : all) {
                    if (b instanceof Breakpoint.TaskStart t && on(t, p) && (t.task() < 0 || t.task() == task)) {
                        first = hit(t, p, pe(p) + " started task " + task);
                        break;
                    }
                }
            }
            runs[p] = r;
        }
        return first;
    }

    private BreakHit queuesFull(boolean fire) {
        if (wasFull == null) {
            return null;
        }
        BreakHit first = null;
        for (int p = 0; p < f.n; p++) {
            boolean full = PeProbe.anyQueueFull(f, p);
            if (full && !wasFull[p] && fire && first == null) {
                for (Breakpoint b : all) {
                    if (b instanceof Breakpoint.QueueFull q && on(q, p)) {
                        first = hit(q, p, "a queue of " + pe(p) + " is full");
                        break;
                    }
                }
            }
            wasFull[p] = full;
        }
        return first;
    }

    private BreakHit wavelet(Breakpoint.WaveletArrives w) {
        for (int p = 0; p < f.n; p++) {
            if (on(w, p) && PeProbe.waveletArrived(f, p, w.color())) {
                return hit(w, p, "a wavelet of color " + w.color() + " arrived at " + pe(p));
            }
        }
        return null;
    }

    private BreakHit symbol(int i, Breakpoint.SymbolWritten s, boolean fire) {
        BreakHit first = null;
        byte[][] before = symbolBefore[i];
        int[] pcs = pcBefore[i];
        for (int p = 0; p < f.n; p++) {
            PeProgram prog = PeProbe.program(f, p);
            Symbol sym = prog == null || !on(s, p) ? null : prog.symbol(s.symbol()).orElse(null);
            if (sym == null) {
                continue;
            }
            byte[] now = Arrays.copyOfRange(f.sramOf(p), sym.address(), sym.address() + sym.bytes());
            int changed = before[p] == null ? -1 : Arrays.mismatch(before[p], now);
            if (changed >= 0 && fire && first == null && meets(conditions[i], p)) {
                first = written(s, p, prog, sym, before[p], now, pcs[p]);
            }
            before[p] = now;
            pcs[p] = PeProbe.currentPc(f, p);
        }
        return first;
    }

    /** The hit of a write: the first element that changed, and the line of the store (the CE's line before the cycle). */
    private BreakHit written(Breakpoint.SymbolWritten s, int p, PeProgram prog, Symbol sym, byte[] was, byte[] now,
            int pc) {
        int size = sym.type().bytes;
        int firstByte = Arrays.mismatch(was, now);
        int element = firstByte / size;
        int more = 0;
        for (int e = element + 1; e < sym.length(); e++) {
            if (!Arrays.equals(was, e * size, (e + 1) * size, now, e * size, (e + 1) * size)) {
                more++;
            }
        }
        String name = s.symbol() + (sym.length() > 1 ? "[" + element + "]" : "");
        String detail = pe(p) + " wrote " + name + " (now " + name + " = " + format(element(p, sym, element))
                + (more > 0 ? ", and " + more + " more element" + (more > 1 ? "s" : "") : "") + ")";
        return hit(s, p, pc < 0 ? null : prog.position(pc), detail);
    }

    /**
     * The host-step breakpoints the host reached since the last look, as one hit: the host can
     * do several steps in one cycle (copies out and a check, once the PEs release it), and
     * each breakpoint on them is named, not only the first. The hit is the first one's.
     */
    private BreakHit hostSteps() {
        int now = wafer.hostStepIndex();
        List<Breakpoint.HostStep> reached = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!dead[i] && all.get(i) instanceof Breakpoint.HostStep h && hostBefore < h.step() - 1
                    && now >= h.step() - 1 && !steps.contains(h.step())) {
                reached.add(h);
                steps.add(h.step());
            }
        }
        if (reached.isEmpty()) {
            return null;
        }
        List<String> each = new ArrayList<>();
        for (Breakpoint.HostStep h : reached) {
            each.add(h.step() + " (" + wafer.hostStepText(h.step() - 1) + ")");
        }
        String names = String.join(", ", reached.stream().map(Breakpoint::describe).toList());
        return reached.size() == 1
                ? hit(reached.get(0), -1, "the host reached step " + steps.get(0) + ": "
                        + wafer.hostStepText(steps.get(0) - 1))
                : new BreakHit(reached.get(0), null, null, wafer.cycle(), "breakpoints " + names
                        + ": the host reached steps " + String.join(", ", each) + " in one cycle");
    }

    private boolean on(Breakpoint b, int p) {
        return b.pe() == null || f.pe(b.pe().x(), b.pe().y()) == p;
    }

    private boolean meets(BreakCondition c, int p) {
        if (c == null) {
            return true;
        }
        PeProgram prog = PeProbe.program(f, p);
        Symbol sym = prog == null ? null : prog.symbol(c.symbol()).orElse(null);
        if (sym == null || c.index() >= sym.length()) {
            return false;
        }
        return c.test(element(p, sym, c.index()));
    }

    private double element(int p, Symbol sym, int index) {
        int bits = Sram.read(f.sramOf(p), sym.address() + index * sym.type().bytes, sym.type());
        if (sym.type().isFloat) {
            return Float.intBitsToFloat(bits);
        }
        return sym.type().signed ? bits : Integer.toUnsignedLong(bits);
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private String pe(int p) {
        return "PE (" + p % f.width + ", " + p / f.width + ")";
    }

    private BreakHit hit(Breakpoint b, int p, String detail) {
        return hit(b, p, p < 0 ? null : PeProbe.currentLine(f, p), detail);
    }

    private BreakHit hit(Breakpoint b, int p, SourcePos pos, String detail) {
        Breakpoint.Pe where = p < 0 ? null : new Breakpoint.Pe(p % f.width, p / f.width);
        // a line breakpoint's text names its line already; the others add where the PE is
        boolean named = pos == null || b instanceof Breakpoint.Line;
        return new BreakHit(b, where, pos, wafer.cycle(), "breakpoint " + b.describe() + ": " + detail
                + (named ? "" : " (" + pos.file() + ":" + pos.line() + ")"));
    }
}
