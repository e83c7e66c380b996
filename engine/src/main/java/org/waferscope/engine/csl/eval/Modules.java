package org.waferscope.engine.csl.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.Value.ModuleVal;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;

/**
 * The library modules Waferscope builds in, in place of the SDK's: what {@code @import_module}
 * returns and what their functions do at compile time. Functions that run on the PE
 * (printing, coordinates, the command stream) are compiled by the PE compiler.
 */
public final class Modules {
    private Modules() {
    }

    public static final String GET_PARAMS = "memcpy/get_params";
    public static final String MEMCPY_PARAMS = "memcpy/params";
    public static final String MEMCPY = "memcpy/memcpy";
    public static final String LAYOUT = "layout";
    public static final String TIME = "time";
    public static final String SIMPRINT = "simprint";
    public static final String CONTROL = "control";
    public static final String MATH = "math";
    public static final String RANDOM = "random";
    public static final String DEBUG = "debug";
    /** Compile-time helpers on router ports: {@code flip(dir)}, the opposite port. */
    public static final String DIRECTIONS = "directions";

    /** The host stream colors of {@code <memcpy/memcpy>}; colors from 24 up are not routed. */
    public static final int H2D_1 = 24;
    public static final int H2D_2 = 25;
    public static final int D2H_1 = 26;
    public static final int D2H_2 = 27;
    public static final int FIRST_HOST_COLOR = 24;

    /**
     * The SDK's streaming names of {@code <memcpy/get_params>} (the layout picks a color for
     * each) and of {@code <memcpy/memcpy>}, mapped to Waferscope's host stream colors.
     */
    private static final Map<String, Integer> STREAMS = orderedStreams();

    private static Map<String, Integer> orderedStreams() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("MEMCPYH2D_1", H2D_1);
        m.put("MEMCPYH2D_2", H2D_2);
        m.put("MEMCPYD2H_1", D2H_1);
        m.put("MEMCPYD2H_2", D2H_2);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Control wavelet opcodes, as {@code <control>} names them. */
    public static final List<String> OPCODES = List.of("NOP", "SWITCH_ADV", "SWITCH_RST", "TEARDOWN");

    private static final Map<String, Set<String>> RUNTIME_FUNCTIONS = Map.of(
            MEMCPY, Set.of("unblock_cmd_stream"),
            LAYOUT, Set.of("get_x_coord", "get_y_coord"),
            TIME, Set.of("enable_tsc", "disable_tsc", "get_timestamp"),
            SIMPRINT, Set.of("print_string", "fmt", "fmt_no_nl", "print_u16", "print_i16", "print_u32",
                    "print_i32", "print_f32", "print_f16", "print_u16_decimal", "print_i16_decimal",
                    "print_u32_decimal", "print_i32_decimal", "print_u16_hex", "print_u32_hex"),
            CONTROL, Set.of("encode_single_payload"),
            MATH, MathLibrary.FUNCTIONS,
            RANDOM, Set.of("set_global_prng_seed", "random_f16", "random_f32", "random_pow_u32", "random_normal_f32"),
            DEBUG, DebugLibrary.FUNCTIONS);

