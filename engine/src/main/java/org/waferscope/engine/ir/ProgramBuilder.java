package org.waferscope.engine.ir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;

/**
 * Builds a {@link PeProgram}: globals, functions, tasks and exports. The CSL compiler uses
 * it, and so do engine tests that need programs before or without the front end.
 *
 * <pre>{@code
 * ProgramBuilder b = new ProgramBuilder("sum.csl");
 * Symbol total = b.global("total", ElementType.F32);
 * FunctionBuilder f = b.function("compute", 0);
 * int t = f.temp();
 * f.constF32(t, 2.5f).storeGlobal(ElementType.F32, total.address(), t).ret();
 * b.exportFunction("compute", f.index());
 * PeProgram p = b.build();
 * }</pre>
 */
public final class ProgramBuilder {
    private final String name;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final List<Symbol> symbols = new ArrayList<>();
    private ByteBuffer data = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    private int dataEnd;
    final List<FunctionBuilder> functions = new ArrayList<>();
    private final List<TaskDecl> tasks = new ArrayList<>();
    final List<int[]> constants = new ArrayList<>();
    final List<PrintFormat> formats = new ArrayList<>();
    private final Map<String, Integer> exportedFunctions = new LinkedHashMap<>();
    private final Map<Integer, Integer> inputQueueColors = new HashMap<>();
    private final Set<Integer> outputQueues = new TreeSet<>();
    private int extraStackBytes;
    private final Set<Integer> blockedAtStart = new TreeSet<>();
    private final Set<Integer> activeAtStart = new TreeSet<>();

