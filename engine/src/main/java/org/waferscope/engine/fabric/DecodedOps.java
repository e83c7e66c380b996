package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.Symbol;

/**
 * Vector ops decoded once per program: for each {@code DSD_OP} whose descriptors the
 * program is proven to hold as constants ({@link FrameFacts}), its operands in the resolved
 * form {@link DsdExecutor} takes, its length and whether it touches the fabric. A PE then
 * runs the op without reading its descriptors from its frame every cycle: on a full wafer
 * each of those reads is a cache miss.
 *
 * <p>The facts assume that only the function's own slot writes change its frame. The
 * program is <em>sealed</em> when nothing else can write into the stack: no indirect store
 * or timestamp, every global store and every vector op's memory writes (destinations, and
 * FIFO headers of sources) proven below the stack, and every host-visible symbol below it
 * too. By induction over the cycles, those writes then never reach a frame, so the facts hold
 * in every state the program can reach. An unsealed program decodes nothing and takes the
 * general path, which reads and checks every operand as before.
 */
final class DecodedOps {
    private DecodedOps() {
    }

    /** Index of the op's length in a decoded entry, after the resolved operands. */
    static final int LENGTH = DsdExecutor.OPERANDS;
    /** Index of the flag (1) telling that the op has a fabric or FIFO operand. */
    static final int FABRIC = LENGTH + 1;
    /** From here, per operand, the frame slot of a scalar read when the op runs, or -1. */
    static final int SCALAR_SLOTS = FABRIC + 1;
    /** Index of the flag (1) telling that some scalar operand is read when the op runs. */
    static final int HAS_SCALARS = SCALAR_SLOTS + 4;
    /** Index of the op's shape: {@link #GENERAL}, {@link #SEND} or {@link #RECEIVE}. */
    static final int SHAPE = HAS_SCALARS + 1;
    /** Index of the op's {@link DsdOpKind} ordinal and of its options word: a decoded op never reads its code. */
    static final int KIND = SHAPE + 1;
    static final int OPTIONS = KIND + 1;
    /**
     * Index of the flag (1) telling that every SRAM element a {@link #SEND} or {@link #RECEIVE}
     * op, or a memory op of MEM1D operands and scalars only ({@link #memoryOnly}), reads or
     * writes lies inside the program's data, aligned: the op then skips the per-element bounds
     * check, which could never fail (a memory op runs as {@link MemoryRun#run}).
     */
    static final int PROVEN = OPTIONS + 1;
    /**
     * Index of the op's fast shape ({@link DecodedStep}): {@link #SEND}, {@link #RECEIVE} or
     * {@link #MEMORY} when the op is synchronous, reads no scalar at run time, has 32-bit
     * elements (a fabric op) and every memory element is {@link #PROVEN}; else {@link #GENERAL}.
     */
    static final int FAST = PROVEN + 1;
    /**
     * From here, per operand: the destination's output queue as an index into the PE's queue
     * bindings (after the input queues), each source's input queue; -1 where the operand is
     * not a queue.
     */
    static final int QUEUE = FAST + 1;
    /** Index of the meta ({@link Wavelet#meta}) of the wavelets a {@link #SEND} op sends. */
    static final int META = QUEUE + 4;
    static final int ENTRY = META + 1;

    /** Any op: {@link DsdExecutor#run} takes it. */
    static final int GENERAL = 0;
    /** A fabric op with one memory source and a fabout destination. */
    static final int SEND = 1;
    /** A fabric op with a memory destination and sources in memory, scalars or fabin queues. */
    static final int RECEIVE = 2;
    /** A memory op over MEM1D operands and scalars ({@link #memoryOnly}); a {@link #FAST} shape only. */
    static final int MEMORY = 3;

    private static final DsdOpKind[] KINDS = DsdOpKind.values();

    /**
     * Per pc, the decoded op, or null; null as a whole when the program is not sealed.
     * {@code inputQueues} is the number of input queues of the machine (output queue q is
     * binding {@code inputQueues + q} of a PE).
     */
    static int[][] decode(PeProgram program, int stackBase, int inputQueues) {
        for (Symbol s : program.symbols()) {
            if ((long) s.address() + s.bytes() > stackBase) {
                return null;
            }
        }
        FrameFacts facts = new FrameFacts(program);
        if (!facts.sound()) {
            return null;
        }
        int[] code = program.code();
        int n = code.length / Opcode.WIDTH;
        int[][] decoded = new int[n][];
        for (int pc = 0; pc < n; pc++) {
            if (!facts.reached(pc)) {
                continue;
            }
            int base = pc * Opcode.WIDTH;
            int word = code[base];
            switch (Opcode.op(word)) {
                case Opcode.STI, Opcode.TIMESTAMP -> {
                    return null;
                }
                case Opcode.STG -> {
                    if ((long) code[base + 1] + Opcode.type(word).bytes > stackBase) {
                        return null;
                    }
                }
                case Opcode.DSD_OP -> {
                    DsdOpKind kind = KINDS[(word >>> 8) & 0xFF];
                    decoded[pc] = entry(facts, pc, code, base, kind);
                    if (!writesBelow(decoded[pc], kind, stackBase)) {
                        return null;
                    }
                    decoded[pc][PROVEN] = (decoded[pc][SHAPE] != GENERAL || memoryOnly(decoded[pc], kind))
                            && inside(decoded[pc], kind, stackBase) ? 1 : 0;
                    fast(decoded[pc], kind, inputQueues);
                }
                default -> {
                }
            }
        }
        return decoded;
    }

