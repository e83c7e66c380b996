package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.TaskDecl;

/**
 * Read-only questions about one PE between cycles, for breakpoints and the inspector:
 * what line its CE is on, which task runs, whether a wavelet just arrived, whether a
 * queue is full; and its counters and running task, for the per-PE timelines and the trace
 * (which replay a run and read these after every cycle). Never called during a cycle.
 */
public final class PeProbe {
    private PeProbe() {
    }

    /**
     * The instruction the CE executes or is stalled on, or -1 when no task runs. During a
     * multi-cycle vector op the program counter has already moved past the op, which is
     * still what the CE is doing.
     */
    public static int currentPc(Fabric f, int p) {
        int pc = f.pc(p);
        if (pc < 0 || f.peProgram[p] < 0) {
            return -1;
        }
        return f.busy(p) > 0 && pc > 0 ? pc - 1 : pc;
    }

    /** The source line of {@link #currentPc}, or null. */
    public static SourcePos currentLine(Fabric f, int p) {
        int pc = currentPc(f, p);
        return pc < 0 ? null : f.programs[f.peProgram[p]].position(pc);
    }

    /** The instruction the CE will execute next (its program counter), or -1. */
    public static int nextPc(Fabric f, int p) {
        return f.peProgram[p] < 0 ? -1 : f.pc(p);
    }

    /** The task running on PE p (its id), or -1 when the CE runs none. */
    public static int runningTask(Fabric f, int p) {
        return f.pc(p) >= 0 || f.busy(p) > 0 ? f.task(p) : -1;
    }

    /** Tasks started on PE p since load. */
    public static int tasksStarted(Fabric f, int p) {
        return f.tasksRun(p);
    }

    /** Whether a wavelet of {@code color} entered this PE's router from a link in the last cycle run. */
    public static boolean waveletArrived(Fabric f, int p, int color) {
        int last = (int) f.cycle - 1;
        for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
            int ch = f.srcChan[si];
            if (f.srcPort[si] == Direction.RAMP.ordinal() || f.lastPush(ch) != last || f.count(ch) == 0) {
                continue;
            }
            if (Wavelet.color(f.metaAt(ch, f.count(ch) - 1)) == color) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the CE's input or output queues is full. */
    public static boolean anyQueueFull(Fabric f, int p) {
        if (f.qBase[p] < 0) {
            return false;
        }
        for (int q = 0; q < f.profile.inputQueues(); q++) {
            int ch = f.inQueue(p, q);
            if (ch >= 0 && f.full(ch)) {
                return true;
            }
        }
        for (int q = 0; q < f.profile.outputQueues(); q++) {
            int ch = f.outQueue(p, q);
            if (ch >= 0 && f.full(ch)) {
                return true;
            }
        }
        return false;
    }

    /** The program on this PE, or null. */
    public static PeProgram program(Fabric f, int p) {
        return f.programOf(p);
    }

    /** Cumulative cycles by class, as the inspector's counters count them. */
    public static long computeCycles(Fabric f, int p) {
        return f.cntCompute(p);
    }

    public static long fabricCycles(Fabric f, int p) {
        return f.cntFabric(p);
    }

    public static long stallInCycles(Fabric f, int p) {
        return f.cntStallIn(p);
    }

    public static long stallOutCycles(Fabric f, int p) {
        return f.cntStallOut(p);
    }

    /** Wavelets PE p has sent across its link in direction d (N, S, E, W) since load, modulo 2^32. */
    public static int linkOut(Fabric f, int p, int d) {
        return f.linkHops(p, d);
    }

    /** A name for the task running on PE p: its declared task's function, else the function it is in. */
    public static String taskName(Fabric f, int p) {
        PeProgram prog = f.programOf(p);
        int id = runningTask(f, p);
        if (prog == null || id < 0) {
            return "";
        }
        TaskDecl d = prog.task(id).orElse(null);
        if (d != null) {
            return prog.functions().get(d.function()).name();
        }
        FunctionInfo fn = f.pc(p) >= 0 ? prog.functionAt(f.pc(p)) : null;
        return fn != null ? fn.name() : "task " + id;
    }

    /** The PE's neighbour in direction d (N, S, E, W), or -1 at the fabric's edge. */
    public static int neighbour(Fabric f, int p, int d) {
        int x = p % f.width;
        int y = p / f.width;
        return switch (d) {
            case 0 -> y > 0 ? p - f.width : -1;
            case 1 -> y + 1 < f.height ? p + f.width : -1;
            case 2 -> x + 1 < f.width ? p + 1 : -1;
            default -> x > 0 ? p - 1 : -1;
        };
    }
}
