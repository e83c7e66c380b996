package org.waferscope.engine.fabric;

import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;

/**
 * A CE cycle at a decoded vector op of the common kind ({@link DecodedOps#FAST}): synchronous,
 * every operand a constant of the program, 32-bit elements, every memory element proven
 * inside the data. Each shape does in one method what {@link ComputeEngine#vectorOp} and
 * {@link DsdExecutor} do for it through several: the PE's queue bindings are read once, the
 * queue indices and the wavelets' meta come from the entry, and 32-bit values go to and from
 * the wire and the SRAM unchanged. Checks, stalls, pops, pushes and record writes come in
 * the order of the general path, so every state is the same.
 *
 * <p>Each works from the CE record's index and the pc/fp word {@code ComputeEngine.stepCe} has
 * read, reads the busy/done word there once (passing it from the step too would keep it in a
 * register across the scalar instructions' path, which measured 2 % slower), writes each word it
 * changes once, and leaves the cycle's activity to the step ({@link ComputeEngine#OWN_ACTIVITY}).
 *
 * <p>Where the general path would fault (a queue not set up on the PE) or do nothing (an op
 * of no elements), these hand the cycle to {@link ComputeEngine#vectorOp} before changing
 * anything, and it faults or completes exactly as before.
 */
final class DecodedStep {
    private DecodedStep() {
    }

    private static final int O = DsdExecutor.OPERAND;

    /** {@link DecodedOps#SEND}: the next element of a memory buffer leaves through an output queue. */
    static int send(Fabric f, int p, int i, long pcFp, long cycle, int[] pool, int e, int[] scratch) {
        long busyDone = f.core[i + CoreRecords.BUSY_DONE];
        int done = (int) (busyDone >>> 32);
        int length = pool[e + DecodedOps.LENGTH];
        int base = f.qBase[p];
        long out = base < 0 ? 0 : f.qFacts[base + pool[e + DecodedOps.QUEUE]];
        if (out == 0 || done >= length) {
            return general(f, p, (int) pcFp, cycle, scratch);
        }
        if (f.fullOf(out)) {
            return STALLED_OUTPUT;
        }
        int v = Sram.readInt(f.sram[p], pool[e + O + 2] + done * pool[e + O + 4]);
        int payload = Fabric.DSD_KINDS[pool[e + DecodedOps.KIND]].apply(v, 0, 0);
        int w0 = pool[e + 1];
        if (Dsd.has(w0, Dsd.FLAG_STAMP_INDEX)) {
            payload = (payload & 0xFFFF) | (done << 16);
        }
        int meta = pool[e + DecodedOps.META];
        if (done == length - 1 && Dsd.has(w0, Dsd.FLAG_ADVANCE_SWITCH)) {
            meta |= Wavelet.ADVANCE_AFTER;
        }
        f.pushTo(p, out, payload, meta, (int) cycle);
        f.countSent(p, i);
        return advance(f, p, i, busyDone, pcFp, pool, e, done + 1, length);
    }

    /**
     * {@link DecodedOps#RECEIVE}: one element into memory from sources in memory, constants or
     * input queues, each queue's head a data wavelet or the op stalls.
     */
    static int receive(Fabric f, int p, int i, long pcFp, long cycle, int[] pool, int e, int[] scratch) {
        long busyDone = f.core[i + CoreRecords.BUSY_DONE];
        int done = (int) (busyDone >>> 32);
        int length = pool[e + DecodedOps.LENGTH];
        int base = f.qBase[p];
        if (base < 0 || done >= length) {
            return general(f, p, (int) pcFp, cycle, scratch);
        }
        DsdOpKind kind = Fabric.DSD_KINDS[pool[e + DecodedOps.KIND]];
        int sources = kind.sources;
        long ch1 = fabin(f, base, pool[e + DecodedOps.QUEUE + 1]);
        long ch2 = sources > 1 ? fabin(f, base, pool[e + DecodedOps.QUEUE + 2]) : NO_QUEUE;
        long ch3 = sources > 2 ? fabin(f, base, pool[e + DecodedOps.QUEUE + 3]) : NO_QUEUE;
        if (ch1 == UNBOUND || ch2 == UNBOUND || ch3 == UNBOUND) {
            return general(f, p, (int) pcFp, cycle, scratch);
        }
        if (ch1 == EMPTY || ch2 == EMPTY || ch3 == EMPTY) {
            return STALLED_INPUT;
        }
        byte[] m = f.sram[p];
        int s0 = element(f, p, m, pool, e + O, done, ch1);
        int s1 = sources > 1 ? element(f, p, m, pool, e + 2 * O, done, ch2) : 0;
        int s2 = sources > 2 ? element(f, p, m, pool, e + 3 * O, done, ch3) : 0;
        Sram.writeInt(m, pool[e + 2] + done * pool[e + 4], kind.apply(s0, s1, s2));
        return advance(f, p, i, busyDone, pcFp, pool, e, done + 1, length);
    }