    public ProgramBuilder(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ProgramBuilder param(String paramName, String value) {
        params.put(paramName, value);
        return this;
    }

    /** A zero-initialised scalar global. */
    public Symbol global(String symbolName, ElementType type) {
        return global(symbolName, type, new int[0], SourcePos.UNKNOWN);
    }

    /** Moves the end of data up to a multiple of {@code align} bytes, so the next global starts there. */
    public ProgramBuilder alignData(int align) {
        int end = Math.addExact(dataEnd, align - 1) / align * align;
        ensureData(end);
        dataEnd = end;
        return this;
    }

    /** A zero-initialised global array of the given shape (empty = scalar). */
    public Symbol global(String symbolName, ElementType type, int[] dims, SourcePos pos) {
        int length = 1;
        for (int d : dims) {
            length = Math.multiplyExact(length, d);
        }
        int align = Math.max(type.bytes, 2);
        int address = (dataEnd + align - 1) / align * align;
        int end = Math.addExact(address, Math.multiplyExact(length, type.bytes));
        ensureData(end);
        dataEnd = end;
        Symbol s = new Symbol(symbolName, address, type, length, dims.clone(), null, true, pos);
        symbols.add(s);
        return s;
    }

    /**
     * Allocates a FIFO of {@code capacity} elements of type {@code t} (its buffer and its
     * header, as globals named {@code name} and {@code name + "$fifo"}) and returns its DSD words.
     */
    public int[] fifo(String name, ElementType t, int capacity, SourcePos pos) {
        Symbol header = global(name + "$fifo", ElementType.U32, new int[] {2}, pos);
        Symbol buffer = global(name, t, new int[] {capacity}, pos);
        return Dsd.fifo(buffer.address(), capacity, header.address());
    }

    /** Marks a global as visible to the host under {@code hostName}. */
    public Symbol export(Symbol s, String hostName, boolean mutable) {
        Symbol e = new Symbol(s.name(), s.address(), s.type(), s.length(), s.dims(), hostName, mutable, s.pos());
        symbols.set(symbols.indexOf(s), e);
        return e;
    }

    /** Sets element {@code index} of a global's initial value; {@code bits} is in register form. */
    public ProgramBuilder initialize(Symbol s, int index, int bits) {
        if (index < 0 || index >= s.length()) {
            throw new IndexOutOfBoundsException(s.name() + "[" + index + "]");
        }
        int at = s.address() + index * s.type().bytes;
        switch (s.type().bytes) {
            case 1 -> data.put(at, (byte) bits);
            case 2 -> data.putShort(at, s.type() == ElementType.F16
                    ? Half.fromFloat(Float.intBitsToFloat(bits)) : (short) bits);
            default -> data.putInt(at, bits);
        }
        return this;
    }

    public ProgramBuilder initializeF32(Symbol s, float... values) {
        for (int i = 0; i < values.length; i++) {
            initialize(s, i, Float.floatToRawIntBits(values[i]));
        }
        return this;
    }

    /** Starts a function or task body with {@code params} argument slots. */
    public FunctionBuilder function(String functionName, int paramCount) {
        return function(functionName, paramCount, SourcePos.UNKNOWN);
    }

    public FunctionBuilder function(String functionName, int paramCount, SourcePos pos) {
        FunctionBuilder f = new FunctionBuilder(this, functions.size(), functionName, paramCount, pos);
        functions.add(f);
        return f;
    }

    public ProgramBuilder task(int id, TaskKind kind, FunctionBuilder body, int color, int queue) {
        tasks.add(new TaskDecl(id, kind, body.index(), color, queue));
        return this;
    }

    public ProgramBuilder localTask(int id, FunctionBuilder body) {
        return task(id, TaskKind.LOCAL, body, -1, -1);
    }

    public ProgramBuilder controlTask(int id, FunctionBuilder body) {
        return task(id, TaskKind.CONTROL, body, -1, -1);
    }

    /** A data task woken by wavelets of {@code color}, which arrive through input queue {@code queue}. */
    public ProgramBuilder dataTask(int id, FunctionBuilder body, int color, int queue) {
        inputQueue(queue, color);
        return task(id, TaskKind.DATA, body, color, queue);
    }

    /**
     * Makes task {@code id} start blocked (CSL's {@code @block} in a comptime block); the id
     * must be bound already or be bound later by {@link #task}.
     */
    public ProgramBuilder blockAtStart(int id) {
        blockedAtStart.add(id);
        return this;
    }

    /** {@code @unblock(id)} in a comptime block: undoes an earlier {@code @block(id)} there. */
    public ProgramBuilder unblockAtStart(int id) {
        blockedAtStart.remove(id);
        return this;
    }

    /** {@code @activate(id)} in a comptime block: the task is ready to run when the program starts. */
    public ProgramBuilder activateAtStart(int id) {
        activeAtStart.add(id);
        return this;
    }

    public ProgramBuilder exportFunction(String hostName, int functionIndex) {
        exportedFunctions.put(hostName, functionIndex);
        return this;
    }

    /** Binds input queue {@code queue} to receive {@code color} from the router's RAMP port. */
    public ProgramBuilder inputQueue(int queue, int color) {
        Integer old = inputQueueColors.put(queue, color);
        if (old != null && old != color) {
            throw new IllegalStateException("input queue " + queue + " bound to colors " + old + " and " + color);
        }
        return this;
    }

    public ProgramBuilder outputQueue(int queue) {
        outputQueues.add(queue);
        return this;
    }

    /** Reserves stack beyond what the call graph needs (for tests of overflow). */
    public ProgramBuilder extraStack(int bytes) {
        extraStackBytes = bytes;
        return this;
    }

    int constant(int[] words) {
        constants.add(words.clone());
        return constants.size() - 1;
    }

    int format(PrintFormat f) {
        formats.add(f);
        return formats.size() - 1;
    }

    private void ensureData(int end) {
        if (end > data.capacity()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(end, data.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
            data.position(0);
            bigger.put(data);
            data = bigger;
        }
    }

    public PeProgram build() {
        int count = 0;
        for (FunctionBuilder f : functions) {
            count += f.size();
        }
        int[] code = new int[count * Opcode.WIDTH];
        SourcePos[] positions = new SourcePos[count];
        List<FunctionInfo> infos = new ArrayList<>();
        int at = 0;
        for (FunctionBuilder f : functions) {
            infos.add(f.info(at));
            at += f.size();
        }
        for (FunctionBuilder f : functions) {
            f.emitInto(code, positions, infos);
        }
        byte[] image = new byte[(dataEnd + 3) & ~3];
        System.arraycopy(data.array(), 0, image, 0, dataEnd);
        int stackSlots = StackDepth.of(code, infos);
        List<TaskDecl> decls = new ArrayList<>();
        for (TaskDecl t : tasks) {
            TaskDecl d = blockedAtStart.contains(t.id()) ? t.blocked() : t;
            decls.add(activeAtStart.contains(t.id()) ? d.activeAtStart() : d);
        }
        return new PeProgram(name, params, code, positions, infos, decls, symbols, image,
                stackSlots * 4 + extraStackBytes, constants, formats, exportedFunctions, inputQueueColors, outputQueues);
    }
}