    /**
     * Makes equal entries of all programs' tables one array, and lays the entries out for the
     * CE's dispatch ({@link ProgramTables#decodedAt}): entries are never written after
     * decoding, and a layout specialises a program many ways (the exchange: per side and
     * parity), so a cycle over PEs of different programs reads a few shared entries, which
     * stay in the core's first-level cache, instead of one copy per program.
     */
    static void share(ProgramTables[] tables) {
        java.util.Map<Entry, Integer> seen = new java.util.HashMap<>();
        java.util.List<int[]> distinct = new java.util.ArrayList<>();
        int pcs = 0;
        for (ProgramTables t : tables) {
            int[][] d = t.decoded;
            t.decodedBase = pcs;
            pcs += t.code.length / Opcode.WIDTH;
            for (int pc = 0; d != null && pc < d.length; pc++) {
                if (d[pc] != null) {
                    Integer i = seen.get(new Entry(d[pc]));
                    if (i == null) {
                        seen.put(new Entry(d[pc]), distinct.size());
                        distinct.add(d[pc]);
                    } else {
                        d[pc] = distinct.get(i);
                    }
                }
            }
        }
        int[] pool = new int[distinct.size() * ENTRY];
        for (int i = 0; i < distinct.size(); i++) {
            System.arraycopy(distinct.get(i), 0, pool, i * ENTRY, ENTRY);
        }
        int[] at = new int[pcs];
        java.util.Arrays.fill(at, -1);
        for (ProgramTables t : tables) {
            t.decodedAt = at;
            t.decodedPool = pool;
            for (int pc = 0; t.decoded != null && pc < t.decoded.length; pc++) {
                if (t.decoded[pc] != null) {
                    at[t.decodedBase + pc] = seen.get(new Entry(t.decoded[pc])) * ENTRY << 2 | t.decoded[pc][FAST];
                }
            }
        }
    }

