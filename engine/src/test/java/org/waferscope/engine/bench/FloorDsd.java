package org.waferscope.engine.bench;

import static org.waferscope.engine.bench.ModelFloor.BUSY;
import static org.waferscope.engine.bench.ModelFloor.COMPUTE;
import static org.waferscope.engine.bench.ModelFloor.COMPUTED;
import static org.waferscope.engine.bench.ModelFloor.DONE;
import static org.waferscope.engine.bench.ModelFloor.EDGE;
import static org.waferscope.engine.bench.ModelFloor.FABRICKED;
import static org.waferscope.engine.bench.ModelFloor.PC;
import static org.waferscope.engine.bench.ModelFloor.STALLED_IN;
import static org.waferscope.engine.bench.ModelFloor.STALLED_OUT;
import static org.waferscope.engine.bench.ModelFloor.STRIDE;

import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.fabric.Sram;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;

/**
 * A {@link ModelFloor} feature ({@link FloorFeature#DSD}, with {@link FloorFeature#SRAM_BYTES}):
 * the exchange's vector ops run as the engine runs its decoded ops ({@code DecodedStep}), not
 * as the kernel's own control flow. Per program variant (the PE's links), a table from pc to a
 * decoded entry in a shared pool, read each cycle at the pc as {@code ComputeEngine.stepCe}
 * reads {@code decodedAt}; each entry holds the op's kind, length, queues, options, meta and
 * four operands of descriptor words (base address, length, stride), and the op runs element
 * by element from them: the element counter in the CE record, each memory element read and
 * written in SRAM at base + counter × stride, the value through {@link DsdOpKind#apply}, the
 * queue reached through the PE's queue bindings ({@code Fabric.qFacts}). The memory ops run
 * as {@code MemoryRun} runs them, and set the CE busy for the SIMD width's remaining cycles
 * (none for one element). The scalar instructions stay the kernel's. With
 * {@link FloorFeature#DIRECT_OPS} the same entries are run from their direct slots instead.
 */
final class FloorDsd {
    /** Shapes, as {@code DecodedOps}'s: the low two bits of a {@link #decodedAt} entry. */
    private static final int SEND = 0;
    private static final int RECEIVE = 1;
    private static final int MEMORY = 2;

    /** An operand: its kind, then descriptor words 0 (or a scalar's value), base, length, stride. */
    private static final int O = 5;
    private static final int NONE = 0;
    private static final int SCALAR = 1;
    private static final int DESCRIPTOR = 2;
    /** After the four operands: the op's kind, length, queues (one per operand, -1 for none), options, meta. */
    private static final int KIND = 4 * O;
    private static final int LENGTH = KIND + 1;
    private static final int QUEUE = LENGTH + 1;
    private static final int OPTIONS = QUEUE + 4;
    private static final int META = OPTIONS + 1;
    private static final int ENTRY = META + 1;

