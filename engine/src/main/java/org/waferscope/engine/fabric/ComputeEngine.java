package org.waferscope.engine.fabric;

import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.TaskKind;

/**
 * One PE's compute engine for one cycle: microthreads advance, then the CE either counts
 * down a vector op, executes one instruction of the running task, or (when no task runs)
 * consumes control wavelets and picks the next task: round-robin over the activated,
 * unblocked ids, the lowest above the one started last, else the lowest (our documented
 * default; the hardware's priority is not public). Lowest-first would let a data task
 * whose queue never empties starve a local task with a higher id: the SDK's game-of-life
 * benchmark then overwrites a value before the task that forwards it has run. Starting a
 * task costs the cycle.
 */
final class ComputeEngine {
    private ComputeEngine() {
    }

    /** Result bit: the CE has work that can go on without outside input. */
    static final int WORKING = 1;
    /** Result bit: the CE changed state this cycle. */
    static final int PROGRESSED = 2;
    /**
     * Result bit: the PE has work, but all of it waits: the running task's vector op is
     * stalled (or no task runs) and every busy microthread waited. Until a wavelet arrives,
     * or its router moves one, every cycle will be the same.
     */
    static final int STALLED = 16;
    /**
     * Bits 8..15 of {@link #step}'s result: what the CE did in the cycle ({@link Activity}), so
     * that the visit counts it without reading the record again.
     */
    static final int ACTIVITY_SHIFT = 8;

    /**
     * Bit of a CE step's result: bits 8..15 hold the cycle's activity, which the step has not
     * written to the record; {@link #step} writes it with the flags word, once. The paths that
     * write it themselves (the vector ops of the general path) leave this bit clear, and the record is read.
     */
    static final int OWN_ACTIVITY = 32;
    /**
     * Result bit of {@link #step}: the CE computes and has cycles of a memory vector op left
     * after this one (the record's busy count is above zero), so it may doze.
     */
    static final int BUSY_LEFT = 64;
    /** A CE step's result for a cycle of computing that the record does not hold yet. */
    static final int COMPUTED = WORKING | PROGRESSED | OWN_ACTIVITY | Activity.COMPUTE << ACTIVITY_SHIFT;
    /** A CE step's result for a cycle that moved an element through a queue, the record not holding it yet. */
    static final int MOVED = WORKING | PROGRESSED | OWN_ACTIVITY | Activity.FABRIC << ACTIVITY_SHIFT;

    /**
     * PE p's cycle, p running program {@code pi}, {@code flags} its record's {@link CoreRecords#FLAGS}
     * word as of the cycle's start (for the status bits). Its record's words are reached by their
     * index, and the flags word (activity) and one cycle counter are written once, here.
     */
    static int step(Fabric f, int p, int pi, long flags, long cycle, CycleSink sink, int[] scratch) {
        long[] core = f.core;
        int i = CoreRecords.at(p);
        if (CoreRecords.faulted(flags)) {
            f.setActivity(p, Activity.FAULTED);
            return Activity.FAULTED << ACTIVITY_SHIFT;
        }
        try {
            int mt = CoreRecords.hasMicrothreads(flags) ? MicrothreadUnit.advance(f, p, cycle) : 0;
            int ce = stepCe(f, p, i, pi, cycle, sink, scratch);
            // the common cycles, kept short so the step stays small: an instruction or a memory op's
            // cycle (no cycles of the op left), and a decoded op's element
            if (ce == COMPUTED && mt == 0) {
                return counted(core, i, Activity.COMPUTE, CoreRecords.COMPUTE);
            }
            if (ce == MOVED && mt == 0) {
                return counted(core, i, Activity.FABRIC, CoreRecords.FABRIC);
            }
            return account(core, i, mt, ce);
        } catch (MachineFault | ArithmeticException | IndexOutOfBoundsException e) {
            return fault(f, p, cycle, sink, e);
        }
    }

