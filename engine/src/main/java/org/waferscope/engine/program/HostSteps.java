package org.waferscope.engine.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Modules;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.host.PeRectangle;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.Symbol;

/**
 * Turns run.json's steps into the host's command stream, checking each against the layout
 * while positions are still at hand: the rectangle lies on the fabric, every PE in it
 * exports the symbol with room for the copy, launched functions exist, and checks compare
 * arrays of the right length.
 */
final class HostSteps {
    private final PlanContext ctx;
    private final HostArrays arrays;
    final List<HostStep> steps = new ArrayList<>();
    /** Lengths of the arrays known so far: inputs, and outputs of earlier steps. */
    private final Map<String, Integer> lengths = new HashMap<>();
    /** Results of steps that failed: checks of them would only repeat the error. */
    private final java.util.Set<String> failed = new java.util.HashSet<>();

    HostSteps(PlanContext ctx, HostArrays arrays) {
        this.ctx = ctx;
        this.arrays = arrays;
        arrays.arrays.forEach((k, v) -> lengths.put(k, v.length()));
    }

    void build() {
        // an input array whose own definition was in error has been reported; its uses are not again
        ctx.plan().arrays().keySet().stream().filter(k -> !arrays.arrays.containsKey(k)).forEach(failed::add);
        List<RunPlan.Located<RunSpec.Step>> specs = ctx.plan().steps();
        for (int i = 0; i < specs.size(); i++) {
            RunPlan.Located<RunSpec.Step> s = specs.get(i);
            RunSpec.Step st = s.value();
            if (usesFailed(st)) {
                noteFailure(st);
                continue;
            }
            try {
                steps.add(step(st, s.pointer(), i));
            } catch (CslError e) {
                ctx.diags().error(e.pos(), e.getMessage());
                noteFailure(st);
            } catch (IllegalArgumentException e) {
                ctx.diags().error(ctx.at(s.pointer()), "step " + (i + 1) + ": " + e.getMessage());
                noteFailure(st);
            }
        }
    }

    /** Whether a step reads an array that failed: a check of it or naming it, or a copy or stream of it. */
    private boolean usesFailed(RunSpec.Step st) {
        if (failed.isEmpty()) {
            return false;
        }
        RunSpec.Transfer in = st.copyIn() != null ? st.copyIn() : st.streamIn();
        if (in != null) {
            return failed.contains(in.array());
        }
        if (st.check() == null) {
            return false;
        }
        if (failed.contains(st.check().array())) {
            return true;
        }
        JsonNode e = st.check().expected();
        return e != null && e.isTextual() && java.util.Arrays.stream(e.asText().split("[^A-Za-z0-9_]+")).anyMatch(failed::contains);
    }

    private void noteFailure(RunSpec.Step s) {
        RunSpec.Transfer out = s.copyOut() != null ? s.copyOut() : s.streamOut();
        if (out != null && out.array() != null) {
            failed.add(out.array());
        }
    }

