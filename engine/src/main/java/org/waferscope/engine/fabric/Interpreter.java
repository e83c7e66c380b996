package org.waferscope.engine.fabric;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.FunctionInfo;
import org.waferscope.engine.ir.MathFn;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;

/** Executes one instruction of the running task: the CE's one scalar instruction per cycle. */
final class Interpreter {
    private Interpreter() {
    }

    private static final ElementType[] TYPES = ElementType.values();
    private static final MathFn[] MATH_FNS = MathFn.values();

    /**
     * Types whose arithmetic is plain 32-bit two's complement, with nothing to normalize
     * ({@link Alu#binary} gives the same): those of the common integer instructions, decided
     * without a table.
     */
    private static final int INT32 = 1 << ElementType.I32.ordinal() | 1 << ElementType.U32.ordinal();
    /** Types of four bytes, stored and loaded as the int they are in register form. */
    private static final int FOUR_BYTES = INT32 | 1 << ElementType.F32.ordinal();

    /** {@link #common}'s answer for an instruction it leaves to {@link #execute}. */
    static final int NOT_COMMON = -1;

    /**
     * The instructions of a busy scalar loop, on 32-bit integers or 4-byte words in place, done
     * in a method small enough for the compiler to put in the CE's step, without
     * {@link #execute}'s frame, its switch over every instruction, or {@link Alu}'s and
     * {@link Sram}'s switches over the element type: what they would do for these types, in the
     * same order (operands read, then the check that may fault). Any other instruction, type,
     * or a global access that is not inside and aligned (which faults there), returns
     * {@link #NOT_COMMON} before it has changed anything.
     */
    static int common(Fabric f, int p, int i, int pi, long pcFp) {
        int pc = (int) pcFp;
        int[] code = f.code[pi];
        int base = pc * Opcode.WIDTH;
        int word = code[base];
        int a = code[base + 1];
        int b = code[base + 2];
        byte[] m = f.sram[p];
        int fp = (int) (pcFp >>> 32);
        int next;
        switch (word & 0xFF) {
            case Opcode.JMP -> next = a;
            case Opcode.JZ -> next = get(m, fp, a) == 0 ? b : pc + 1;
            case Opcode.JNZ -> next = get(m, fp, a) != 0 ? b : pc + 1;
            case Opcode.CONST, Opcode.MOV, Opcode.ADD, Opcode.SUB, Opcode.AND, Opcode.OR, Opcode.XOR, Opcode.LDG,
                    Opcode.STG -> {
                if (!data(m, fp, word, a, b, code[base + 3])) {
                    return NOT_COMMON;
                }
                next = pc + 1;
            }
            default -> {
                return NOT_COMMON;
            }
        }
        f.core[i + CoreRecords.PC_FP] = pcFp & 0xFFFFFFFF00000000L | next & 0xFFFFFFFFL;
        return ComputeEngine.COMPUTED;
    }

    /**
     * {@link #common}'s instructions that write a frame slot or a global (the default case is
     * {@code STG}): false, having done nothing, for a type or an access they leave to {@link #execute}.
     */
    private static boolean data(byte[] m, int fp, int word, int a, int b, int c) {
        int type = word >>> 8 & 0xFF;
        switch (word & 0xFF) {
            case Opcode.CONST -> set(m, fp, a, b);
            case Opcode.MOV -> set(m, fp, a, get(m, fp, b));
            case Opcode.ADD, Opcode.SUB, Opcode.AND, Opcode.OR, Opcode.XOR -> {
                if ((INT32 >>> type & 1) == 0) {
                    return false;
                }
                int x = get(m, fp, b);
                int y = get(m, fp, c);
                set(m, fp, a, switch (word & 0xFF) {
                    case Opcode.ADD -> x + y;
                    case Opcode.SUB -> x - y;
                    case Opcode.AND -> x & y;
                    case Opcode.OR -> x | y;
                    default -> x ^ y;
                });
            }
            case Opcode.LDG -> {
                if ((FOUR_BYTES >>> type & 1) == 0 || !aligned4(m, b)) {
                    return false;
                }
                set(m, fp, a, Sram.readInt(m, b));
            }
            default -> {
                if ((FOUR_BYTES >>> type & 1) == 0 || !aligned4(m, a)) {
                    return false;
                }
                Sram.writeInt(m, a, get(m, fp, b));
            }
        }
        return true;
    }

