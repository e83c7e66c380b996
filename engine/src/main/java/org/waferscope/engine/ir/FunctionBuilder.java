package org.waferscope.engine.ir;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.ElementType;

/**
 * Emits the instructions of one function or task body. Slots 0 and 1 are the return link,
 * arguments start at slot 2; {@link #temp()} hands out further slots. Jumps go to
 * {@link Label}s, which may be bound after use.
 */
public final class FunctionBuilder {
    /** A jump target inside this function. */
    public static final class Label {
        private int at = -1;
        private final List<Integer> uses = new ArrayList<>();
    }

    private final ProgramBuilder program;
    private final int index;
    private final String name;
    private final int params;
    private final SourcePos declared;
    private final List<int[]> code = new ArrayList<>();
    private final List<SourcePos> positions = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private SourcePos current;
    private int nextSlot;
    private int maxSlot;

    FunctionBuilder(ProgramBuilder program, int index, String name, int params, SourcePos declared) {
        this.program = program;
        this.index = index;
        this.name = name;
        this.params = params;
        this.declared = declared;
        this.current = declared;
        this.nextSlot = 2 + params;
        this.maxSlot = nextSlot;
    }

    public int index() {
        return index;
    }

    public String name() {
        return name;
    }

    /** The slot of argument {@code i}. */
    public int arg(int i) {
        return 2 + i;
    }

    /** Sets the source position of the instructions that follow. */
    public FunctionBuilder at(SourcePos pos) {
        current = pos;
        return this;
    }

    public FunctionBuilder at(int line, int column) {
        return at(new SourcePos(program.name(), line, column));
    }

    /** A fresh slot. */
    public int temp() {
        return temps(1);
    }

    /** {@code n} fresh contiguous slots; returns the first. */
    public int temps(int n) {
        int s = nextSlot;
        nextSlot += n;
        maxSlot = Math.max(maxSlot, nextSlot);
        return s;
    }

    /** The next free slot, to mark before a scope and {@link #release} after it. */
    public int mark() {
        return nextSlot;
    }

    public void release(int mark) {
        nextSlot = mark;
    }

    public int size() {
        return code.size();
    }

    public FunctionBuilder emit(int word, int a, int b, int c, int d, int e) {
        code.add(new int[] {word, a, b, c, d, e});
        positions.add(current);
        return this;
    }

    private FunctionBuilder emit(int word, int a, int b, int c) {
        return emit(word, a, b, c, 0, 0);
    }

    public FunctionBuilder nop() {
        return emit(Opcode.NOP, 0, 0, 0);
    }

    public FunctionBuilder constI32(int dst, int value) {
        return emit(Opcode.CONST, dst, value, 0);
    }

    public FunctionBuilder constF32(int dst, float value) {
        return emit(Opcode.CONST, dst, Float.floatToRawIntBits(value), 0);
    }

    public FunctionBuilder mov(int dst, int src) {
        return emit(Opcode.MOV, dst, src, 0);
    }

    public FunctionBuilder movn(int dst, int src, int count) {
        return emit(Opcode.MOVN, dst, src, count);
    }

    /** Loads a multi-word constant (such as a DSD's four words) into slots starting at {@code dst}. */
    public FunctionBuilder loadConstant(int dst, int[] words) {
        return emit(Opcode.LOADK, dst, program.constant(words), 0);
    }

    /** A typed binary or comparison operation: dst = x op y. */
    public FunctionBuilder op(int op, ElementType t, int dst, int x, int y) {
        return emit(Opcode.typed(op, t), dst, x, y);
    }

    /** A typed unary operation (NEG, NOT, LNOT). */
    public FunctionBuilder unary(int op, ElementType t, int dst, int src) {
        return emit(Opcode.typed(op, t), dst, src, 0);
    }

    /** A {@code <math>} function of slot x (and slot y, or -1) as type t. */
    public FunctionBuilder math(MathFn fn, ElementType t, int dst, int x, int y) {
        return emit(Opcode.typed(Opcode.MATH, t), dst, x, fn.ordinal(), y, 0);
    }