    /** A cycle of {@code activity} into the record at {@code i}, counted in its word {@code counter}. */
    private static int counted(long[] core, int i, int activity, int counter) {
        core[i + CoreRecords.FLAGS] = CoreRecords.withActivity(core[i + CoreRecords.FLAGS], activity);
        core[i + counter]++;
        return WORKING | PROGRESSED | activity << ACTIVITY_SHIFT;
    }

    /**
     * The cycle's activity into the record (read again: the step may have sent, whose count
     * is in the flags word, or started a task) and its counter; returns {@link #step}'s result.
     */
    private static int account(long[] core, int i, int mt, int ce) {
        long flags = core[i + CoreRecords.FLAGS];
        boolean own = (ce & OWN_ACTIVITY) != 0;
        int activity = own ? ce >>> ACTIVITY_SHIFT & 0xFF : CoreRecords.activityOf(flags);
        if (activity == Activity.IDLE && (mt & WORKING) != 0) {
            // an idle CE whose microthreads only wait is waiting, not busy
            activity = (mt & PROGRESSED) != 0 ? Activity.MICROTHREADS
                    : (mt & MicrothreadUnit.WAITING_INPUT) != 0 ? Activity.STALL_INPUT : Activity.STALL_OUTPUT;
            own = true;
        }
        if (own) {
            // (otherwise the vector op's step has written its activity itself)
            core[i + CoreRecords.FLAGS] = CoreRecords.withActivity(flags, activity);
        }
        core[i + CoreRecords.counterOf(activity)] += CoreRecords.counted(activity);
        int busyLeft = activity == Activity.COMPUTE && (int) core[i + CoreRecords.BUSY_DONE] > 0 ? BUSY_LEFT : 0;
        ce &= WORKING | PROGRESSED | STALLED;
        int bits = (mt & (WORKING | PROGRESSED)) | (ce & ~STALLED);
        boolean ceWaits = ce == 0 || (ce & (STALLED | PROGRESSED)) == STALLED;
        if (ceWaits && (mt & PROGRESSED) == 0 && (bits & WORKING) != 0) {
            // a stalled or idle CE whose microthreads (if any) only waited
            bits |= STALLED;
        }
        return bits | busyLeft | activity << ACTIVITY_SHIFT;
    }

    /** PE p faults with {@code e}, raised in its cycle: said where, and it stops. */
    private static int fault(Fabric f, int p, long cycle, CycleSink sink, RuntimeException e) {
        int at = e instanceof MachineFault m && m.pc >= 0 ? m.pc : f.pc(p);
        String where = at >= 0 ? " at " + f.programs[f.peProgram[p]].position(at) : "";
        f.fault[p] = cause(e) + where;
        f.markFaulted(p);
        f.setActivity(p, Activity.FAULTED);
        sink.fault(p, cycle, f.fault[p]);
        return Activity.FAULTED << ACTIVITY_SHIFT;
    }

    /**
     * The fault in the program's words. Built here rather than taken from a JDK exception's
     * message, which a JIT-compiled hot path may throw without one (null).
     */
    static String cause(RuntimeException e) {
        if (e instanceof MachineFault) {
            return e.getMessage();
        }
        String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
        return e instanceof ArithmeticException ? "integer division by zero or overflow" + detail
                : "an index out of range in the engine" + detail + ": please report it with the program";
    }

    /** {@code @activate(id)}: a task that is bound to nothing cannot be activated. */
    static void activate(Fabric f, int p, ProgramTables t, int id) {
        if (t.taskEntry[id] < 0 && id != ProgramTables.LAUNCH_TASK) {
            throw new MachineFault("task " + id + " was activated but is bound to nothing");
        }
        f.activated[p] |= 1L << id;
    }