    /**
     * Executes the instruction at the pc of {@code pcFp} (PE p's record word {@link CoreRecords#PC_FP},
     * its record at {@code i}), program {@code pi}, PE p's running task. Writes the pc (and the
     * frame pointer a call or return changes) back to the record once; the activity it
     * returns ({@link ComputeEngine#OWN_ACTIVITY}) is written by the caller.
     */
    static int execute(Fabric f, int p, int i, int pi, long pcFp, long cycle, CycleSink sink, int[] scratch) {
        int pc = (int) pcFp;
        int[] code = f.code[pi];
        int base = pc * Opcode.WIDTH;
        int word = code[base];
        int op = word & 0xFF;
        int a = code[base + 1];
        int b = code[base + 2];
        int c = code[base + 3];
        byte[] m = f.sram[p];
        int fp = (int) (pcFp >>> 32);
        int next = pc + 1;
        switch (op) {
            case Opcode.NOP -> {
            }
            case Opcode.CONST -> set(m, fp, a, b);
            case Opcode.MOV -> set(m, fp, a, get(m, fp, b));
            case Opcode.MOVN -> {
                for (int k = 0; k < c; k++) {
                    set(m, fp, a + k, get(m, fp, b + k));
                }
            }
            case Opcode.LOADK -> {
                int[] k = f.tables[pi].program.constants().get(b);
                for (int j = 0; j < k.length; j++) {
                    set(m, fp, a + j, k[j]);
                }
            }
            case Opcode.ADD, Opcode.SUB, Opcode.MUL, Opcode.DIV, Opcode.REM, Opcode.MIN, Opcode.MAX, Opcode.AND,
                    Opcode.OR, Opcode.XOR, Opcode.SHL, Opcode.SHR, Opcode.EQ, Opcode.NE, Opcode.LT, Opcode.LE,
                    Opcode.GT, Opcode.GE -> set(m, fp, a, Alu.binary(op, TYPES[(word >>> 8) & 0xFF], get(m, fp, b), get(m, fp, c)));
            case Opcode.NEG, Opcode.NOT, Opcode.LNOT -> set(m, fp, a, Alu.unary(op, TYPES[(word >>> 8) & 0xFF], get(m, fp, b)));
            case Opcode.MATH -> set(m, fp, a, MATH_FNS[c].apply(TYPES[(word >>> 8) & 0xFF], get(m, fp, b),
                    code[base + 4] < 0 ? 0 : get(m, fp, code[base + 4])));
            case Opcode.CONV -> set(m, fp, a, Alu.convert(get(m, fp, b), TYPES[c], TYPES[code[base + 4]]));
            case Opcode.BITCAST -> set(m, fp, a, Alu.bitcast(get(m, fp, b), TYPES[c], TYPES[code[base + 4]]));
            case Opcode.LDG -> set(m, fp, a, load(m, b, TYPES[(word >>> 8) & 0xFF]));
            case Opcode.STG -> store(m, a, TYPES[(word >>> 8) & 0xFF], get(m, fp, b));
            case Opcode.LDI -> {
                int addr = get(m, fp, b) + c;
                set(m, fp, a, RouterRegisters.holds(addr) ? RouterRegisters.read(f, p, addr)
                        : load(m, addr, TYPES[(word >>> 8) & 0xFF]));
            }
            case Opcode.STI -> {
                int addr = get(m, fp, a) + c;
                if (RouterRegisters.holds(addr)) {
                    RouterRegisters.write(f, p, addr, get(m, fp, b));
                } else {
                    store(m, addr, TYPES[(word >>> 8) & 0xFF], get(m, fp, b));
                }
            }
            case Opcode.ADDR_OF_SLOT -> set(m, fp, a, fp + 4 * b);
            case Opcode.JMP -> next = a;
            case Opcode.JZ -> {
                if (get(m, fp, a) == 0) {
                    next = b;
                }
            }
            case Opcode.JNZ -> {
                if (get(m, fp, a) != 0) {
                    next = b;
                }
            }
            case Opcode.CALL -> {
                return call(f, i, f.tables[pi].program, m, fp, a, b, pc);
            }
            case Opcode.RET -> {
                return ret(f, p, i, m, fp, a);
            }
            case Opcode.ACTIVATE -> ComputeEngine.activate(f, p, f.tables[pi], a);
            case Opcode.BLOCK -> f.blocked[p] |= 1L << a;
            case Opcode.UNBLOCK -> f.blocked[p] &= ~(1L << a);
            case Opcode.ACTIVATE_SLOT -> ComputeEngine.activate(f, p, f.tables[pi], taskId(get(m, fp, a)));
            case Opcode.DSD_OP -> {
                // not decoded (ComputeEngine.stepCe runs the decoded ones): resolved from the frame
                return ComputeEngine.vectorOp(f, p, cycle, pc, null, scratch);
            }
            case Opcode.DSD_ADD_OFFSET -> dsdEdit(m, fp, a, b, 1, get(m, fp, b + 1) + get(m, fp, c) * code[base + 4]);
            case Opcode.DSD_SET_BASE -> {
                dsdEdit(m, fp, a, b, 1, get(m, fp, c));
                retype(m, fp, a, code[base + 4]);
            }
            case Opcode.DSD_SET_LENGTH -> {
                int len = get(m, fp, c);
                if (len < 0 || len > Dsd.MAX_LENGTH) {
                    throw new MachineFault("DSD length " + len + " is outside 0.." + Dsd.MAX_LENGTH);
                }
                dsdEdit(m, fp, a, b, 2, len);
            }
            case Opcode.PRINT -> print(f, p, f.tables[pi].program, m, fp, a, b, c, cycle, sink);
            case Opcode.TIMESTAMP -> {
                int addr = get(m, fp, a);
                store(m, addr, ElementType.U16, (int) (cycle & 0xFFFF));
                store(m, addr + 2, ElementType.U16, (int) ((cycle >>> 16) & 0xFFFF));
                store(m, addr + 4, ElementType.U16, (int) ((cycle >>> 32) & 0xFFFF));
            }
            case Opcode.UNBLOCK_CMD_STREAM -> {
                f.released[p] = 1;
                sink.released(p);
            }
            case Opcode.COORD -> set(m, fp, a, b == 0 ? p % f.width : p / f.width);
            case Opcode.CYCLE -> set(m, fp, a, (int) cycle);
            case Opcode.TRAP -> throw new MachineFault("an @assert failed");
            case Opcode.ROUTE_POS -> {
                if (!RouteSwitch.set(f, p, get(m, fp, a), get(m, fp, b), get(m, fp, c))) {
                    return ComputeEngine.WORKING | ComputeEngine.STALLED | ComputeEngine.OWN_ACTIVITY
                            | Activity.STALL_OUTPUT << ComputeEngine.ACTIVITY_SHIFT;
                }
            }
            case Opcode.ROUTE_CFG -> RouteEdits.apply(f, p, a, b, c, code[base + 4], code[base + 5]);
            default -> throw new MachineFault("unknown instruction " + op);
        }
        // no other instruction changes the pc or frame pointer on its way (a call and a return have returned)
        f.core[i + CoreRecords.PC_FP] = pcFp & 0xFFFFFFFF00000000L | next & 0xFFFFFFFFL;
        return ComputeEngine.COMPUTED;
    }

