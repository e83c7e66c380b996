package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;

/**
 * Read-only questions about one PE between cycles, for breakpoints and the inspector:
 * what line its CE is on, which task runs, whether a wavelet just arrived, whether a
 * queue is full. Never called during a cycle.
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
        int pc = f.pc[p];
        if (pc < 0 || f.peProgram[p] < 0) {
            return -1;
        }
        return f.busy[p] > 0 && pc > 0 ? pc - 1 : pc;
    }

    /** The source line of {@link #currentPc}, or null. */
    public static SourcePos currentLine(Fabric f, int p) {
        int pc = currentPc(f, p);
        return pc < 0 ? null : f.programs[f.peProgram[p]].position(pc);
    }

    /** The instruction the CE will execute next (its program counter), or -1. */
    public static int nextPc(Fabric f, int p) {
        return f.peProgram[p] < 0 ? -1 : f.pc[p];
    }

    /** The running task's id, or -1 when none runs. */
    public static int runningTask(Fabric f, int p) {
        return f.pc[p] >= 0 ? f.task[p] : -1;
    }

    /** Tasks started on this PE since load. */
    public static int tasksRun(Fabric f, int p) {
        return f.tasksRun[p];
    }

    /** Whether a wavelet of {@code color} entered this PE's router from a link in the last cycle run. */
    public static boolean waveletArrived(Fabric f, int p, int color) {
        int last = (int) f.cycle - 1;
        for (int si = f.srcStart[p]; si < f.srcStart[p + 1]; si++) {
            int ch = f.srcChan[si];
            if (f.srcPort[si] == Direction.RAMP.ordinal() || f.chLastPush[ch] != last || f.count(ch) == 0) {
                continue;
            }
            int newest = f.slotAt(ch, f.count(ch) - 1);
            if (Wavelet.color(f.metaAt(newest)) == color) {
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
}