    /** The CE's part of the cycle, from the record at {@code i}; its result may carry {@link #OWN_ACTIVITY}. */
    private static int stepCe(Fabric f, int p, int i, int pi, long cycle, CycleSink sink, int[] scratch) {
        long[] core = f.core;
        long busyDone = core[i + CoreRecords.BUSY_DONE];
        if ((int) busyDone > 0) {
            // counting down a memory op: its low half, which is above zero, so nothing borrows
            core[i + CoreRecords.BUSY_DONE] = busyDone - 1;
            return (int) busyDone > 1 ? COMPUTED | BUSY_LEFT : COMPUTED;
        }
        long pcFp = core[i + CoreRecords.PC_FP];
        int pc = (int) pcFp;
        if (pc >= 0) {
            // a scalar instruction of a busy loop first: it need not look up the decoded ops, and a
            // vector op only reads its (shared, cached) code word before it does
            int r = Interpreter.common(f, p, i, pi, pcFp);
            if (r != Interpreter.NOT_COMMON) {
                return r;
            }
            // a vector op decoded once for the program runs from its entry, without the interpreter's decode
            int d = f.decodedAt[f.decodedBase[pi] + pc];
            if (d >= 0) {
                int[] pool = f.decodedPool;
                int e = d >>> 2;
                return switch (d & 3) {
                    case DecodedOps.SEND -> DecodedStep.send(f, p, i, pcFp, cycle, pool, e, scratch);
                    case DecodedOps.RECEIVE -> DecodedStep.receive(f, p, i, pcFp, cycle, pool, e, scratch);
                    case DecodedOps.MEMORY -> DecodedStep.memory(f, p, i, pcFp, pool, e);
                    default -> vectorOp(f, p, cycle, pc, f.tables[pi].decoded[pc], scratch);
                };
            }
            return Interpreter.execute(f, p, i, pi, pcFp, cycle, sink, scratch);
        }
        return pickTask(f, p, sink);
    }

    private static int pickTask(Fabric f, int p, CycleSink sink) {
        ProgramTables t = f.tables[f.peProgram[p]];
        boolean consumed = consumeControlWavelets(f, p, t);
        long ready = (f.activated[p] | dataReady(f, p, t)) & ~f.blocked[p];
        if (f.launchFn[p] >= 0) {
            ready |= 1L << ProgramTables.LAUNCH_TASK;
        }
        if (ready == 0) {
            return OWN_ACTIVITY | Activity.IDLE << ACTIVITY_SHIFT | (consumed ? PROGRESSED : 0);
        }
        // round-robin: the lowest ready id above the last one started, else the lowest
        long later = ready & (-2L << f.lastPicked(p));
        int id = Long.numberOfTrailingZeros(later != 0 ? later : ready);
        f.setLastPicked(p, (byte) id);
        start(f, p, t, id);
        f.countTaskRun(p);
        f.taskRuns[f.trBase[p] + t.taskIndex[id]]++;
        sink.taskStarted(p);
        return COMPUTED;
    }

    private static void start(Fabric f, int p, ProgramTables t, int id) {
        byte[] m = f.sram[p];
        int fp = t.stackBase;
        int entry;
        int frameSlots;
        int arg = 0;
        int launchArgs = 0;
        if (id == ProgramTables.LAUNCH_TASK && t.taskEntry[id] < 0) {
            FunctionInfo fn = t.program.functions().get(f.launchFn[p]);
            entry = fn.entry();
            frameSlots = fn.frameSlots();
            f.launchFn[p] = -1;
            launchArgs = fn.params();
        } else {
            entry = t.taskEntry[id];
            if (entry < 0) {
                throw new MachineFault("task " + id + " was activated but is bound to nothing");
            }
            frameSlots = t.taskFrameSlots[id];
            if (t.taskKind[id] == TaskKind.DATA) {
                int ch = f.inQueue(p, t.taskQueue[id]);
                arg = f.headPayload(ch);
                f.pop(p, ch);
            } else {
                f.activated[p] &= ~(1L << id);
                if (t.taskKind[id] == TaskKind.CONTROL) {
                    arg = f.controlData[p];
                }
            }
        }
        if (fp + 4 * Math.max(frameSlots, 3) > m.length) {
            throw new MachineFault("stack overflow starting task " + id);
        }
        Sram.writeInt(m, fp, -1);
        Sram.writeInt(m, fp + 4, 0);
        Sram.writeInt(m, fp + 8, arg);
        for (int k = 0; k < Math.min(launchArgs, Fabric.MAX_LAUNCH_ARGS); k++) {
            // A launched function finds the host's arguments in its slots 2, 3, ...
            Sram.writeInt(m, fp + 8 + 4 * k, f.launchArgs[p * Fabric.MAX_LAUNCH_ARGS + k]);
        }
        f.setFp(p, fp);
        f.setPc(p, entry);
        f.setTask(p, (byte) id);
        f.setOpDone(p, 0);
    }

