package org.waferscope.engine.fabric;

import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.TaskDecl;

/**
 * Reads one PE's counters and running task between cycles, for the per-PE timelines and
 * the trace (which replay a run and read these after every cycle). Read-only.
 */
public final class PeProbe {
    private PeProbe() {
    }

    /** Cumulative cycles by class, as the inspector's counters count them. */
    public static long computeCycles(Fabric f, int p) {
        return f.cntCompute[p];
    }

    public static long fabricCycles(Fabric f, int p) {
        return f.cntFabric[p];
    }

    public static long stallInCycles(Fabric f, int p) {
        return f.cntStallIn[p];
    }

    public static long stallOutCycles(Fabric f, int p) {
        return f.cntStallOut[p];
    }

    /** Wavelets PE p has sent across its link in direction d (N, S, E, W) since load, modulo 2^32. */
    public static int linkOut(Fabric f, int p, int d) {
        return f.linkHops[p * 4 + d];
    }

    /** Tasks started on PE p since load. */
    public static int tasksStarted(Fabric f, int p) {
        return f.tasksRun[p];
    }

    /** The task running on PE p (its id), or -1 when the CE runs none. */
    public static int runningTask(Fabric f, int p) {
        return f.pc[p] >= 0 || f.busy[p] > 0 ? f.task[p] : -1;
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
        FunctionInfo fn = f.pc[p] >= 0 ? prog.functionAt(f.pc[p]) : null;
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