    /** Whether a 4-byte access at {@code addr} lies inside the SRAM, aligned: {@link Sram#inside} for 4 bytes. */
    private static boolean aligned4(byte[] m, int addr) {
        return addr >= 0 && addr <= m.length - 4 && (addr & 3) == 0;
    }

    private static int taskId(int id) {
        if (id < 0 || id > 63) {
            throw new MachineFault("task id " + id + " is outside 0..63");
        }
        return id;
    }

    private static int get(byte[] m, int fp, int slot) {
        return Sram.readInt(m, fp + 4 * slot);
    }

    private static void set(byte[] m, int fp, int slot, int v) {
        Sram.writeInt(m, fp + 4 * slot, v);
    }

    private static int load(byte[] m, int addr, ElementType t) {
        if (!Sram.inside(m, addr, t.bytes)) {
            throw new MachineFault(String.format("load of %s at address 0x%X is outside the %d bytes of data and stack this PE's program uses",
                    t.cslName(), addr, m.length));
        }
        return Sram.read(m, addr, t);
    }

    private static void store(byte[] m, int addr, ElementType t, int v) {
        if (!Sram.inside(m, addr, t.bytes)) {
            throw new MachineFault(String.format("store of %s at address 0x%X is outside the %d bytes of data and stack this PE's program uses",
                    t.cslName(), addr, m.length));
        }
        Sram.write(m, addr, t, v);
    }

