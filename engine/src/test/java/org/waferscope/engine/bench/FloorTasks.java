package org.waferscope.engine.bench;

import static org.waferscope.engine.bench.ModelFloor.COMPUTE;
import static org.waferscope.engine.bench.ModelFloor.COMPUTED;
import static org.waferscope.engine.bench.ModelFloor.DIR_COUNT;
import static org.waferscope.engine.bench.ModelFloor.FABRIC;
import static org.waferscope.engine.bench.ModelFloor.FABRICKED;
import static org.waferscope.engine.bench.ModelFloor.PC;
import static org.waferscope.engine.bench.ModelFloor.PRELUDE;
import static org.waferscope.engine.bench.ModelFloor.STALLED_IN;
import static org.waferscope.engine.bench.ModelFloor.STALLED_OUT;
import static org.waferscope.engine.bench.ModelFloor.STALL_IN;
import static org.waferscope.engine.bench.ModelFloor.STALL_OUT;
import static org.waferscope.engine.bench.ModelFloor.STRIDE;

import org.waferscope.engine.fabric.Activity;
import org.waferscope.engine.fabric.Sram;
import org.waferscope.engine.ir.DsdOperand;

/**
 * A {@link ModelFloor} feature ({@link FloorFeature#TASKS}): what {@code ComputeEngine.step}
 * does around the CE's instruction. Per PE the engine's flags word (running task, the id the
 * picker started last, the cycle's activity, status bits, wavelets sent) and its counts word
 * (tasks started); each cycle the status bits read for a fault and for microthreads, the
 * step inside the fault guard, the activity written into the flags word, and on a stall the
 * engine's accounting ({@code account}: the flags word read again, the counter chosen by the
 * activity's table, the result bits); each send counted in the flags word and its word's
 * {@code heldChange}; each vector op that completes has its options read for a task to
 * activate or unblock ({@code complete}); and at the task's start the picker: control
 * wavelets looked for in every input queue, the ready tasks (activated, data tasks with a
 * wavelet, the launch), round-robin from the last picked, and the task's frame written.
 */
final class FloorTasks {
    /** The flags word's bytes (running task, last picked, activity, status) at these bits, as the engine's. */
    private static final int TASK = 0;
    private static final int PICKED = TASK + 8;
    private static final int ACTIVITY = PICKED + 8;
    /** Its status bits: the program has microthreads; the PE has faulted. */
    private static final long HAS_MICROTHREADS = 1L << ACTIVITY + 8;
    private static final long FAULTED = HAS_MICROTHREADS << 1;
    /** The task id the host's launch runs under ({@code PeProgram.LAUNCH_TASK}). */
    private static final int LAUNCH_TASK = 30;
    /** Per kernel activity code ({@link ModelFloor#COMPUTED} ..), the engine's {@link Activity}, 4 bits each. */
    private static final int ACTIVITY_OF = Activity.COMPUTE | Activity.FABRIC << 4 | Activity.STALL_INPUT << 8
            | Activity.STALL_OUTPUT << 12;
    /** Per {@link Activity}, the kernel's counter a cycle of it adds to, 4 bits each, as {@code CoreRecords.COUNTER_OF}. */
    private static final long COUNTER_OF = COMPUTE | (long) COMPUTE << 4 | (long) FABRIC << 8
            | (long) STALL_IN << 12 | (long) STALL_OUT << 16 | (long) FABRIC << 20 | (long) COMPUTE << 24;
    private static final int COUNTED = 1 << Activity.COMPUTE | 1 << Activity.FABRIC | 1 << Activity.STALL_INPUT
            | 1 << Activity.STALL_OUTPUT | 1 << Activity.MICROTHREADS;

    /** Per PE: the flags word, then the counts word (tasks started in 32..63). */
    final long[] words;
    final long[] activated;
    final long[] blocked;
    /** Per PE, the function the host launched and no task has started yet, or -1. */
    final int[] launchFn;
    /** Per word of 64 PEs, the changes to what routers and queues hold ({@code Fabric.heldChange}). */
    final int[] heldChange;
    /** Per PE, runs of its one task ({@code Fabric.taskRuns}). */
    final int[] taskRuns;
    /** Input queues the picker looks at, the exchange's. */
    private static final int INPUT_QUEUES = 4;

    FloorTasks(int pes) {
        words = new long[2 * pes];
        activated = new long[pes];
        blocked = new long[pes];
        launchFn = new int[pes];
        heldChange = new int[(pes + 63) >>> 6];
        taskRuns = new int[pes];
        for (int p = 0; p < pes; p++) {
            words[2 * p] = 0xFFL << TASK | 0xFFL << PICKED;
            launchFn[p] = 0;   // launch("start") at cycle 0
        }
    }

