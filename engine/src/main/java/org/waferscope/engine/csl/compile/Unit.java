package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Interpreter;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.ProgramBuilder;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/** The state of compiling one PE program for one set of params, shared by the compiler's parts. */
final class Unit {
    /** A task bound in a comptime block. */
    record TaskBinding(Decl.Fn task, Value.TaskIdVal id, SourcePos pos) {
    }

    final String file;
    final ArchProfile profile;
    final ProgramBuilder program;
    /** Where errors go; while a function body compiles, its own list (see {@link #used}). */
    Diagnostics diags;
    final Map<String, ExportDecl> exports;
    Interpreter ev;
    final Map<String, Decl> decls = new LinkedHashMap<>();
    final Map<String, Binding> resolved = new HashMap<>();
    final Set<String> resolving = new HashSet<>();
    final Map<String, FunctionBuilder> functions = new HashMap<>();
    /**
     * Functions that take or return values with no run-time form (arrays by value, directions,
     * structs): as in cslc they run only at compile time, where called, and get no code.
     */
    final Set<String> comptimeFunctions = new HashSet<>();
    /**
     * Functions run-time code calls, maps or exports. As cslc analyses a function only where it
     * is used, the errors in a function's body are reported only if it is used.
     */
    final Set<String> used = new HashSet<>();
    final List<TaskBinding> tasks = new ArrayList<>();
    /** {@code @set_teardown_handler(fn, color)}: the function the teardown of a color runs. */
    record TeardownHandler(Decl.Fn fn, int color, SourcePos pos) {
    }

    final List<TeardownHandler> teardownHandlers = new ArrayList<>();
    /** Input queue to the color it receives; output queues used. */
    final Map<Integer, Integer> inputQueues = new HashMap<>();
    final Map<Integer, Integer> outputQueueColors = new HashMap<>();
    final List<CompiledPe.ColorUse> sends = new ArrayList<>();
    final List<CompiledPe.LocalRoute> localRoutes = new ArrayList<>();
    final Set<String> exported = new HashSet<>();
    /** Params the layout gives no value and that have no default, with the @set_tile_code that asked. */
    final Map<String, SourcePos> unsetParams = new HashMap<>();
    /** Const arrays given SRAM because code needs their address (see {@link PeGlobals#inMemory}). */
    final Map<Value.ArrayVal, Storage.Global> constArrays = new java.util.IdentityHashMap<>();
    /** The SRAM address of each mem4d_dsd shape (extents and byte strides), shared by equal shapes. */
    final Map<List<Integer>, Integer> dsdShapes = new HashMap<>();
    /** The layout's rectangle (width, height), for {@code @get_rectangle}; zeros when unknown. */
    int[] rectangle = new int[2];
    /** The {@code <collectives_2d/pe>} imports used so far, by their module value. */
    final Map<Value.ModuleVal, CollectivesPe> collectives = new HashMap<>();

    Unit(String file, ArchProfile profile, Diagnostics diags, Map<String, ExportDecl> exports) {
        this.file = file;
        this.profile = profile;
        this.program = new ProgramBuilder(file);
        this.diags = diags;
        this.exports = exports;
    }

    /** The code of function {@code name}, marked as used; null if it has none. */
    FunctionBuilder usedFunction(String name) {
        used.add(name);
        return functions.get(name);
    }

    /** Binds input queue {@code q} to receive {@code color}; a queue serves one color. */
    void bindInputQueue(int q, int color, SourcePos pos) {
        Integer old = inputQueues.putIfAbsent(q, color);
        if (old != null && old != color) {
            throw new CslError(pos, "input queue " + q + " already receives color " + old + "; it cannot also receive color " + color);
        }
    }

    void bindOutputQueue(int q, int color, SourcePos pos) {
        outputQueueColors.putIfAbsent(q, color);
    }

    void recordSend(int color, SourcePos pos) {
        if (sends.stream().noneMatch(s -> s.color() == color)) {
            sends.add(new CompiledPe.ColorUse(color, pos));
        }
    }

    /** Allocates a global for a run-time variable of type {@code t}. */
    Symbol allocate(String name, CslType t, SourcePos pos) {
        return allocate(name, t, pos, 1);
    }

    /** As {@link #allocate(String, CslType, SourcePos)}, at an address that is a multiple of {@code align} bytes. */
    Symbol allocate(String name, CslType t, SourcePos pos, int align) {
        if (align > 1) {
            program.alignData(align);
        }
        if (t instanceof CslType.Array a) {
            int[] dims = a.dims().stream().mapToInt(Integer::intValue).toArray();
            return program.global(name, a.elem().elementType(), dims, pos);
        }
        if (t instanceof CslType.Scalar s) {
            return program.global(name, s.elem(), new int[0], pos);
        }
        if (t instanceof CslType.Pointer) {
            return program.global(name, ElementType.U32, new int[0], pos);
        }
        if (t.isDsd()) {
            return program.global(name, ElementType.U32, new int[] {4}, pos);
        }
        throw new CslError(pos, "a var of type " + t + " cannot live in memory; declare it const");
    }
}
