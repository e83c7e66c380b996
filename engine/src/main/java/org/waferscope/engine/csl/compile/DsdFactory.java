package org.waferscope.engine.csl.compile;

import java.util.List;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.SourcePos;

/**
 * Builds DSDs from {@code @get_dsd} at compile time. A {@code tensor_access} such as
 * {@code |i|{n} -> A[i*M + k]} is folded into base = &A + k*size and stride = M*size.
 */
final class DsdFactory {
    private static final Set<String> MEM1D_FIELDS = Set.of("tensor_access", "base_address", "extent", "stride",
            "wavelet_index_offset");
    private static final Set<String> FABIN_FIELDS = Set.of("fabric_color", "extent", "input_queue");
    private static final Set<String> FABOUT_FIELDS = Set.of("fabric_color", "extent", "output_queue", "control",
            "advance_switch");

    private final Unit u;
    private final PeGlobals globals;

    DsdFactory(Unit u, PeGlobals globals) {
        this.u = u;
        this.globals = globals;
    }

    Value.DsdVal getDsd(Expr.Builtin b, Scope s) {
        if (b.args().size() != 2 || !(b.args().get(1) instanceof Expr.StructLit fields)) {
            throw new CslError(b.pos(), "@get_dsd takes a DSD type and a struct literal .{ ... }");
        }
        CslType kind = u.ev.type(b.args().get(0), s);
        if (kind == CslType.MEM1D_DSD) {
            check(fields, MEM1D_FIELDS, kind);
            Value.DsdVal d = memory(fields, s);
            int offsetFlag = flag(fields, "wavelet_index_offset", Dsd.FLAG_INDEX_OFFSET, s);
            if (offsetFlag == 0) {
                return d;
            }
            int[] w = d.words().clone();
            w[0] |= offsetFlag;
            return new Value.DsdVal(kind, w, d.elementBytes());
        }
        if (kind == CslType.MEM4D_DSD) {
            check(fields, Set.of("tensor_access"), kind);
            int ta = fields.names().indexOf("tensor_access");
            if (ta < 0 || !(fields.values().get(ta) instanceof Expr.TensorAccess t)) {
                throw new CslError(fields.pos(), "a mem4d_dsd needs .tensor_access = |i, j|{n, m} -> A[...]");
            }
            return new TensorWalk(u, globals).mem4d(t, s);
        }
        if (kind == CslType.FABIN_DSD || kind == CslType.FABOUT_DSD) {
            boolean in = kind == CslType.FABIN_DSD;
            check(fields, in ? FABIN_FIELDS : FABOUT_FIELDS, kind);
            int color = color(field(fields, "fabric_color", s, true), fields.pos());
            int length = ValueOps.intIn(field(fields, "extent", s, true), 1, Dsd.MAX_LENGTH, ".extent", fields.pos());
            Value q = field(fields, in ? "input_queue" : "output_queue", s, true);
            if (!(q instanceof Value.QueueVal qv) || qv.input() != in) {
                throw new CslError(fields.pos(), "." + (in ? "input_queue" : "output_queue") + " must be "
                        + (in ? "@get_input_queue(n)" : "@get_output_queue(n)"));
            }
            if (in) {
                u.bindInputQueue(qv.id(), color, fields.pos());
                return new Value.DsdVal(kind, Dsd.fabin(color, qv.id(), length), 4);
            }
            int flags = flag(fields, "control", Dsd.FLAG_CONTROL, s) | flag(fields, "advance_switch", Dsd.FLAG_ADVANCE_SWITCH, s);
            u.bindOutputQueue(qv.id(), color, fields.pos());
            if (color < u.profile.colors()) {
                u.recordSend(color, b.pos());
            }
            return new Value.DsdVal(kind, Dsd.fabout(color, qv.id(), length, flags), 4);
        }
        throw new CslError(b.args().get(0).pos(), "@get_dsd makes mem1d_dsd, mem4d_dsd, fabin_dsd or fabout_dsd, not " + kind);
    }