    /** Data tasks whose queue has a data wavelet at its head. */
    private static long dataReady(Fabric f, int p, ProgramTables t) {
        long tasks = t.dataTasks;
        long ready = 0;
        while (tasks != 0) {
            int id = Long.numberOfTrailingZeros(tasks);
            tasks &= tasks - 1;
            int ch = f.inQueue(p, t.taskQueue[id]);
            if (ch >= 0 && f.count(ch) > 0 && !Wavelet.isControl(f.headMeta(ch))) {
                ready |= 1L << id;
            }
        }
        return ready;
    }

    /** A control wavelet at a queue's head activates the control task it names. */
    private static boolean consumeControlWavelets(Fabric f, int p, ProgramTables t) {
        boolean any = false;
        for (int q = 0; q < t.queueColor.length; q++) {
            int ch = f.inQueue(p, q);
            if (ch < 0 || f.count(ch) == 0) {
                continue;
            }
            if (Wavelet.isControl(f.headMeta(ch))) {
                int payload = f.headPayload(ch);
                f.pop(p, ch);
                int id = Wavelet.controlEntrypoint(payload);
                if (t.taskKind[id] == TaskKind.CONTROL) {
                    f.activated[p] |= 1L << id;
                    f.controlData[p] = Wavelet.controlData(payload);
                }
                any = true;
            }
        }
        return any;
    }

    /** Starts or continues the vector op at pc; returns the result bits. */
    static int vectorOp(Fabric f, int p, long cycle, int pc, int[] pre, int[] scratch) {
        int kindIndex;
        int options;
        if (pre != null) {
            kindIndex = pre[DecodedOps.KIND];
            options = pre[DecodedOps.OPTIONS];
        } else {
            int[] code = f.tables[f.peProgram[p]].code;
            kindIndex = (code[pc * Opcode.WIDTH] >>> 8) & 0xFF;
            options = code[pc * Opcode.WIDTH + 1];
        }
        DsdOpKind kind = Fabric.DSD_KINDS[kindIndex];
        int[] ops = pre != null && pre[DecodedOps.HAS_SCALARS] == 0 ? pre : resolve(f, p, kind, pc, pre, scratch);
        if (DsdOperand.async(options)) {
            options = withRegisterTasks(options, ops);
            int word = f.tables[f.peProgram[p]].code[pc * Opcode.WIDTH];
            if (!MicrothreadUnit.start(f, p, pc, word, options, ops)) {
                f.setActivity(p, Activity.STALL_OUTPUT);
                return WORKING;
            }
            f.setPc(p, pc + 1);
            f.setActivity(p, Activity.COMPUTE);
            return WORKING | PROGRESSED;
        }
        int length = pre != null ? pre[DecodedOps.LENGTH] : DsdExecutor.length(ops, 0);
        if (pre != null ? pre[DecodedOps.FABRIC] == 0 : !DsdExecutor.touchesFabric(ops, 0)) {
            int width = f.simdWidth[kind.ordinal()];
            if (pre != null && pre[DecodedOps.PROVEN] != 0) {
                // every element proven inside and aligned when the program was decoded
                MemoryRun.run(f.sram[p], kind.type, kind, ops, 0, 0, length);
            } else {
                DsdExecutor.run(f, p, cycle, kind, ops, 0, 0, length, length);
            }
            f.setBusy(p, Math.max(0, (length + width - 1) / width - 1));
            f.setPc(p, pc + 1);
            complete(f, p, options);
            f.setActivity(p, Activity.COMPUTE);
            return WORKING | PROGRESSED;
        }
        int done = f.opDone(p);
        int r = done >= length ? 0 : switch (pre != null ? pre[DecodedOps.SHAPE] : DecodedOps.GENERAL) {
            case DecodedOps.SEND -> DsdExecutor.sendOne(f, p, cycle, kind, ops, done, length, pre[DecodedOps.PROVEN] != 0);
            case DecodedOps.RECEIVE -> DsdExecutor.receiveOne(f, p, kind, ops, done, pre[DecodedOps.PROVEN] != 0);
            default -> DsdExecutor.run(f, p, cycle, kind, ops, 0, done, length, 1);
        };
        if (r < 0) {
            f.setActivity(p, r == DsdExecutor.STALL_INPUT ? Activity.STALL_INPUT : Activity.STALL_OUTPUT);
            return WORKING | STALLED;
        }
        done += r;
        f.setActivity(p, Activity.FABRIC);
        if (done >= length) {
            f.setOpDone(p, 0);
            f.setPc(p, pc + 1);
            complete(f, p, options);
        } else {
            f.setOpDone(p, done);
        }
        return WORKING | PROGRESSED;
    }

