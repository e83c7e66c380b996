package org.waferscope.engine.fabric;

import java.util.Arrays;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.TaskDecl;
import org.waferscope.engine.ir.TaskKind;

/**
 * Lookup tables derived once per program, so the per-cycle work never searches lists:
 * task ids to bodies, colors to input queues, where the stack starts.
 */
final class ProgramTables {
    static final int LAUNCH_TASK = PeProgram.LAUNCH_TASK;

    final PeProgram program;
    final int[] code;
    final int stackBase;
    final int sramBytes;
    /** Entry pc of each task id, or -1. */
    final int[] taskEntry = new int[64];
    final TaskKind[] taskKind = new TaskKind[64];
    /** Frame slots of each task id's body. */
    final int[] taskFrameSlots = new int[64];
    /** For a data task id, the input queue it drains, else -1. */
    final int[] taskQueue = new int[64];
    /** Mask of data task ids. */
    final long dataTasks;
    /** Input queue of each color delivered through RAMP, or -1 (colors 0..31). */
    final int[] colorQueue = new int[32];
    /** Color each input queue receives, or -1. */
    final int[] queueColor;
    final boolean[] outputQueueUsed;
    /** Index of each task id among the program's tasks (for per-task run counts); the launch task is last. */
    final int[] taskIndex = new int[64];
    /** Microthreads each PE running this program needs (0 when it has no async operation). */
    final int microthreads;
    /** Per color, the task id of its teardown handler ({@code @set_teardown_handler}), or -1. */
    final int[] teardownTask = new int[32];
    /** Colors whose route this program edits as it runs ({@code <tile_config>}), one bit each. */
    final int editedColors;
    /** Per pc, the vector op decoded once ({@link DecodedOps}), or null; null as a whole when nothing is decoded. */
    final int[][] decoded;

    ProgramTables(PeProgram program, ArchProfile profile, Map<Integer, Integer> extraQueueColors) {
        this.program = program;
        this.code = program.code();
        this.stackBase = (program.dataBytes() + 3) & ~3;
        this.sramBytes = stackBase + ((program.stackBytes() + 3) & ~3);
        Arrays.fill(taskEntry, -1);
        Arrays.fill(taskQueue, -1);
        Arrays.fill(colorQueue, -1);
        queueColor = new int[profile.inputQueues()];
        Arrays.fill(queueColor, -1);
        program.inputQueueColors().forEach((q, c) -> bind(q, c));
        extraQueueColors.forEach((q, c) -> bind(q, c));
        outputQueueUsed = new boolean[profile.outputQueues()];
        for (int q : program.outputQueues()) {
            outputQueueUsed[q] = true;
        }
        long data = 0;
        Arrays.fill(taskIndex, -1);
        Arrays.fill(teardownTask, -1);
        int index = 0;
        for (TaskDecl t : program.tasks()) {
            taskIndex[t.id()] = index++;
            taskEntry[t.id()] = program.functions().get(t.function()).entry();
            taskFrameSlots[t.id()] = program.functions().get(t.function()).frameSlots();
            taskKind[t.id()] = t.kind();
            if (t.kind() == TaskKind.DATA) {
                int q = t.queue() >= 0 ? t.queue() : colorQueue[t.color()];
                taskQueue[t.id()] = q;
                data |= 1L << t.id();
            } else if (t.isTeardownHandler()) {
                teardownTask[t.color()] = t.id();
            }
        }
        editedColors = editedColors(code);
        dataTasks = data;
        taskIndex[LAUNCH_TASK] = index;
        microthreads = Math.min(profile.microthreads(), countAsyncSites(code));
        decoded = DecodedOps.decode(program, stackBase, profile.inputQueues());
    }

    private void bind(int q, int c) {
        queueColor[q] = c;
        colorQueue[c] = q;
    }

    boolean inputQueueUsed(int q) {
        return queueColor[q] >= 0;
    }

    private static int editedColors(int[] code) {
        int colors = 0;
        for (int i = 0; i < code.length; i += Opcode.WIDTH) {
            if (Opcode.op(code[i]) == Opcode.ROUTE_CFG) {
                // RouteEdits.ANY_COLOR: the program may write the router's registers, any color
                colors |= code[i + 1] == RouteEdits.ANY_COLOR ? -1 : 1 << code[i + 1];
            }
        }
        return colors;
    }

    /** How many queue channels a PE running this program gets (its used input and output queues). */
    int queueChannels(int inputQueues, int outputQueues) {
        int n = 0;
        for (int i = 0; i < inputQueues; i++) {
            n += inputQueueUsed(i) ? 1 : 0;
        }
        for (int i = 0; i < outputQueues; i++) {
            n += outputQueueUsed[i] ? 1 : 0;
        }
        return n;
    }

    /** The depths of the queues a PE running this program binds, in the order their channels are numbered: inputs, then outputs. */
    int[] queueDepths(ArchProfile profile) {
        int[] depths = new int[queueChannels(profile.inputQueues(), profile.outputQueues())];
        int k = 0;
        for (int i = 0; i < profile.inputQueues(); i++) {
            if (inputQueueUsed(i)) {
                depths[k++] = profile.inputQueueDepths().get(i);
            }
        }
        for (int i = 0; i < profile.outputQueues(); i++) {
            if (outputQueueUsed[i]) {
                depths[k++] = profile.outputQueueDepths().get(i);
            }
        }
        return depths;
    }

    /**
     * The fabric's decoded ops for its CE's dispatch, shared by every program of the fabric
     * ({@link DecodedOps#share}): at {@code decodedAt[decodedBase + pc]}, -1 when the op at pc is
     * not decoded, else the entry's offset in {@link #decodedPool} shifted left by 2 with its
     * {@link DecodedOps#FAST} shape in the low bits. One dense table and one pool for all
     * programs, so a cycle reaches its op's entry in two loads that mostly hit the first-level
     * cache, where each program's own table and entries were lines of their own.
     */
    int[] decodedAt;
    int decodedBase;
    /** The distinct decoded entries of the fabric's programs, {@link DecodedOps#ENTRY} words each. */
    int[] decodedPool;

    private static int countAsyncSites(int[] code) {
        int n = 0;
        for (int i = 0; i < code.length; i += Opcode.WIDTH) {
            if (Opcode.op(code[i]) == Opcode.DSD_OP && DsdOperand.async(code[i + 1])) {
                n++;
            }
        }
        return n;
    }
}
