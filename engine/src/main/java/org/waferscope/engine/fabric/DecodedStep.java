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
 * <p>Where the general path would fault (a queue not set up on the PE) or do nothing (an op
 * of no elements), these hand the cycle to {@link ComputeEngine#vectorOp} before changing
 * anything, and it faults or completes exactly as before.
 */
final class DecodedStep {
    private DecodedStep() {
    }

    private static final int O = DsdExecutor.OPERAND;

    /** {@link DecodedOps#SEND}: the next element of a memory buffer leaves through an output queue. */
    static int send(Fabric f, int p, long cycle, int pc, int[] pool, int e, int[] scratch) {
        int done = f.opDone(p);
        int length = pool[e + DecodedOps.LENGTH];
        int base = f.qBase[p];
        long out = base < 0 ? 0 : f.qFacts[base + pool[e + DecodedOps.QUEUE]];
        if (out == 0 || done >= length) {
            return ComputeEngine.vectorOp(f, p, cycle, pc, f.tables[f.peProgram[p]].decoded[pc], scratch);
        }
        if (f.fullOf(out)) {
            f.setActivity(p, Activity.STALL_OUTPUT);
            return ComputeEngine.WORKING | ComputeEngine.STALLED;
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
        f.countSent(p);
        return advance(f, p, pc, pool, e, done + 1, length);
    }

    /**
     * {@link DecodedOps#RECEIVE}: one element into memory from sources in memory, constants or
     * input queues, each queue's head a data wavelet or the op stalls.
     */
    static int receive(Fabric f, int p, long cycle, int pc, int[] pool, int e, int[] scratch) {
        int done = f.opDone(p);
        int length = pool[e + DecodedOps.LENGTH];
        int base = f.qBase[p];
        if (base < 0 || done >= length) {
            return ComputeEngine.vectorOp(f, p, cycle, pc, f.tables[f.peProgram[p]].decoded[pc], scratch);
        }
        DsdOpKind kind = Fabric.DSD_KINDS[pool[e + DecodedOps.KIND]];
        int sources = kind.sources;
        long ch1 = fabin(f, base, pool[e + DecodedOps.QUEUE + 1]);
        long ch2 = sources > 1 ? fabin(f, base, pool[e + DecodedOps.QUEUE + 2]) : NO_QUEUE;
        long ch3 = sources > 2 ? fabin(f, base, pool[e + DecodedOps.QUEUE + 3]) : NO_QUEUE;
        if (ch1 == UNBOUND || ch2 == UNBOUND || ch3 == UNBOUND) {
            return ComputeEngine.vectorOp(f, p, cycle, pc, f.tables[f.peProgram[p]].decoded[pc], scratch);
        }
        if (ch1 == EMPTY || ch2 == EMPTY || ch3 == EMPTY) {
            f.setActivity(p, Activity.STALL_INPUT);
            return ComputeEngine.WORKING | ComputeEngine.STALLED;
        }
        byte[] m = f.sram[p];
        int s0 = element(f, p, m, pool, e + O, done, ch1);
        int s1 = sources > 1 ? element(f, p, m, pool, e + 2 * O, done, ch2) : 0;
        int s2 = sources > 2 ? element(f, p, m, pool, e + 3 * O, done, ch3) : 0;
        Sram.writeInt(m, pool[e + 2] + done * pool[e + 4], kind.apply(s0, s1, s2));
        return advance(f, p, pc, pool, e, done + 1, length);
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
    static int memory(Fabric f, int p, int pc, int[] pool, int e) {
        DsdOpKind kind = Fabric.DSD_KINDS[pool[e + DecodedOps.KIND]];
        int length = pool[e + DecodedOps.LENGTH];
        MemoryRun.run(f.sram[p], kind.type, kind, pool, e, 0, length);
        int width = f.simdWidth[kind.ordinal()];
        f.setBusy(p, Math.max(0, (length + width - 1) / width - 1));
        f.setPc(p, pc + 1);
        ComputeEngine.complete(f, p, pool[e + DecodedOps.OPTIONS]);
        f.setActivity(p, Activity.COMPUTE);
        return ComputeEngine.WORKING | ComputeEngine.PROGRESSED;
    }

    /** After an element of a fabric op: the op goes on, or completes and the task goes on. */
    private static int advance(Fabric f, int p, int pc, int[] pool, int e, int done, int length) {
        f.setActivity(p, Activity.FABRIC);
        if (done >= length) {
            f.setOpDone(p, 0);
            f.setPc(p, pc + 1);
            ComputeEngine.complete(f, p, pool[e + DecodedOps.OPTIONS]);
        } else {
            f.setOpDone(p, done);
        }
        return ComputeEngine.WORKING | ComputeEngine.PROGRESSED;
    }
}
