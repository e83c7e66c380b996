package org.waferscope.engine.ir;

import org.waferscope.engine.arch.ElementType;

/**
 * The instruction set of the intermediate form a PE program compiles to.
 *
 * <p>Every instruction is {@link #WIDTH} ints: the opcode word, then operands a..e. The low
 * byte of the opcode word is the operation; for typed operations bits 8..15 hold the
 * {@link ElementType} ordinal. Operands named "slot" are indexes of 32-bit slots in the
 * current frame (which lives in the PE's SRAM); "addr" operands are byte addresses.
 *
 * <p>Frame layout: slot 0 holds the caller's pc, slot 1 the caller's frame pointer, slots
 * 2.. the arguments, then locals and temporaries. A data task receives the arriving
 * wavelet's 32-bit payload in slot 2; a control task receives the control wavelet's 16-bit
 * data there.
 */
public final class Opcode {
    private Opcode() {
    }

    public static final int WIDTH = 6;

    /** Does nothing for one cycle. */
    public static final int NOP = 0;
    /** slot[a] = b (a 32-bit immediate, already in register form for its type). */
    public static final int CONST = 1;
    /** slot[a] = slot[b]. */
    public static final int MOV = 2;
    /** slot[a .. a+c) = slot[b .. b+c): copies multi-slot values such as DSDs. */
    public static final int MOVN = 3;
    /** slot[a .. a+n) = constant c of the program's pool, n its length. */
    public static final int LOADK = 4;

    /** Typed binary ALU ops: slot[a] = slot[b] op slot[c], normalized to the type. */
    public static final int ADD = 10;
    public static final int SUB = 11;
    public static final int MUL = 12;
    public static final int DIV = 13;
    public static final int REM = 14;
    public static final int MIN = 15;
    public static final int MAX = 16;
    public static final int AND = 17;
    public static final int OR = 18;
    public static final int XOR = 19;
    public static final int SHL = 20;
    public static final int SHR = 21;
    /** Typed comparisons: slot[a] = (slot[b] op slot[c]) ? 1 : 0. */
    public static final int EQ = 22;
    public static final int NE = 23;
    public static final int LT = 24;
    public static final int LE = 25;
    public static final int GT = 26;
    public static final int GE = 27;
    /** Typed unary ops: slot[a] = op slot[b]. NOT is bitwise; LNOT is boolean. */
    public static final int NEG = 28;
    public static final int NOT = 29;
    public static final int LNOT = 30;
    /** slot[a] = convert slot[b] from type c to type d (ordinals), as {@code @as}. */
    public static final int CONV = 31;
    /** slot[a] = the bits of slot[b] reinterpreted from type c to type d, as {@code @bitcast}. */
    public static final int BITCAST = 32;
    /**
     * Typed {@code <math>} function: slot[a] = {@link MathFn} c of slot[b] (and slot[d] for
     * two-operand functions; d is -1 otherwise).
     */
    public static final int MATH = 33;

    /** Typed load of a global: slot[a] = mem[b] (b an immediate byte address). */
    public static final int LDG = 40;
    /** Typed store to a global: mem[a] = slot[b] (a an immediate byte address). */
    public static final int STG = 41;
    /** Typed indirect load: slot[a] = mem[slot[b] + c]. */
    public static final int LDI = 42;
    /** Typed indirect store: mem[slot[a] + c] = slot[b]. */
    public static final int STI = 43;
    /** slot[a] = the byte address of this frame's slot b (taking the address of a local). */
    public static final int ADDR_OF_SLOT = 44;

    /** pc = a. */
    public static final int JMP = 50;
    /** if slot[a] == 0 then pc = b. */
    public static final int JZ = 51;
    /** if slot[a] != 0 then pc = b. */
    public static final int JNZ = 52;
    /**
     * Calls function a. The callee's slot 2 is the caller's slot b, so the caller puts the
     * arguments at slots b, b+1, ... and slots b-2, b-1 are overwritten with the return link.
     */
    public static final int CALL = 53;
    /** Returns; if a >= 0, slot[a] is copied to the frame's slot 2 (the caller's result slot). A
     * return from the outermost frame ends the task. */
    public static final int RET = 54;

    /** Activates task id a (an immediate). */
    public static final int ACTIVATE = 60;
    /** Blocks task id a. */
    public static final int BLOCK = 61;
    /** Unblocks task id a. */
    public static final int UNBLOCK = 62;
    /** Activates the task whose id is in slot[a] (a library's callback, chosen at run time). */
    public static final int ACTIVATE_SLOT = 63;