    public FunctionBuilder convert(int dst, int src, ElementType from, ElementType to) {
        return emit(Opcode.CONV, dst, src, from.ordinal(), to.ordinal(), 0);
    }

    public FunctionBuilder bitcast(int dst, int src, ElementType from, ElementType to) {
        return emit(Opcode.BITCAST, dst, src, from.ordinal(), to.ordinal(), 0);
    }

    public FunctionBuilder loadGlobal(ElementType t, int dst, int address) {
        return emit(Opcode.typed(Opcode.LDG, t), dst, address, 0);
    }

    public FunctionBuilder storeGlobal(ElementType t, int address, int src) {
        return emit(Opcode.typed(Opcode.STG, t), address, src, 0);
    }

    public FunctionBuilder loadIndirect(ElementType t, int dst, int addressSlot, int offset) {
        return emit(Opcode.typed(Opcode.LDI, t), dst, addressSlot, offset);
    }

    public FunctionBuilder storeIndirect(ElementType t, int addressSlot, int offset, int src) {
        return emit(Opcode.typed(Opcode.STI, t), addressSlot, src, offset);
    }

    public FunctionBuilder addressOfSlot(int dst, int slot) {
        return emit(Opcode.ADDR_OF_SLOT, dst, slot, 0);
    }

    public Label label() {
        Label l = new Label();
        labels.add(l);
        return l;
    }

    /** Binds {@code l} to the next instruction. */
    public FunctionBuilder bind(Label l) {
        if (l.at >= 0) {
            throw new IllegalStateException("label bound twice in " + name);
        }
        l.at = code.size();
        return this;
    }

    public FunctionBuilder jump(Label l) {
        l.uses.add(code.size());
        return emit(Opcode.JMP, 0, 0, 0);
    }

    public FunctionBuilder jumpIfZero(int cond, Label l) {
        l.uses.add(code.size());
        return emit(Opcode.JZ, cond, 0, 0);
    }

    public FunctionBuilder jumpIfNotZero(int cond, Label l) {
        l.uses.add(code.size());
        return emit(Opcode.JNZ, cond, 0, 0);
    }

    /** Calls {@code callee} with arguments already placed at slots {@code argBase}.. (argBase >= 4). */
    public FunctionBuilder call(FunctionBuilder callee, int argBase) {
        return call(callee.index(), argBase);
    }

    public FunctionBuilder call(int calleeIndex, int argBase) {
        if (argBase < 4) {
            throw new IllegalArgumentException("argument base must leave two slots for the return link");
        }
        maxSlot = Math.max(maxSlot, argBase + 1);
        return emit(Opcode.CALL, calleeIndex, argBase, 0);
    }

    public FunctionBuilder ret() {
        return emit(Opcode.RET, -1, 0, 0);
    }

    public FunctionBuilder ret(int valueSlot) {
        return emit(Opcode.RET, valueSlot, 0, 0);
    }

    public FunctionBuilder activate(int taskId) {
        return emit(Opcode.ACTIVATE, taskId, 0, 0);
    }

    public FunctionBuilder block(int taskId) {
        return emit(Opcode.BLOCK, taskId, 0, 0);
    }

    public FunctionBuilder unblock(int taskId) {
        return emit(Opcode.UNBLOCK, taskId, 0, 0);
    }

    /**
     * A DSD operation. Operands are {@link DsdOperand#dsd} or {@link DsdOperand#scalar}
     * encodings, or {@link DsdOperand#NONE}; options from {@link DsdOperand#options}.
     */
    public FunctionBuilder dsdOp(DsdOpKind kind, int options, int dst, int src0, int src1, int src2) {
        return emit(Opcode.DSD_OP | (kind.ordinal() << 8), options, dst, src0, src1, src2);
    }