    public static Value importModule(String name, Value params, SourcePos pos) {
        String n = name.startsWith("<") && name.endsWith(">") ? name.substring(1, name.length() - 1) : name;
        if (Collectives2d.isModule(n)) {
            return Collectives2d.importModule(n, params, pos);
        }
        if (SwitchLibraries.isModule(n)) {
            return SwitchLibraries.importModule(n, params, pos);
        }
        Map<String, Value> members = new LinkedHashMap<>();
        switch (n) {
            case GET_PARAMS -> {
                Map<String, Value> fields = struct(params, pos, "<memcpy/get_params>", Set.of("width", "height",
                        "MEMCPYH2D_1", "MEMCPYH2D_2", "MEMCPYD2H_1", "MEMCPYD2H_2"));
                for (String f : STREAMS.keySet()) {
                    if (fields.containsKey(f) && !(fields.get(f) instanceof Value.ColorVal)) {
                        throw new CslError(pos, "<memcpy/get_params> ." + f + " must be a color, not "
                                + ValueOps.describe(fields.get(f)));
                    }
                }
                for (String f : List.of("width", "height")) {
                    if (!fields.containsKey(f)) {
                        throw new CslError(pos, "<memcpy/get_params> needs ." + f + " (the kernel's " + f + ")");
                    }
                    members.put(f, ValueOps.integer(ValueOps.intIn(fields.get(f), 1, 10_000, "." + f, pos)));
                }
                // A stream the layout named is readable from the PE's params (memcpy_params.MEMCPYH2D_1),
                // as Waferscope's own stream color, which is where its host stream arrives.
                // One the layout left out is void ({}), as PE programs test with @is_same_type.
                STREAMS.forEach((k, c) -> members.put(k, fields.containsKey(k) ? new Value.ColorVal(c) : new Value.VoidVal()));
            }
            case MEMCPY -> {
                if (!(params instanceof ModuleVal m && m.name().equals(MEMCPY_PARAMS))) {
                    throw new CslError(pos, "<memcpy/memcpy> takes the params that memcpy.get_params(x) gave the "
                            + "layout (usually a param memcpy_params: comptime_struct)");
                }
                members.put("MEMCPYH2D_DATA_1", new Value.ColorVal(H2D_1));
                members.put("MEMCPYH2D_DATA_2", new Value.ColorVal(H2D_2));
                members.put("MEMCPYD2H_DATA_1", new Value.ColorVal(D2H_1));
                members.put("MEMCPYD2H_DATA_2", new Value.ColorVal(D2H_2));
                // The SDK's streaming names: whatever color the layout chose for a stream,
                // Waferscope's host streams arrive and leave on its own stream colors.
                STREAMS.forEach((k, c) -> members.put(k, new Value.ColorVal(c)));
            }
            case LAYOUT, SIMPRINT, RANDOM, DIRECTIONS -> noParams(n, params, pos);
            case DEBUG -> members.putAll(DebugLibrary.instance(params, pos));
            case MATH -> {
                noParams(n, params, pos);
                members.putAll(MathLibrary.members());
            }
            case TIME -> {
                noParams(n, params, pos);
                // The timestamp counter is 48 bits: three u16 words, as get_timestamp writes them.
                members.put("tsc_size_words", ValueOps.integer(3));
            }
            case CONTROL -> {
                noParams(n, params, pos);
                Map<String, Value> ops = new LinkedHashMap<>();
                for (int i = 0; i < OPCODES.size(); i++) {
                    ops.put(OPCODES.get(i), new Value.IntVal(i, CslType.U16));
                    members.put(OPCODES.get(i), new Value.IntVal(i, CslType.U16));
                }
                members.put("opcode", new Value.StructVal(java.util.Collections.unmodifiableMap(ops)));
            }
            default -> throw new CslError(pos, "module <" + n + "> is not built into Waferscope; it has "
                    + "<memcpy/get_params>, <memcpy/memcpy>, <layout>, <time>, <simprint>, <control>, <math>, <random>, <debug>, <tile_config>, <memcpy/memcpy_switches>, <directions>, <collectives_2d/...> and "
                    + "<kernels/tally/layout>, <kernels/tally/pe>, <kernels/fft/fft3d_layout>, <kernels/fft/fft3d_pe>");
        }
        return new ModuleVal(n, java.util.Collections.unmodifiableMap(members));
    }

    private static void noParams(String n, Value params, SourcePos pos) {
        if (params != null && !(params instanceof Value.StructVal s && s.fields().isEmpty())) {
            throw new CslError(pos, "module <" + n + "> takes no params");
        }
    }