    /**
     * A DSD operation; the opcode word's bits 8..15 hold the {@link DsdOpKind} ordinal.
     * a = options ({@link DsdOperand#options}), b = destination operand, c, d, e = source
     * operands ({@link DsdOperand}).
     */
    public static final int DSD_OP = 70;
    /** slot[a..a+4) = DSD slot[b..] with its base advanced by slot[c] elements of d bytes. */
    public static final int DSD_ADD_OFFSET = 71;
    /** slot[a..a+4) = DSD slot[b..] with its base address set to slot[c]. */
    public static final int DSD_SET_BASE = 72;
    /** slot[a..a+4) = DSD slot[b..] with its length set to slot[c]. */
    public static final int DSD_SET_LENGTH = 73;

    /** Prints format a of the program with c arguments starting at slot b (simprint). */
    public static final int PRINT = 80;
    /** Writes the 48-bit cycle counter as three u16 at the address in slot[a]. */
    public static final int TIMESTAMP = 81;
    /** Releases the host's command stream (memcpy's unblock_cmd_stream). */
    public static final int UNBLOCK_CMD_STREAM = 82;
    /** slot[a] = this PE's x coordinate (b = 0) or y coordinate (b = 1) within the kernel. */
    public static final int COORD = 83;
    /** slot[a] = the low 32 bits of the cycle counter. */
    public static final int CYCLE = 84;
    /** Stops the PE with a machine fault: an {@code @assert} whose condition was false. */
    public static final int TRAP = 85;
    /**
     * Sets this PE's switch position of the color in slot[a] to slot[b], once output queue
     * slot[c] (if c's slot holds a queue id, not -1) has no wavelet left for the old route:
     * the CE writing its own router's configuration, as the SDK's collectives library does.
     * A color this PE does not route is left alone.
     */
    public static final int ROUTE_POS = 86;
    /**
     * The CE rewriting its own router's handling of color a (immediate), as the SDK's
     * {@code <tile_config>} does: action b (one of the {@code EDIT_} constants of
     * {@code fabric.RouteEdits}) with switch position c, rx port mask d and tx port mask e,
     * all immediates. Takes effect for the wavelets the router moves from this cycle on.
     */
    public static final int ROUTE_CFG = 87;

    /** The operation part of an opcode word. */
    public static int op(int word) {
        return word & 0xFF;
    }

    /** The type part of a typed opcode word. */
    public static ElementType type(int word) {
        return ElementType.values()[(word >>> 8) & 0xFF];
    }

    /** An opcode word for a typed operation. */
    public static int typed(int op, ElementType t) {
        return op | (t.ordinal() << 8);
    }

    /** A short mnemonic for disassembly. */
    public static String name(int op) {
        return switch (op) {
            case NOP -> "nop";
            case CONST -> "const";
            case MOV -> "mov";
            case MOVN -> "movn";
            case LOADK -> "loadk";
            case ADD -> "add";
            case SUB -> "sub";
            case MUL -> "mul";
            case DIV -> "div";
            case REM -> "rem";
            case MATH -> "math";
            case MIN -> "min";
            case MAX -> "max";
            case AND -> "and";
            case OR -> "or";
            case XOR -> "xor";
            case SHL -> "shl";
            case SHR -> "shr";
            case EQ -> "eq";
            case NE -> "ne";
            case LT -> "lt";
            case LE -> "le";
            case GT -> "gt";
            case GE -> "ge";
            case NEG -> "neg";
            case NOT -> "not";
            case LNOT -> "lnot";
            case CONV -> "conv";
            case BITCAST -> "bitcast";
            case LDG -> "ldg";
            case STG -> "stg";
            case LDI -> "ldi";
            case STI -> "sti";
            case ADDR_OF_SLOT -> "addr";
            case JMP -> "jmp";
            case JZ -> "jz";
            case JNZ -> "jnz";
            case CALL -> "call";
            case RET -> "ret";
            case ACTIVATE -> "activate";
            case BLOCK -> "block";
            case UNBLOCK -> "unblock";
            case ACTIVATE_SLOT -> "activate.slot";
            case DSD_OP -> "dsd";
            case DSD_ADD_OFFSET -> "dsd.offset";
            case DSD_SET_BASE -> "dsd.base";
            case DSD_SET_LENGTH -> "dsd.length";
            case PRINT -> "print";
            case TIMESTAMP -> "timestamp";
            case UNBLOCK_CMD_STREAM -> "unblock_cmd_stream";
            case COORD -> "coord";
            case CYCLE -> "cycle";
            case TRAP -> "trap";
            case ROUTE_POS -> "route.pos";
            case ROUTE_CFG -> "route.cfg";
            default -> "op" + op;
        };
    }

    /** True for operations whose opcode word carries an element type. */
    public static boolean isTyped(int op) {
        return (op >= ADD && op <= NOT) || op == MATH || op == LDG || op == STG || op == LDI || op == STI;
    }
}