    /** A stalled cycle's step result, its activity for the step to write. */
    private static final int STALLED_OUTPUT = ComputeEngine.WORKING | ComputeEngine.STALLED
            | ComputeEngine.OWN_ACTIVITY | Activity.STALL_OUTPUT << ComputeEngine.ACTIVITY_SHIFT;
    private static final int STALLED_INPUT = ComputeEngine.WORKING | ComputeEngine.STALLED
            | ComputeEngine.OWN_ACTIVITY | Activity.STALL_INPUT << ComputeEngine.ACTIVITY_SHIFT;

    /** The op at pc on the general path, which faults or completes where these cannot. */
    private static int general(Fabric f, int p, int pc, long cycle, int[] scratch) {
        return ComputeEngine.vectorOp(f, p, cycle, pc, f.tables[f.peProgram[p]].decoded[pc], scratch);
    }

    /** {@link #fabin}: the operand is not an input queue. */
    private static final long NO_QUEUE = -1;
    /** {@link #fabin}: the queue has no data wavelet at its head. */
    private static final long EMPTY = -2;
    /** {@link #fabin}: the queue is not set up on this PE (the general path faults). */
    private static final long UNBOUND = -3;

    /** The input queue's facts word ({@code Fabric#qFacts}, always positive), or why there is none. */
    private static long fabin(Fabric f, int base, int q) {
        if (q < 0) {
            return NO_QUEUE;
        }
        long facts = f.qFacts[base + q];
        if (facts == 0) {
            return UNBOUND;
        }
        return f.countOf(facts) == 0 || Wavelet.isControl(f.headMetaOf(facts)) ? EMPTY : facts;
    }

    private static int element(Fabric f, int p, byte[] m, int[] pool, int b, int i, long facts) {
        if (facts > 0) {
            int payload = f.headPayloadOf(facts);
            f.popOf(p, facts);
            return payload;
        }
        return switch (pool[b]) {
            case DsdExecutor.SCALAR -> pool[b + 1];
            case DsdExecutor.DESCRIPTOR -> Sram.readInt(m, pool[b + 2] + i * pool[b + 4]);
            default -> 0;
        };
    }

    /** {@link DecodedOps#MEMORY}: the whole op at once; the CE stays busy for its remaining cycles. */
    static int memory(Fabric f, int p, int i, long pcFp, int[] pool, int e) {
        long busyDone = f.core[i + CoreRecords.BUSY_DONE];
        DsdOpKind kind = Fabric.DSD_KINDS[pool[e + DecodedOps.KIND]];
        int length = pool[e + DecodedOps.LENGTH];
        MemoryRun.run(f.sram[p], kind.type, kind, pool, e, 0, length);
        int width = f.simdWidth[kind.ordinal()];
        int busy = Math.max(0, (length + width - 1) / width - 1);
        long[] core = f.core;
        core[i + CoreRecords.BUSY_DONE] = busyDone & 0xFFFFFFFF00000000L | busy;
        core[i + CoreRecords.PC_FP] = next(pcFp);
        ComputeEngine.complete(f, p, pool[e + DecodedOps.OPTIONS]);
        return busy > 0 ? ComputeEngine.COMPUTED | ComputeEngine.BUSY_LEFT : ComputeEngine.COMPUTED;
    }

    /** After an element of a fabric op: the op goes on, or completes and the task goes on. */
    private static int advance(Fabric f, int p, int i, long busyDone, long pcFp, int[] pool, int e, int done,
                               int length) {
        long[] core = f.core;
        if (done < length) {
            core[i + CoreRecords.BUSY_DONE] = busyDone & 0xFFFFFFFFL | (long) done << 32;
            return ComputeEngine.MOVED;
        }
        core[i + CoreRecords.BUSY_DONE] = busyDone & 0xFFFFFFFFL;
        core[i + CoreRecords.PC_FP] = next(pcFp);
        ComputeEngine.complete(f, p, pool[e + DecodedOps.OPTIONS]);
        return ComputeEngine.MOVED;
    }

    /** The record's {@link CoreRecords#PC_FP} word at the next instruction. */
    private static long next(long pcFp) {
        return pcFp & 0xFFFFFFFF00000000L | (int) pcFp + 1 & 0xFFFFFFFFL;
    }
}