    /** The stride of the DSD at {@code dsd} kept in elements of {@code bytes} (0: leave it) instead of its old ones. */
    private static void retype(byte[] m, int fp, int dsd, int bytes) {
        int w0 = get(m, fp, dsd);
        int old = Dsd.elementBytes(w0);
        if (bytes == 0 || old == 0 || old == bytes || Dsd.kind(w0) != Dsd.MEM1D) {
            return;
        }
        set(m, fp, dsd + 3, get(m, fp, dsd + 3) / old * bytes);
        set(m, fp, dsd, Dsd.withElementBytes(w0, bytes));
    }

    private static void dsdEdit(byte[] m, int fp, int dst, int src, int word, int value) {
        for (int k = 0; k < 4; k++) {
            set(m, fp, dst + k, k == word ? value : get(m, fp, src + k));
        }
    }

    private static int call(Fabric f, int i, PeProgram program, byte[] m, int fp, int fn, int argBase, int pc) {
        FunctionInfo callee = program.functions().get(fn);
        int newFp = fp + 4 * (argBase - 2);
        if (newFp + 4 * callee.frameSlots() > m.length) {
            throw new MachineFault("stack overflow calling " + callee.name());
        }
        Sram.writeInt(m, newFp, pc + 1);
        Sram.writeInt(m, newFp + 4, fp);
        f.core[i + CoreRecords.PC_FP] = (long) newFp << 32 | callee.entry() & 0xFFFFFFFFL;
        return ComputeEngine.COMPUTED;
    }

    private static int ret(Fabric f, int p, int i, byte[] m, int fp, int valueSlot) {
        if (valueSlot >= 0) {
            set(m, fp, 2, get(m, fp, valueSlot));
        }
        int savedPc = Sram.readInt(m, fp);
        if (savedPc < 0) {
            f.setPc(p, -1);
            f.setTask(p, -1);
        } else {
            f.core[i + CoreRecords.PC_FP] = (long) Sram.readInt(m, fp + 4) << 32 | savedPc & 0xFFFFFFFFL;
        }
        return ComputeEngine.COMPUTED;
    }

    private static void print(Fabric f, int p, PeProgram program, byte[] m, int fp, int format, int first, int count,
                              long cycle, CycleSink sink) {
        int[] args = new int[count];
        for (int i = 0; i < count; i++) {
            args[i] = get(m, fp, first + i);
        }
        sink.print(p, cycle, program.formats().get(format).render(args));
    }
}