    /** Queues of a PE, by the program's numbers: output queues (E 0, W 1, S 2, N 3), then input queues from 4. */
    static final int QUEUES = 8;
    private static final int[] OUT_QUEUE = {3, 2, 0, 1};
    private static final int[] IN_QUEUE = {2, 3, 1, 0};
    /** {@code Wavelet.ADVANCE_AFTER}: the meta bit of a wavelet after which the switch advances. */
    private static final int ADVANCE_AFTER = 1 << 6;
    private static final DsdOpKind[] KINDS = DsdOpKind.values();
    private static final int SYNC = DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK);

    final int[] pool;
    /** By the PE's link bits (N 1, S 2, E 4, W 8): where its program's pcs start in {@link #decodedAt}. */
    final int[] decodedBase = new int[16];
    final int[] decodedAt;
    /** Per PE: its link bits, standing for the engine's {@code peProgram}. */
    final int[] peProgram;
    /** Per PE, where its queue bindings start in {@link #qLink}, as {@code Fabric.qBase}. */
    final int[] qBase;
    /** Per PE and queue, the kernel's link plus 1 (0 for a queue not set up), as {@code Fabric.qFacts}. */
    final int[] qLink;
    /** Per kind, the elements a memory op does a cycle. */
    private final int[] simdWidth = new int[KINDS.length];

    /** Each op run from its entry's direct operand slots ({@link FloorFeature#DIRECT_OPS}), not by its descriptors. */
    private final boolean direct;

    FloorDsd(ModelFloor f, FloorSram sram, boolean direct) {
        this.direct = direct;
        int n = f.w * f.h;
        peProgram = new int[n];
        qBase = new int[n];
        qLink = new int[n * QUEUES];
        for (int i = 0; i < n; i++) {
            int dirs = 0;
            for (int d = 0; d < 4; d++) {
                if (f.nb[4 * i + d] >= 0) {
                    dirs |= 1 << d;
                    qLink[QUEUES * i + OUT_QUEUE[d]] = f.into(i, d) + 1;
                    qLink[QUEUES * i + 4 + IN_QUEUE[d]] = (4 * i + d) * EDGE + 1;
                }
            }
            peProgram[i] = dirs;
            qBase[i] = QUEUES * i;
        }
        for (DsdOpKind k : KINDS) {
            simdWidth[k.ordinal()] = ArchProfile.WSE2.simdWidth(k.simd);
        }
        int entries = 0;
        int pcs = 0;
        for (int dirs = 0; dirs < 16; dirs++) {
            int links = Integer.bitCount(dirs);
            entries += 2 * links + 2;
            decodedBase[dirs] = pcs;
            pcs += 2 * links + 5;
        }
        pool = new int[entries * ENTRY];
        decodedAt = new int[pcs];
        java.util.Arrays.fill(decodedAt, -1);
        int e = 0;
        for (int dirs = 0; dirs < 16; dirs++) {
            int pc = decodedBase[dirs];
            for (int d = 0; d < 4; d++) {
                if ((dirs & 1 << d) != 0) {
                    e = entry(e, DsdOpKind.MOV32, SEND, new long[] {fabric(Dsd.FABOUT), memory(sram.x),
                        none(), none()}, OUT_QUEUE[d], -1, FloorChannels.META);
                    decodedAt[pc++] = (e - ENTRY) / ENTRY << 2 | SEND;
                }
            }
            e = entry(e, DsdOpKind.FMOVS, MEMORY, new long[] {memory(sram.acc), memory(sram.x), none(), none()},
                    -1, -1, 0);
            decodedAt[pc++] = (e - ENTRY) / ENTRY << 2 | MEMORY;
            for (int d = 0; d < 4; d++) {
                if ((dirs & 1 << d) != 0) {
                    e = entry(e, DsdOpKind.FADDS, RECEIVE, new long[] {memory(sram.acc), memory(sram.acc),
                        fabric(Dsd.FABIN), none()}, -1, 4 + IN_QUEUE[d], 0);
                    decodedAt[pc++] = (e - ENTRY) / ENTRY << 2 | RECEIVE;
                }
            }
            e = entry(e, DsdOpKind.FMULS, MEMORY, new long[] {memory(sram.x), memory(sram.acc),
                scalar(Float.floatToRawIntBits(0.2f)), none()}, -1, -1, 0);
            decodedAt[pc] = (e - ENTRY) / ENTRY << 2 | MEMORY;
        }
    }

    /** Operands as the constructor names them: a kind (below, or {@link #FABRIC}) in the high half, a value in the low. */
    private static final int FABRIC = 3;

    private static long memory(int address) {
        return (long) DESCRIPTOR << 32 | address;
    }

    private static long fabric(int dsdKind) {
        return (long) FABRIC << 32 | dsdKind;
    }

    private static long scalar(int bits) {
        return (long) SCALAR << 32 | bits & 0xFFFFFFFFL;
    }

    private static long none() {
        return 0;
    }

    private int entry(int e, DsdOpKind kind, int shape, long[] operands, int outQueue, int inQueue, int meta) {
        for (int k = 0; k < 4; k++) {
            int v = (int) operands[k];
            int b = e + k * O;
            switch ((int) (operands[k] >>> 32)) {
                case SCALAR -> {
                    pool[b] = SCALAR;
                    pool[b + 1] = v;
                }
                case FABRIC -> {
                    pool[b] = DESCRIPTOR;
                    pool[b + 1] = v;   // a fabric descriptor's word 0: its kind, no flags
                    pool[b + 3] = 1;
                }
                case DESCRIPTOR -> {
                    pool[b] = DESCRIPTOR;
                    pool[b + 1] = Dsd.MEM1D;
                    pool[b + 2] = v;
                    pool[b + 3] = 1;
                    pool[b + 4] = 4;
                }
                default -> pool[b] = NONE;
            }
        }
        pool[e + KIND] = kind.ordinal();
        pool[e + LENGTH] = 1;
        pool[e + QUEUE] = outQueue;
        pool[e + QUEUE + 1] = -1;
        pool[e + QUEUE + 2] = inQueue;
        pool[e + QUEUE + 3] = -1;
        pool[e + OPTIONS] = SYNC;
        pool[e + META] = meta;
        if (shape == SEND && kind.sources != 1 || shape == RECEIVE && kind.sources != 2) {
            throw new IllegalStateException(kind + " in the wrong shape");
        }
        return e + ENTRY;
    }

    /** The CE of the PE whose record is at {@code at} in cycle t: a memory op's busy cycle, a decoded op, or the kernel's. */
    int step(ModelFloor f, int at, int t) {
        int[] c = f.ce;
        int busy = c[at + BUSY];
        if (busy > 0) {
            c[at + BUSY] = busy - 1;
            c[at + COMPUTE]++;
            return COMPUTED;
        }
        int pc = c[at + PC];
        int p = at / STRIDE;
        if (pc >= 0) {
            int d = decodedAt[decodedBase[peProgram[p]] + pc];
            if (d >= 0) {
                int e = (d >>> 2) * ENTRY;
                if (direct) {
                    return direct(f, at, p, pc, e, d & 3, t);
                }
                return switch (d & 3) {
                    case SEND -> send(f, at, p, pc, e, t);
                    case RECEIVE -> receive(f, at, p, pc, e);
                    default -> memory(f, at, p, pc, e);
                };
            }
        }
        return f.program == null ? FloorCe.step(f, at, t) : f.program.step(f, at, t);
    }

    /** The next element of a memory buffer out through an output queue ({@code DecodedStep.send}). */
    private int send(ModelFloor f, int at, int p, int pc, int e, int t) {
        int[] c = f.ce;
        int done = c[at + DONE];
        int length = pool[e + LENGTH];
        int base = qBase[p];
        int out = base < 0 ? 0 : qLink[base + pool[e + QUEUE]];
        if (out == 0 || done >= length) {
            throw new IllegalStateException("the general path, which the exchange never takes");
        }
        int b = out - 1;
        if (FloorCe.full(f, at, b)) {
            return STALLED_OUT;
        }
        int v = Sram.readInt(f.sram.m[p], pool[e + O + 2] + done * pool[e + O + 4]);
        int payload = KINDS[pool[e + KIND]].apply(v, 0, 0);
        int w0 = pool[e + 1];
        if (Dsd.has(w0, Dsd.FLAG_STAMP_INDEX)) {
            payload = (payload & 0xFFFF) | (done << 16);
        }
        int meta = pool[e + META];
        if (done == length - 1 && Dsd.has(w0, Dsd.FLAG_ADVANCE_SWITCH)) {
            meta |= ADVANCE_AFTER;
        }
        FloorCe.push(f, at, b, payload, meta, t);
        return advance(f, at, p, pc, e, done + 1, length);
    }

    /** One element into memory from memory, scalars or input queues, each queue's head a wavelet or a stall ({@code DecodedStep.receive}). */
    private int receive(ModelFloor f, int at, int p, int pc, int e) {
        int[] c = f.ce;
        int done = c[at + DONE];
        int length = pool[e + LENGTH];
        int base = qBase[p];
        if (base < 0 || done >= length) {
            throw new IllegalStateException("the general path, which the exchange never takes");
        }
        DsdOpKind kind = KINDS[pool[e + KIND]];
        int sources = kind.sources;
        int ch1 = fabin(f, base, pool[e + QUEUE + 1]);
        int ch2 = sources > 1 ? fabin(f, base, pool[e + QUEUE + 2]) : NO_QUEUE;
        int ch3 = sources > 2 ? fabin(f, base, pool[e + QUEUE + 3]) : NO_QUEUE;
        if (ch1 == EMPTY || ch2 == EMPTY || ch3 == EMPTY) {
            if (f.tasks == null) {
                f.ce[at + ModelFloor.STALL_IN]++;   // else the engine's accounting counts it (FloorTasks)
            }
            return STALLED_IN;
        }
        byte[] m = f.sram.m[p];
        int s0 = element(f, at, m, e + O, done, ch1);
        int s1 = sources > 1 ? element(f, at, m, e + 2 * O, done, ch2) : 0;
        int s2 = sources > 2 ? element(f, at, m, e + 3 * O, done, ch3) : 0;
        Sram.writeInt(m, pool[e + 2] + done * pool[e + 4], kind.apply(s0, s1, s2));
        return advance(f, at, p, pc, e, done + 1, length);
    }

    private static final int NO_QUEUE = -1;
    private static final int EMPTY = -2;

    /** The input queue's link, or why there is none. */
    private int fabin(ModelFloor f, int base, int q) {
        if (q < 0) {
            return NO_QUEUE;
        }
        int link = qLink[base + q];
        if (link == 0) {
            throw new IllegalStateException("an input queue not set up: the general path faults");
        }
        int b = link - 1;
        return f.edge[b + ModelFloor.DELIVERED] == f.edge[b + ModelFloor.RECEIVED] ? EMPTY : b;
    }

    private int element(ModelFloor f, int at, byte[] m, int b, int i, int link) {
        if (link >= 0) {
            return FloorCe.pop(f, at, link);
        }
        return switch (pool[b]) {
            case SCALAR -> pool[b + 1];
            case DESCRIPTOR -> Sram.readInt(m, pool[b + 2] + i * pool[b + 4]);
            default -> 0;
        };
    }

    /** The whole memory op at once, as {@code MemoryRun.run}; the CE then stays busy for its remaining cycles. */
    private int memory(ModelFloor f, int at, int p, int pc, int e) {
        DsdOpKind kind = KINDS[pool[e + KIND]];
        int length = pool[e + LENGTH];
        byte[] m = f.sram.m[p];
        ElementType type = kind.type;
        int sources = kind.sources;
        for (int i = 0; i < length; i++) {
            int s0 = value(m, type, e + O, i);
            int s1 = sources > 1 ? value(m, type, e + 2 * O, i) : 0;
            int s2 = sources > 2 ? value(m, type, e + 3 * O, i) : 0;
            Sram.write(m, pool[e + 2] + i * pool[e + 4], type, kind.apply(s0, s1, s2));
        }
        int width = simdWidth[kind.ordinal()];
        int[] c = f.ce;
        c[at + BUSY] = Math.max(0, (length + width - 1) / width - 1);
        c[at + PC] = pc + 1;
        c[at + COMPUTE]++;
        f.completed(at, pool[e + OPTIONS]);
        return COMPUTED;
    }

    private int value(byte[] m, ElementType t, int b, int i) {
        return switch (pool[b]) {
            case SCALAR -> pool[b + 1];
            case DESCRIPTOR -> Sram.read(m, pool[b + 2] + i * pool[b + 4], t);
            default -> 0;
        };
    }

    /** After an element of a fabric op: the op goes on, or completes and the task goes on. */
    private int advance(ModelFloor f, int at, int p, int pc, int e, int done, int length) {
        int[] c = f.ce;
        if (done < length) {
            c[at + DONE] = done;
            return FABRICKED;
        }
        c[at + DONE] = 0;
        c[at + PC] = pc + 1;
        f.completed(at, pool[e + OPTIONS]);
        return FABRICKED;
    }

    /**
     * The op at pc from its entry's direct slots, as a decoded op with its operands resolved at
     * load would run: the one element's SRAM address and the queue read from the entry, the
     * arithmetic fixed by the shape and kind, no descriptor, element counter or kind's switch.
     */
    private int direct(ModelFloor f, int at, int p, int pc, int e, int shape, int t) {
        byte[] m = f.sram.m[p];
        int[] c = f.ce;
        if (shape == SEND) {
            int b = qLink[qBase[p] + pool[e + QUEUE]] - 1;
            if (FloorCe.full(f, at, b)) {
                return STALLED_OUT;
            }
            FloorCe.push(f, at, b, Sram.readInt(m, pool[e + O + 2]), pool[e + META], t);
            c[at + PC] = pc + 1;
            f.completed(at, pool[e + OPTIONS]);
            return FABRICKED;
        }
        if (shape == RECEIVE) {
            int b = qLink[qBase[p] + pool[e + QUEUE + 2]] - 1;
            if (FloorCe.empty(f, at, b)) {
                return STALLED_IN;
            }
            int a = pool[e + 2];
            Sram.writeInt(m, a, Float.floatToRawIntBits(Float.intBitsToFloat(Sram.readInt(m, a))
                    + Float.intBitsToFloat(FloorCe.pop(f, at, b))));
        } else {
            int v = Sram.readInt(m, pool[e + O + 2]);
            if (pool[e + 2 * O] == SCALAR) {
                v = Float.floatToRawIntBits(Float.intBitsToFloat(v) * Float.intBitsToFloat(pool[e + 2 * O + 1]));
            }
            Sram.writeInt(m, pool[e + 2], v);
            c[at + COMPUTE]++;
        }
        c[at + PC] = pc + 1;
        f.completed(at, pool[e + OPTIONS]);
        return shape == RECEIVE ? FABRICKED : COMPUTED;
    }
}