    /**
     * The op's operands in {@code scratch}: the decoded ones with their run-time scalars read
     * from the frame, or, when the op is not decoded, all of them read from the frame.
     */
    private static int[] resolve(Fabric f, int p, DsdOpKind kind, int pc, int[] pre, int[] scratch) {
        byte[] m = f.sram[p];
        int fp = f.fp(p);
        if (pre == null) {
            int[] code = f.tables[f.peProgram[p]].code;
            int base = pc * Opcode.WIDTH;
            for (int k = 0; k < 4; k++) {
                DsdExecutor.resolve(m, fp, code[base + 2 + k], scratch, k * DsdExecutor.OPERAND);
            }
            if (kind.type.bytes == 4) {
                DsdExecutor.widen(scratch);
            }
            return scratch;
        }
        System.arraycopy(pre, 0, scratch, 0, DsdExecutor.OPERANDS);
        for (int k = 0; k < 4; k++) {
            int slot = pre[DecodedOps.SCALAR_SLOTS + k];
            if (slot >= 0) {
                scratch[k * DsdExecutor.OPERAND + 1] = Sram.readInt(m, fp + 4 * slot);
            }
        }
        return scratch;
    }

    /**
     * An asynchronous op's options with the completion tasks its operands' registers carry
     * ({@code @load_to_dsr(r, d, .{ .async = true, .activate = t })}): a task the op names itself
     * comes first, a register's fills an empty place.
     */
    private static int withRegisterTasks(int options, int[] ops) {
        int activate = DsdOperand.activateTask(options);
        int unblock = DsdOperand.unblockTask(options);
        for (int k = 0; k < 4; k++) {
            int b = k * DsdExecutor.OPERAND;
            int w0 = ops[b + 1];
            if (ops[b] != DsdExecutor.DESCRIPTOR || !Dsd.has(w0, Dsd.FLAG_REGISTER_ASYNC)) {
                continue;
            }
            if (Dsd.has(w0, Dsd.FLAG_REGISTER_ACTIVATE) && activate == DsdOperand.NO_TASK) {
                activate = Dsd.registerTask(w0);
            }
            if (Dsd.has(w0, Dsd.FLAG_REGISTER_UNBLOCK) && unblock == DsdOperand.NO_TASK) {
                unblock = Dsd.registerTask(w0);
            }
        }
        return DsdOperand.options(true, activate, unblock);
    }

    /** Applies a finished op's completion options: activate and/or unblock a task. */
    static void complete(Fabric f, int p, int options) {
        int a = DsdOperand.activateTask(options);
        if (a != DsdOperand.NO_TASK) {
            activate(f, p, f.tables[f.peProgram[p]], a);
        }
        int u = DsdOperand.unblockTask(options);
        if (u != DsdOperand.NO_TASK) {
            f.blocked[p] &= ~(1L << u);
        }
    }
}