    private HostStep step(RunSpec.Step s, String ptr, int i) {
        int kinds = (s.copyIn() != null ? 1 : 0) + (s.streamIn() != null ? 1 : 0) + (s.launch() != null ? 1 : 0)
                + (s.copyOut() != null ? 1 : 0) + (s.streamOut() != null ? 1 : 0) + (s.check() != null ? 1 : 0);
        if (s.args() != null && s.launch() == null) {
            throw new CslError(ctx.at(ptr + "/args"), "\"args\" belong to a launch step");
        }
        if (kinds != 1) {
            throw new CslError(ctx.at(ptr), "a step is exactly one of copy_in, stream_in, launch, copy_out, "
                    + "stream_out or check");
        }
        if (s.launch() != null) {
            return launch(s.launch(), s.args(), ptr);
        }
        if (s.check() != null) {
            return new Checks(ctx, arrays, lengths).check(s.check(), ptr + "/check", i);
        }
        if (s.copyIn() != null || s.streamIn() != null) {
            boolean stream = s.streamIn() != null;
            RunSpec.Transfer t = stream ? s.streamIn() : s.copyIn();
            String p = ptr + (stream ? "/stream_in" : "/copy_in");
            String array = source(t, p, i);
            // the console names the array as run.json does, with what was made of it here
            List<String> made = new ArrayList<>();
            if (t.reshape() != null) {
                made.add("reshaped");
            }
            if (t.transpose() != null) {
                made.add("transposed");
            }
            if (t.broadcast() != null) {
                array = broadcast(t, array, p, i);
                made.add("broadcast");
            }
            PeRectangle rect = rect(t, p, lengths.get(array));
            if (rect.totalElements() != lengths.get(array)) {
                throw new CslError(ctx.at(p), "array " + t.array() + " has " + lengths.get(t.array()) + " elements but "
                        + rect.width() + "x" + rect.height() + " PEs x " + rect.elementsPerPe() + " per PE need "
                        + rect.totalElements());
            }
            if (Boolean.TRUE.equals(t.indexHigh())) {
                if (!stream) {
                    throw new CslError(ctx.at(p + "/index_high"), "\"index_high\" is for stream_in");
                }
                array = withIndex(array, rect, p, i);
                made.add("with indices");
            }
            String shown = t.array() + (made.isEmpty() ? "" : " (" + String.join(", ", made) + ")");
            if (stream) {
                return new HostStep.StreamIn(array, shown, color(t.color(), p + "/color", true), rect,
                        Boolean.TRUE.equals(t.nonblock()));
            }
            // nonblock, as run.py passes it to memcpy_h2d, changes nothing: the host's commands run in order.
            symbol(required(t.symbol(), "symbol", p), rect, true, p + "/symbol");
            return new HostStep.CopyIn(array, shown, t.symbol(), rect);
        }
        boolean stream = s.streamOut() != null;
        RunSpec.Transfer t = stream ? s.streamOut() : s.copyOut();
        String p = ptr + (stream ? "/stream_out" : "/copy_out");
        String array = required(t.array(), "array", p);
        if (arrays.arrays.containsKey(array)) {
            throw new CslError(ctx.at(p + "/array"), "\"" + array + "\" is an input array; give the result a new name");
        }
        if (t.reshape() != null || t.transpose() != null) {
            throw new CslError(ctx.at(p), "reshape and transpose apply to arrays going in; put them on the check instead");
        }
        PeRectangle rect = rect(t, p, null);
        lengths.put(array, rect.totalElements());
        if (stream) {
            ElementType type = arrays.type(t.type(), p + "/type");
            return new HostStep.StreamOut(color(t.color(), p + "/color", false), array, type, rect);
        }
        symbol(required(t.symbol(), "symbol", p), rect, false, p + "/symbol");
        return new HostStep.CopyOut(t.symbol(), array, rect);
    }