    public FunctionBuilder dsdOp(DsdOpKind kind, int dst, int src0) {
        return dsdOp(kind, DsdOperand.options(false, DsdOperand.NO_TASK, DsdOperand.NO_TASK), dst, src0,
                DsdOperand.NONE, DsdOperand.NONE);
    }

    public FunctionBuilder dsdAddOffset(int dst, int src, int countSlot, int elementBytes) {
        return emit(Opcode.DSD_ADD_OFFSET, dst, src, countSlot, elementBytes, 0);
    }

    public FunctionBuilder dsdSetBase(int dst, int src, int addressSlot) {
        return dsdSetBase(dst, src, addressSlot, 0);
    }

    /**
     * A memory DSD moved onto the address in {@code addressSlot}, whose elements are
     * {@code elementBytes} long (0: not known): a stride kept for elements of another size is
     * rescaled to count as many of the new ones.
     */
    public FunctionBuilder dsdSetBase(int dst, int src, int addressSlot, int elementBytes) {
        return emit(Opcode.DSD_SET_BASE, dst, src, addressSlot, elementBytes, 0);
    }

    public FunctionBuilder dsdSetLength(int dst, int src, int lengthSlot) {
        return emit(Opcode.DSD_SET_LENGTH, dst, src, lengthSlot);
    }

    /** simprint: prints {@code format} with {@code count} arguments in slots from {@code firstArg}. */
    public FunctionBuilder print(PrintFormat format, int firstArg, int count) {
        return emit(Opcode.PRINT, program.format(format), firstArg, count);
    }

    public FunctionBuilder timestamp(int addressSlot) {
        return emit(Opcode.TIMESTAMP, addressSlot, 0, 0);
    }

    public FunctionBuilder cycle(int dst) {
        return emit(Opcode.CYCLE, dst, 0, 0);
    }

    public FunctionBuilder coord(int dst, boolean y) {
        return emit(Opcode.COORD, dst, y ? 1 : 0, 0);
    }

    /** Activates the task whose id is in {@code slot}. */
    public FunctionBuilder activateSlot(int slot) {
        return emit(Opcode.ACTIVATE_SLOT, slot, 0, 0);
    }

    /** Sets the switch position of a color, all three from slots; see {@link Opcode#ROUTE_POS}. */
    public FunctionBuilder routePosition(int colorSlot, int positionSlot, int drainQueueSlot) {
        return emit(Opcode.ROUTE_POS, colorSlot, positionSlot, drainQueueSlot);
    }

    /** Rewrites this PE's route of {@code color}; see {@link Opcode#ROUTE_CFG}. */
    public FunctionBuilder routeConfig(int color, int action, int position, int rx, int tx) {
        return emit(Opcode.ROUTE_CFG, color, action, position, rx, tx);
    }

    public FunctionBuilder trap() {
        return emit(Opcode.TRAP, 0, 0, 0);
    }

    public FunctionBuilder unblockCmdStream() {
        return emit(Opcode.UNBLOCK_CMD_STREAM, 0, 0, 0);
    }

    FunctionInfo info(int entry) {
        return new FunctionInfo(name, entry, params, maxSlot, declared);
    }

    void emitInto(int[] out, SourcePos[] pos, List<FunctionInfo> infos) {
        int entry = infos.get(index).entry();
        for (Label l : labels) {
            if (l.at < 0 && !l.uses.isEmpty()) {
                throw new IllegalStateException("label used but never bound in " + name);
            }
            for (int use : l.uses) {
                int[] ins = code.get(use);
                int target = entry + l.at;
                if (Opcode.op(ins[0]) == Opcode.JMP) {
                    ins[1] = target;
                } else {
                    ins[2] = target;
                }
            }
        }
        for (int i = 0; i < code.size(); i++) {
            System.arraycopy(code.get(i), 0, out, (entry + i) * Opcode.WIDTH, Opcode.WIDTH);
            pos[entry + i] = positions.get(i);
        }
    }
}