    private static Map<String, Value> struct(Value v, SourcePos pos, String what, Set<String> allowed) {
        if (!(v instanceof Value.StructVal s)) {
            throw new CslError(pos, what + " needs a struct of params such as .{ .width = w, .height = h }");
        }
        for (String k : s.fields().keySet()) {
            if (!allowed.contains(k)) {
                throw new CslError(pos, what + " has no param ." + k + "; expected " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return s.fields();
    }

    /** True if {@code fn} of module {@code m} runs on the PE (the PE compiler emits it). */
    public static boolean isRuntime(ModuleVal m, String fn) {
        return RUNTIME_FUNCTIONS.getOrDefault(m.name(), Set.of()).contains(fn)
                || SwitchLibraries.RUNTIME_FUNCTIONS.getOrDefault(m.name(), Set.of()).contains(fn)
                || m.name().equals(Collectives2d.PE) && Collectives2d.PE_FUNCTIONS.contains(fn);
    }

    /**
     * Calls a module function at compile time, or returns null if it only runs on the PE
     * with these arguments.
     */
    public static Value callComptime(ModuleVal m, String fn, List<Value> args, SourcePos pos) {
        if (m.name().equals(GET_PARAMS) && fn.equals("get_params")) {
            if (args.size() != 1) {
                throw new CslError(pos, "get_params takes one argument, the PE's x coordinate");
            }
            ValueOps.intIn(args.get(0), 0, 10_000, "get_params' x coordinate", pos);
            // Every column gets the same opaque params: Waferscope's host copies need no
            // per-column routing, and equal params let one compiled program serve the wafer.
            return new ModuleVal(MEMCPY_PARAMS, m.params());
        }
        if (m.name().equals(CONTROL) && fn.equals("encode_single_payload")) {
            if (args.size() != 4) {
                throw new CslError(pos, "encode_single_payload takes (opcode, ce_ignore, entrypoint, data)");
            }
            if (args.stream().anyMatch(a -> a == null)) {
                return null;
            }
            return new Value.IntVal(controlPayload(args, pos), CslType.U32);
        }
        if (m.name().equals(CONTROL) && fn.equals("encode_control_task_payload")) {
            // A control wavelet that only runs a control task: NOP, seen by the CE, no data.
            if (args.size() != 1 || args.get(0) == null) {
                return args.size() == 1 ? null : fail(pos, "encode_control_task_payload takes one control task id");
            }
            return new Value.IntVal(controlPayload(List.of(new Value.IntVal(0, CslType.U16), new Value.BoolVal(false),
                    args.get(0), new Value.IntVal(0, CslType.U16)), pos), CslType.U32);
        }
        if (m.name().equals(MATH)) {
            return MathLibrary.callComptime(fn, args, pos);
        }
        if (m.name().startsWith(SwitchLibraries.TILE_CONFIG) || m.name().equals(SwitchLibraries.MEMCPY_SWITCHES)) {
            return SwitchLibraries.callComptime(m, fn, args, pos);
        }
        if (m.name().equals(DIRECTIONS)) {
            return DirectionsLibrary.call(fn, args, pos);
        }
        if (isRuntime(m, fn)) {
            return null;
        }
        throw new CslError(pos, "module <" + m.name() + "> has no function " + fn);
    }

    private static Value fail(SourcePos pos, String message) {
        throw new CslError(pos, message);
    }

    /**
     * A control payload with one switch command, laid out as {@link org.waferscope.engine.fabric.Wavelet}
     * says: data in bits 0..15, the entry point (control task id) in 16..21, the opcode in
     * 22..23 and ce_ignore in bit 24 (and again in 27, for the routers after one that pops the
     * command). No entry point ({}) is 0.
     */
    static long controlPayload(List<Value> args, SourcePos pos) {
        int op = ValueOps.intIn(args.get(0), 0, 3, "the opcode", pos);
        boolean ignore = ValueOps.bool(args.get(1), "ce_ignore", pos);
        int entry = 0;
        Value e = args.get(2);
        if (e instanceof Value.TaskIdVal t) {
            entry = t.id();
        } else if (!(e instanceof Value.VoidVal)) {
            entry = ValueOps.intIn(e, 0, 63, "the entry point", pos);
        }
        int data = ValueOps.intIn(args.get(3), -32768, 65535, "the payload data", pos);
        return org.waferscope.engine.fabric.Wavelet.controlPayload(op, ignore, entry, data) & 0xFFFFFFFFL;
    }
}