    /**
     * The array a broadcast copy sends, laid out so that every PE gets its share, as the SDK's
     * broadcast copies do: with {@code "all"} each PE of the rectangle gets the whole array
     * (numpy's {@code tile}); with {@code "rows"} ({@code memcpy_h2d_rowbcast}) the array holds
     * one chunk per row of the rectangle and every PE of that row gets it; with
     * {@code "columns"} ({@code memcpy_h2d_colbcast}) one chunk per column, given to every PE of
     * that column. In column-major order the chunks are read interleaved, as numpy's
     * {@code B.T.ravel()} lays them out for the SDK's column-major copies.
     */
    private String broadcast(RunSpec.Transfer t, String array, String ptr, int i) {
        if (t.rect() == null) {
            throw new CslError(ctx.at(ptr), "a broadcast copy needs \"rect\"");
        }
        PeRectangle shape = rect(t, ptr, null, 1);
        int chunks = switch (t.broadcast()) {
            case "all" -> 1;
            case "rows" -> shape.height();
            case "columns" -> shape.width();
            default -> throw new CslError(ctx.at(ptr + "/broadcast"), "broadcast is \"all\", \"rows\" or \"columns\"");
        };
        double[] src = arrays.values.get(array).data();
        int per = src.length / chunks;
        if (per < 1 || per * chunks != src.length) {
            throw new CslError(ctx.at(ptr), "array " + t.array() + " has " + src.length + " elements, not a multiple of "
                    + chunks + (chunks == 1 ? "" : t.broadcast().equals("rows") ? " rows" : " columns") + " of PEs");
        }
        if (t.perPe() != null && shape.elementsPerPe() != per) {
            throw new CslError(ctx.at(ptr + "/per_pe"), "per_pe is " + shape.elementsPerPe() + " but array " + t.array()
                    + " gives each PE " + per + " element(s)");
        }
        PeRectangle r = new PeRectangle(shape.x(), shape.y(), shape.width(), shape.height(), per, shape.columnMajor());
        double[] out = new double[r.totalElements()];
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                int chunk = switch (t.broadcast()) {
                    case "rows" -> py;
                    case "columns" -> px;
                    default -> 0;
                };
                for (int k = 0; k < per; k++) {
                    out[r.index(px, py, k)] = src[r.columnMajor() ? chunk + chunks * k : chunk * per + k];
                }
            }
        }
        String derived = array + "@broadcast" + (i + 1);
        arrays.add(derived, new HostArrays.Typed(arrays.arrays.get(t.array()).type(), new NdArray(new int[] {out.length}, out)));
        lengths.put(derived, out.length);
        return derived;
    }

    /**
     * The SDK's 16-bit streams: each wavelet carries its value in the low 16 bits and the
     * element's position in the PE's share in the high 16 (a data task {@code (data: u16,
     * index: u16)} receives both). Sent as a u32 array of those words.
     */
    private String withIndex(String array, PeRectangle r, String ptr, int i) {
        ElementType type = arrays.arrays.containsKey(array) ? arrays.arrays.get(array).type() : null;
        if (type != ElementType.I16 && type != ElementType.U16 && type != ElementType.F16) {
            throw new CslError(ctx.at(ptr + "/index_high"), "\"index_high\" streams an i16, u16 or f16 array, not "
                    + (type == null ? "a derived one" : type.name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (r.elementsPerPe() > 0x10000) {
            throw new CslError(ctx.at(ptr), "an index in 16 bits counts at most 65536 elements per PE");
        }
        double[] src = arrays.values.get(array).data();
        double[] out = new double[src.length];
        for (int py = 0; py < r.height(); py++) {
            for (int px = 0; px < r.width(); px++) {
                for (int k = 0; k < r.elementsPerPe(); k++) {
                    int at = r.index(px, py, k);
                    long low = type == ElementType.F16 ? org.waferscope.engine.arch.Half.fromFloat((float) src[at]) : (long) src[at];
                    out[at] = ((long) k << 16) | (low & 0xFFFF);
                }
            }
        }
        String derived = array + "@index" + (i + 1);
        arrays.add(derived, new HostArrays.Typed(ElementType.U32, new NdArray(new int[] {out.length}, out)));
        lengths.put(derived, out.length);
        return derived;
    }

    private String required(String v, String key, String ptr) {
        if (v == null || v.isEmpty()) {
            throw new CslError(ctx.at(ptr), "\"" + key + "\" is missing");
        }
        return v;
    }

    /** The array a copy or stream sends: the named input, reshaped and transposed if asked. */
    private String source(RunSpec.Transfer t, String ptr, int i) {
        String name = required(t.array(), "array", ptr);
        if (!arrays.arrays.containsKey(name)) {
            throw new CslError(ctx.at(ptr + "/array"), "no input array named \"" + name + "\"; run.json defines "
                    + arrays.arrays.keySet());
        }
        if (t.reshape() == null && t.transpose() == null) {
            return name;
        }
        NdArray nd = arrays.values.get(name);
        if (t.reshape() != null) {
            nd = nd.reshape(ctx.dims(t.reshape(), ptr + "/reshape"));
        }
        if (t.transpose() != null) {
            nd = nd.transpose(ctx.axes(t.transpose(), ptr + "/transpose"));
        }
        String derived = name + (t.transpose() != null ? "@transpose" : "@step") + (i + 1);
        arrays.add(derived, new HostArrays.Typed(arrays.arrays.get(name).type(), nd));
        lengths.put(derived, nd.data().length);
        return derived;
    }

    private PeRectangle rect(RunSpec.Transfer t, String ptr, Integer arrayLength) {
        return rect(t, ptr, arrayLength, 0);
    }

    /** {@code perPeDefault} > 0 stands in for a missing per_pe (a broadcast's rectangle is read before its array's size is known). */
    private PeRectangle rect(RunSpec.Transfer t, String ptr, Integer arrayLength, int perPeDefault) {
        FabricLayout l = ctx.layout();
        if (t.rect() == null) {
            throw new CslError(ctx.at(ptr), "\"rect\" is missing: { \"x\": 0, \"y\": 0, \"width\": ..., \"height\": ... }");
        }
        String rp = ptr + "/rect";
        int x = t.rect().x() == null ? 0 : ctx.integerIn(t.rect().x(), rp + "/x", 0, l.width() - 1L, "x");
        int y = t.rect().y() == null ? 0 : ctx.integerIn(t.rect().y(), rp + "/y", 0, l.height() - 1L, "y");
        int w = ctx.integerIn(t.rect().width(), rp + "/width", 1, l.width() - (long) x, "width (the fabric is " + l.width() + " wide)");
        int h = ctx.integerIn(t.rect().height(), rp + "/height", 1, l.height() - (long) y, "height (the fabric is " + l.height() + " high)");
        int per;
        if (t.perPe() != null) {
            per = ctx.integerIn(t.perPe(), ptr + "/per_pe", 1, 1 << 16, "per_pe");
        } else if (perPeDefault > 0) {
            per = perPeDefault;
        } else if (arrayLength != null && arrayLength % ((long) w * h) == 0 && arrayLength > 0) {
            per = (int) (arrayLength / ((long) w * h));
        } else {
            throw new CslError(ctx.at(ptr), "\"per_pe\" (elements per PE) is missing");
        }
        boolean columnMajor = false;
        if (t.order() != null) {
            if (!t.order().equals("row_major") && !t.order().equals("column_major")) {
                throw new CslError(ctx.at(ptr + "/order"), "order is \"row_major\" or \"column_major\"");
            }
            columnMajor = t.order().equals("column_major");
        }
        if ((long) w * h * per > NdArray.MAX_ELEMENTS) {
            throw new CslError(ctx.at(ptr), "the copy moves more than " + NdArray.MAX_ELEMENTS + " elements");
        }
        return new PeRectangle(x, y, w, h, per, columnMajor);
    }

    private int color(JsonNode c, String ptr, boolean in) {
        if (c == null) {
            throw new CslError(ctx.at(ptr), "\"color\" is missing: " + (in ? "MEMCPYH2D_DATA_1 or MEMCPYH2D_DATA_2"
                    : "MEMCPYD2H_DATA_1 or MEMCPYD2H_DATA_2"));
        }
        if (c.isTextual()) {
            // run.py names a stream by the layout param holding its ID (MEMCPYH2D_DATA_1_ID, read from
            // out.json); that param's number is the color the layout gave the stream, not Waferscope's.
            String name = c.asText().endsWith("_ID") ? c.asText().substring(0, c.asText().length() - 3) : c.asText();
            switch (name) {
                case "MEMCPYH2D_DATA_1" -> {
                    return Modules.H2D_1;
                }
                case "MEMCPYH2D_DATA_2" -> {
                    return Modules.H2D_2;
                }
                case "MEMCPYD2H_DATA_1" -> {
                    return Modules.D2H_1;
                }
                case "MEMCPYD2H_DATA_2" -> {
                    return Modules.D2H_2;
                }
                default -> {
                }
            }
        }
        return ctx.integerIn(c, ptr, 0, 27, "a color");
    }

    /**
     * A launch of {@code fn} with {@code args}: integers as they are (an integer expression
     * over the params may be a string), a number with a fraction or exponent as f32 bits.
     * Every program exporting {@code fn} must take as many argument slots as are given.
     */
    private HostStep launch(String fn, List<JsonNode> args, String ptr) {
        List<JsonNode> given = args == null ? List.of() : args;
        List<Integer> words = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            JsonNode a = given.get(k);
            if (a.isNumber() && !a.isIntegralNumber()) {
                words.add(Float.floatToRawIntBits(a.floatValue()));
                continue;
            }
            long v = ctx.integer(a, ptr + "/args/" + k);
            if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
                throw new CslError(ctx.at(ptr + "/args/" + k), "a launch argument must fit 32 bits, not " + v);
            }
            words.add((int) v);
        }
        FabricLayout l = ctx.layout();
        boolean found = false;
        for (PeProgram p : l.programs()) {
            Integer index = p.exportedFunctions().get(fn);
            if (index == null) {
                continue;
            }
            found = true;
            int takes = p.functions().get(index).params();
            if (takes != words.size()) {
                throw new CslError(ctx.at(ptr + (args == null ? "/launch" : "/args")), "\"" + fn + "\" takes " + takes
                        + " argument slot(s) but the launch gives " + words.size());
            }
        }
        if (!found) {
            throw new CslError(ctx.at(ptr + "/launch"), "no PE program exports a function named \"" + fn + "\"");
        }
        if (words.size() > org.waferscope.engine.fabric.Fabric.MAX_LAUNCH_ARGS) {
            throw new CslError(ctx.at(ptr + "/args"), "a launch passes at most "
                    + org.waferscope.engine.fabric.Fabric.MAX_LAUNCH_ARGS + " arguments");
        }
        return new HostStep.Launch(fn, words);
    }

    /** Every PE in the rectangle must export {@code name} with room for the copy. */
    private void symbol(String name, PeRectangle r, boolean write, String ptr) {
        FabricLayout l = ctx.layout();
        boolean[] checked = new boolean[l.programs().size()];
        for (int py = r.y(); py < r.y() + r.height(); py++) {
            for (int px = r.x(); px < r.x() + r.width(); px++) {
                int prog = l.programOf(py * l.width() + px);
                if (prog < 0) {
                    throw new CslError(ctx.at(ptr), "PE (" + px + ", " + py + ") runs no program, so it has no symbol " + name);
                }
                if (checked[prog]) {
                    continue;
                }
                checked[prog] = true;
                String where = "PE (" + px + ", " + py + ")";
                Symbol s = l.program(prog).exportedSymbol(name).orElseThrow(() -> new CslError(ctx.at(ptr),
                        where + " does not export a symbol named \"" + name + "\""));
                if (s.length() < r.elementsPerPe()) {
                    throw new CslError(ctx.at(ptr), "symbol " + name + " holds " + s.length() + " elements per PE, "
                            + "not " + r.elementsPerPe());
                }
                if (write && !s.mutable()) {
                    throw new CslError(ctx.at(ptr), "symbol " + name + " is exported read-only (@export_name(..., false))");
                }
            }
        }
    }
}