    /** A decoded entry compared by its contents. */
    private record Entry(int[] words) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && java.util.Arrays.equals(words, e.words);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(words);
        }
    }

    /** The op at {@code pc} decoded, or null when one of its descriptors is not a known constant. */
    private static int[] entry(FrameFacts facts, int pc, int[] code, int base, DsdOpKind kind) {
        int[] e = new int[ENTRY];
        for (int k = 0; k < 4; k++) {
            int enc = code[base + 2 + k];
            int o = k * DsdExecutor.OPERAND;
            e[SCALAR_SLOTS + k] = -1;
            if (enc == DsdOperand.NONE) {
                e[o] = DsdExecutor.NONE;
            } else if (DsdOperand.isDsd(enc)) {
                int[] w = facts.words(pc, DsdOperand.slot(enc), Dsd.WORDS);
                if (w == null) {
                    return null;
                }
                e[o] = DsdExecutor.DESCRIPTOR;
                System.arraycopy(w, 0, e, o + 1, Dsd.WORDS);
            } else {
                e[o] = DsdExecutor.SCALAR;
                int[] w = facts.words(pc, DsdOperand.slot(enc), 1);
                if (w == null) {
                    e[SCALAR_SLOTS + k] = DsdOperand.slot(enc);
                    e[HAS_SCALARS] = 1;
                } else {
                    e[o + 1] = w[0];
                }
            }
        }
        if (kind.type.bytes == 4) {
            DsdExecutor.widen(e);
        }
        e[LENGTH] = DsdExecutor.length(e, 0);
        e[FABRIC] = DsdExecutor.touchesFabric(e, 0) ? 1 : 0;
        e[SHAPE] = e[FABRIC] == 0 ? GENERAL : shape(e, kind);
        e[KIND] = kind.ordinal();
        e[OPTIONS] = code[base + 1];
        return e;
    }

    /**
     * Whether every memory element of the decoded op {@code e} (its operands' first
     * {@code e[LENGTH]} elements, MEM1D only) lies within [0, {@code limit}) and is aligned
     * for its type, as {@link Sram#inside} requires. A scalar read at run time cannot change
     * an address, so it does not matter here.
     */
    static boolean inside(int[] e, DsdOpKind kind, int limit) {
        int length = e[LENGTH];
        int bytes = kind.type.bytes;
        int align = Math.min(bytes, 4) - 1;
        for (int k = 0; k <= kind.sources; k++) {
            int o = k * DsdExecutor.OPERAND;
            if (e[o] != DsdExecutor.DESCRIPTOR || Dsd.kind(e[o + 1]) != Dsd.MEM1D || length <= 0) {
                continue;
            }
            long first = e[o + 2];
            long last = first + (long) (length - 1) * e[o + 4];
            if (Math.min(first, last) < 0 || Math.max(first, last) + bytes > limit
                    || (first & align) != 0 || ((long) e[o + 4] & align) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Sets the entry's {@link #FAST} shape, queues and send meta. */
    private static void fast(int[] e, DsdOpKind kind, int inputQueues) {
        for (int k = 0; k < 4; k++) {
            int o = k * DsdExecutor.OPERAND;
            boolean queue = e[o] == DsdExecutor.DESCRIPTOR
                    && (k == 0 ? Dsd.kind(e[o + 1]) == Dsd.FABOUT : Dsd.kind(e[o + 1]) == Dsd.FABIN);
            e[QUEUE + k] = !queue ? -1 : k == 0 ? inputQueues + Dsd.queue(e[o + 1]) : Dsd.queue(e[o + 1]);
        }
        if (e[SHAPE] == SEND) {
            e[META] = Wavelet.meta(Dsd.color(e[1]), Dsd.has(e[1], Dsd.FLAG_CONTROL));
        }
        boolean plain = e[PROVEN] != 0 && e[HAS_SCALARS] == 0 && !DsdOperand.async(e[OPTIONS]);
        if (!plain) {
            e[FAST] = GENERAL;
        } else if (e[FABRIC] == 0) {
            e[FAST] = MEMORY;
        } else {
            e[FAST] = kind.type.bytes == 4 ? e[SHAPE] : GENERAL;
        }
    }

    /**
     * Whether the decoded op {@code e} touches nothing but memory through MEM1D descriptors
     * (its destination and every descriptor source) and scalars: the operands
     * {@link MemoryRun#run} takes.
     */
    static boolean memoryOnly(int[] e, DsdOpKind kind) {
        if (e[FABRIC] != 0 || e[0] != DsdExecutor.DESCRIPTOR || Dsd.kind(e[1]) != Dsd.MEM1D) {
            return false;
        }
        for (int k = 1; k <= kind.sources; k++) {
            int o = k * DsdExecutor.OPERAND;
            if (e[o] == DsdExecutor.DESCRIPTOR && Dsd.kind(e[o + 1]) != Dsd.MEM1D) {
                return false;
            }
        }
        return true;
    }

    private static int shape(int[] e, DsdOpKind kind) {
        int dest = e[0] == DsdExecutor.DESCRIPTOR ? Dsd.kind(e[1]) : -1;
        if (dest == Dsd.FABOUT) {
            int o = DsdExecutor.OPERAND;
            return kind.sources == 1 && e[o] == DsdExecutor.DESCRIPTOR && Dsd.kind(e[o + 1]) == Dsd.MEM1D ? SEND : GENERAL;
        }
        if (dest != Dsd.MEM1D) {
            return GENERAL;
        }
        for (int k = 1; k <= kind.sources; k++) {
            int o = k * DsdExecutor.OPERAND;
            if (e[o] == DsdExecutor.DESCRIPTOR && Dsd.kind(e[o + 1]) != Dsd.MEM1D && Dsd.kind(e[o + 1]) != Dsd.FABIN) {
                return GENERAL;
            }
        }
        return RECEIVE;
    }

    /** Whether every SRAM byte the op may write lies below {@code limit}; false for an op not decoded. */
    private static boolean writesBelow(int[] e, DsdOpKind kind, int limit) {
        if (e == null) {
            return false;
        }
        ElementType t = kind.type;
        if (e[0] == DsdExecutor.DESCRIPTOR) {
            int w0 = e[1];
            if (Dsd.kind(w0) == Dsd.MEM1D && e[LENGTH] > 0) {
                long first = e[2];
                long last = first + (long) (e[LENGTH] - 1) * e[4];
                // both ends at or above 0 too: then no element's int address can wrap round into the stack
                if (Math.min(first, last) < 0 || Math.max(first, last) + t.bytes > limit) {
                    return false;
                }
            } else if (Dsd.kind(w0) == Dsd.FIFO && !fifoBelow(e, 0, t, limit)) {
                return false;
            } else if (Dsd.kind(w0) == Dsd.MEM4D) {
                return false;   // its reach depends on a shape held in SRAM: never assumed
            }
        }
        for (int k = 1; k <= kind.sources; k++) {
            int o = k * DsdExecutor.OPERAND;
            if (e[o] == DsdExecutor.DESCRIPTOR && Dsd.kind(e[o + 1]) == Dsd.FIFO && (long) e[o + 4] + 8 > limit) {
                return false;
            }
        }
        return true;
    }

    private static boolean fifoBelow(int[] e, int o, ElementType t, int limit) {
        // a push lands within capacity elements of the buffer whatever the header holds
        return (long) e[o + 2] + Math.abs((long) e[o + 3]) * t.bytes <= limit && (long) e[o + 4] + 8 <= limit;
    }
}