    private static void check(Expr.StructLit fields, Set<String> allowed, CslType kind) {
        for (String n : fields.names()) {
            if (!allowed.contains(n)) {
                throw new CslError(fields.pos(), "a " + kind + " has no field ." + n + " in Waferscope's CSL subset; "
                        + "expected " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    private Value field(Expr.StructLit fields, String name, Scope s, boolean required) {
        int i = fields.names().indexOf(name);
        if (i < 0) {
            if (required) {
                throw new CslError(fields.pos(), "@get_dsd needs ." + name);
            }
            return null;
        }
        return u.ev.eval(fields.values().get(i), s);
    }

    private int flag(Expr.StructLit fields, String name, int bit, Scope s) {
        Value v = field(fields, name, s, false);
        return v != null && ValueOps.bool(v, "." + name, fields.pos()) ? bit : 0;
    }

    static int color(Value v, SourcePos pos) {
        if (v instanceof Value.ColorVal c) {
            return c.id();
        }
        throw new CslError(pos, "expected a color (from @get_color or a color param), not " + ValueOps.describe(v));
    }

    private Value.DsdVal memory(Expr.StructLit fields, Scope s) {
        int ta = fields.names().indexOf("tensor_access");
        if (ta >= 0) {
            if (fields.names().contains("base_address") || fields.names().contains("extent")) {
                throw new CslError(fields.pos(), "give either .tensor_access or .base_address and .extent, not both");
            }
            Expr e = fields.values().get(ta);
            if (!(e instanceof Expr.TensorAccess t)) {
                throw new CslError(e.pos(), ".tensor_access must be written as |i|{n} -> A[...]");
            }
            return tensorAccess(t, s);
        }
        Value base = field(fields, "base_address", s, true);
        if (!(base instanceof Value.PointerVal p)) {
            throw new CslError(fields.pos(), ".base_address must be the address of a global array, such as &A");
        }
        int length = ValueOps.intIn(field(fields, "extent", s, true), 1, Dsd.MAX_LENGTH, ".extent", fields.pos());
        Value strideV = field(fields, "stride", s, false);
        int stride = strideV == null ? 1 : ValueOps.intIn(strideV, -Dsd.MAX_LENGTH, Dsd.MAX_LENGTH, ".stride", fields.pos());
        int size = p.type().elem().elementType().bytes;
        return new Value.DsdVal(CslType.MEM1D_DSD, Dsd.mem1d(p.address(), length, stride * size), size);
    }

    private Value.DsdVal tensorAccess(Expr.TensorAccess t, Scope s) {
        if (t.vars().size() != 1 || t.extents().size() != 1) {
            throw new CslError(t.pos(), "a tensor access with several indices makes a mem4d_dsd: @get_dsd(mem4d_dsd, ...)");
        }
        String var = t.vars().get(0);
        int n = ValueOps.intIn(u.ev.eval(t.extents().get(0), s), 1, Dsd.MAX_LENGTH, "the extent", t.pos());
        if (!(t.body() instanceof Expr.Index ix) || !(ix.target() instanceof Expr.Name arr)) {
            throw new CslError(t.body().pos(), "a tensor access reads a global array, as in A[i*M + k]");
        }
        Walked w = walked(arr, s);
        Storage.Global g = w.array();
        CslType.Array at = (CslType.Array) g.type();
        long start = w.start();
        List<Integer> dims = at.dims();
        if (ix.indices().size() != dims.size()) {
            throw new CslError(ix.pos(), arr.name() + " has " + dims.size() + " dimensions but " + ix.indices().size()
                    + " indices are given");
        }
        long coef = 0;
        long offset = 0;
        for (int k = 0; k < dims.size(); k++) {
            long[] lin = linear(ix.indices().get(k), var, s);
            coef = coef * dims.get(k) + lin[0];
            offset = offset * dims.get(k) + lin[1];
        }
        offset += start;
        long last = offset + coef * (n - 1);
        // A one-element array walked further is the SDK's "dummy DSD": a template whose base
        // and length are set (@set_dsd_base_addr, @set_dsd_length) before any use, so its
        // own extent is never read; the SDK's libraries write |i|{42} -> dummy[i] (and
        // dummy[i + 1], whose offset a later @set_dsd_base_addr replaces with the new base).
        boolean template = at.length() == 1 && offset >= 0 && coef >= 0;
        if (offset < 0 || last < 0 || (offset >= at.length() || last >= at.length()) && !template) {
            throw new CslError(t.pos(), "the tensor access reaches elements " + offset + " to " + last + " of "
                    + arr.name() + ", which has " + at.length());
        }
        int size = at.elem().elementType().bytes;
        return new Value.DsdVal(CslType.MEM1D_DSD,
                Dsd.mem1d(g.symbol().address() + (int) offset * size, n, (int) coef * size), size);
    }

    /** The global array a tensor access walks, and the element it starts from (a pointer into it). */
    record Walked(Storage.Global array, long start) {
    }

    Walked walked(Expr.Name arr, Scope s) {
        Binding b = s.lookup(arr.name());
        if (b == null) {
            b = globals.resolve(arr.name(), arr.pos());
        }
        Storage.Global constant = globals.inMemory(arr.name(), b, arr.pos());
        if (constant != null) {
            b = constant;
        }
        long start = 0;
        if (b instanceof Binding.Const c && c.value() instanceof Value.PointerVal p && p.symbol() != null) {
            // A pointer known at compile time (a module's param given &X): walk the array it points into.
            Binding target = globals.resolve(p.symbol(), arr.pos());
            Storage.Global copy = globals.inMemory(p.symbol(), target, arr.pos());
            if (copy != null) {
                target = copy;   // &c of a const array points at its SRAM copy
            }
            if (target instanceof Storage.Global pg && pg.type() instanceof CslType.Array pat) {
                b = pg;
                start = (p.address() - pg.symbol().address()) / pat.elem().elementType().bytes;
            }
        }
        if (!(b instanceof Storage.Global g) || !(g.type() instanceof CslType.Array)) {
            throw new CslError(arr.pos(), "'" + arr.name() + "' is not a global array; DSDs walk global arrays");
        }
        return new Walked(g, start);
    }

    /** {coefficient of var, constant} of an index expression that is affine in var. */
    private long[] linear(Expr e, String var, Scope s) {
        if (e instanceof Expr.Name n && n.name().equals(var)) {
            return new long[] {1, 0};
        }
        if (e instanceof Expr.Binary b && (b.op() == TokenKind.PLUS || b.op() == TokenKind.MINUS || b.op() == TokenKind.STAR)) {
            long[] l = linear(b.left(), var, s);
            long[] r = linear(b.right(), var, s);
            return switch (b.op()) {
                case PLUS -> new long[] {l[0] + r[0], l[1] + r[1]};
                case MINUS -> new long[] {l[0] - r[0], l[1] - r[1]};
                default -> {
                    if (l[0] != 0 && r[0] != 0) {
                        throw new CslError(b.pos(), "a tensor access must be affine in " + var + " (no " + var + "*" + var + ")");
                    }
                    yield new long[] {l[0] * r[1] + r[0] * l[1], l[1] * r[1]};
                }
            };
        }
        if (e instanceof Expr.Unary un && un.op() == TokenKind.MINUS) {
            long[] l = linear(un.operand(), var, s);
            return new long[] {-l[0], -l[1]};
        }
        Value v = u.ev.eval(e, s);
        return new long[] {0, ValueOps.intIn(v, -Dsd.MAX_LENGTH * 64L, Dsd.MAX_LENGTH * 64L, "an index", e.pos())};
    }
}