    /** The CE's cycle of the PE whose record is at {@code at}: {@code ce}'s step inside the engine's. */
    int step(ModelFloor f, int at, int t) {
        int p = at / STRIDE;
        long flags = words[2 * p];
        if ((flags & FAULTED) != 0) {
            words[2 * p] = withActivity(flags, Activity.FAULTED);
            return STALLED_IN;
        }
        try {
            int mt = (flags & HAS_MICROTHREADS) != 0 ? 1 : 0;   // the exchange has none
            int[] c = f.ce;
            if (c[at + PC] == -(PRELUDE + 2 * c[at + DIR_COUNT])) {
                pick(f, p);
            }
            int a = f.ceStep(at, t);
            int activity = ACTIVITY_OF >>> (a << 2) & 0xF;
            if (mt == 0 && (a == COMPUTED || a == FABRICKED)) {
                words[2 * p] = withActivity(words[2 * p], activity);
                return a;
            }
            // a stall: the engine's accounting, which chooses the counter by the activity
            long now = words[2 * p];
            words[2 * p] = withActivity(now, activity);
            c[at + (int) (COUNTER_OF >>> (activity << 2) & 0xF)] += COUNTED >>> activity & 1;
            return a;
        } catch (IllegalStateException | ArithmeticException | IndexOutOfBoundsException e) {
            words[2 * p] |= FAULTED;
            throw new IllegalStateException("the exchange faulted at PE " + p + " in cycle " + t, e);
        }
    }

    /** A wavelet the CE of PE p pushed into an output queue: counted in its flags word ({@code countSent}). */
    void countSent(int p) {
        heldChange[p >>> 6]++;
        words[2 * p] += 1L << 32;
    }

    /** A finished vector op's options: a task to activate, one to unblock ({@code ComputeEngine.complete}). */
    void complete(int p, int options) {
        int a = DsdOperand.activateTask(options);
        if (a != DsdOperand.NO_TASK) {
            activated[p] |= 1L << a;
        }
        int u = DsdOperand.unblockTask(options);
        if (u != DsdOperand.NO_TASK) {
            blocked[p] &= ~(1L << u);
        }
    }

    /** The task picker at the cycle the task starts ({@code pickTask}, {@code start}). */
    private void pick(ModelFloor f, int p) {
        int at = p * STRIDE;
        int n = f.ce[at + DIR_COUNT];
        for (int q = 0; q < INPUT_QUEUES; q++) {
            // a control wavelet at a queue's head would activate a task: the exchange sends none
            int b = q < n ? f.ce[at + ModelFloor.RECEIVE + q] : -1;
            if (b >= 0 && f.edge[b + ModelFloor.DELIVERED] != f.edge[b + ModelFloor.RECEIVED]) {
                throw new IllegalStateException("a wavelet before the task started");
            }
        }
        long ready = activated[p] & ~blocked[p];
        if (launchFn[p] >= 0) {
            ready |= 1L << LAUNCH_TASK;
        }
        if (ready == 0) {
            throw new IllegalStateException("no task to start");
        }
        long flags = words[2 * p];
        int last = (byte) (flags >>> PICKED);
        long later = ready & (-2L << last);
        int id = Long.numberOfTrailingZeros(later != 0 ? later : ready);
        launchFn[p] = -1;
        words[2 * p] = flags & ~(0xFFL << PICKED | 0xFFL << TASK) | (long) id << PICKED | (long) id << TASK;
        words[2 * p + 1] += 1L << 32;
        taskRuns[p]++;
        if (f.sram != null) {
            byte[] m = f.sram.m[p];
            int fp = f.sram.fp;
            Sram.writeInt(m, fp, -1);
            Sram.writeInt(m, fp + 4, 0);
            Sram.writeInt(m, fp + 8, 0);
        }
    }

    private static long withActivity(long flags, int activity) {
        return flags & ~(0xFFL << ACTIVITY) | (activity & 0xFFL) << ACTIVITY;
    }

    /** The activity PE p's CE had in its last cycle, as the engine's flags word holds it. */
    int activity(int p) {
        return (byte) (words[2 * p] >>> ACTIVITY);
    }

    /** Wavelets PE p's CE has sent, as the flags word counts them. */
    int sent(int p) {
        return (int) (words[2 * p] >>> 32);
    }
}
