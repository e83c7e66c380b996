package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.Dsd;
import org.waferscope.engine.ir.Symbol;

/**
 * {@code @get_dsd(mem4d_dsd, .{ .tensor_access = |i, j, k|{a, b, c} -> A[...] })}: a walk over up
 * to four nested indices, the last varying fastest. Each index of the array must be affine in the
 * walk's indices; their coefficients give each dimension's stride (0 repeats elements, as
 * {@code -> acc[k]} over three indices adds a buffer's every row into one vector). The shape
 * (extents and byte strides) is written to SRAM once per distinct shape.
 */
final class TensorWalk {
    private final Unit u;
    private final DsdFactory arrays;

    TensorWalk(Unit u, PeGlobals globals) {
        this.u = u;
        this.arrays = new DsdFactory(u, globals);
    }

    Value.DsdVal mem4d(Expr.TensorAccess t, Scope s) {
        int n = t.vars().size();
        if (n < 1 || n > 4 || t.extents().size() != n) {
            throw new CslError(t.pos(), "a mem4d_dsd's tensor access has 1 to 4 indices, each with an extent");
        }
        if (!(t.body() instanceof Expr.Index ix) || !(ix.target() instanceof Expr.Name arr)) {
            throw new CslError(t.body().pos(), "a tensor access reads a global array, as in A[i, j]");
        }
        long[] extents = new long[n];
        long total = 1;
        for (int d = 0; d < n; d++) {
            extents[d] = ValueOps.intIn(u.ev.eval(t.extents().get(d), s), 1, Dsd.MAX_LENGTH, "an extent", t.pos());
            total *= extents[d];
        }
        if (total > Dsd.MAX_LENGTH) {
            throw new CslError(t.pos(), "a mem4d_dsd walks at most " + Dsd.MAX_LENGTH + " elements, not " + total);
        }
        DsdFactory.Walked w = arrays.walked(arr, s);
        CslType.Array at = (CslType.Array) w.array().type();
        List<Integer> dims = at.dims();
        if (ix.indices().size() != dims.size()) {
            throw new CslError(ix.pos(), arr.name() + " has " + dims.size() + " dimensions but " + ix.indices().size()
                    + " indices are given");
        }
        long[] coef = new long[n + 1];
        for (int k = 0; k < dims.size(); k++) {
            long[] lin = linear(ix.indices().get(k), t.vars(), s);
            for (int d = 0; d <= n; d++) {
                coef[d] = coef[d] * dims.get(k) + lin[d];
            }
        }
        long first = coef[n] + w.start();
        long lo = first;
        long hi = first;
        for (int d = 0; d < n; d++) {
            long reach = coef[d] * (extents[d] - 1);
            lo += Math.min(0, reach);
            hi += Math.max(0, reach);
        }
        if (lo < 0 || hi >= at.length()) {
            throw new CslError(t.pos(), "the tensor access reaches elements " + lo + " to " + hi + " of " + arr.name()
                    + ", which has " + at.length());
        }
        int size = at.elem().elementType().bytes;
        List<Integer> shape = new ArrayList<>();
        shape.add(n);
        for (int d = 0; d < n; d++) {
            shape.add((int) extents[d]);
            shape.add((int) (coef[d] * size));
        }
        int base = w.array().symbol().address() + (int) first * size;
        return new Value.DsdVal(CslType.MEM4D_DSD, Dsd.mem4d(base, (int) total, shapeAddress(shape, t)), size);
    }

    private int shapeAddress(List<Integer> shape, Expr.TensorAccess t) {
        Integer known = u.dsdShapes.get(shape);
        if (known != null) {
            return known;
        }
        CslType.Array words = new CslType.Array(List.of(shape.size()), CslType.U32);
        Symbol sym = u.allocate("mem4d_dsd shape#" + u.dsdShapes.size(), words, t.pos(), 4);
        for (int i = 0; i < shape.size(); i++) {
            u.program.initialize(sym, i, shape.get(i));
        }
        u.dsdShapes.put(List.copyOf(shape), sym.address());
        return sym.address();
    }

    /** The coefficient of each of {@code vars} in an affine index expression, then its constant. */
    private long[] linear(Expr e, List<String> vars, Scope s) {
        int n = vars.size();
        long[] out = new long[n + 1];
        if (e instanceof Expr.Name nm && vars.contains(nm.name())) {
            out[vars.indexOf(nm.name())] = 1;
            return out;
        }
        if (e instanceof Expr.Binary b && (b.op() == TokenKind.PLUS || b.op() == TokenKind.MINUS || b.op() == TokenKind.STAR)) {
            long[] l = linear(b.left(), vars, s);
            long[] r = linear(b.right(), vars, s);
            if (b.op() != TokenKind.STAR) {
                for (int d = 0; d <= n; d++) {
                    out[d] = b.op() == TokenKind.PLUS ? l[d] + r[d] : l[d] - r[d];
                }
                return out;
            }
            boolean leftVaries = java.util.Arrays.stream(l, 0, n).anyMatch(c -> c != 0);
            boolean rightVaries = java.util.Arrays.stream(r, 0, n).anyMatch(c -> c != 0);
            if (leftVaries && rightVaries) {
                throw new CslError(b.pos(), "a tensor access must be affine in its indices (no product of two of them)");
            }
            long k = leftVaries ? r[n] : l[n];
            long[] v = leftVaries ? l : r;
            for (int d = 0; d <= n; d++) {
                out[d] = v[d] * k;
            }
            if (!leftVaries && !rightVaries) {
                out[n] = l[n] * r[n];
            }
            return out;
        }
        if (e instanceof Expr.Unary un && un.op() == TokenKind.MINUS) {
            long[] l = linear(un.operand(), vars, s);
            for (int d = 0; d <= n; d++) {
                out[d] = -l[d];
            }
            return out;
        }
        out[n] = ValueOps.intIn(u.ev.eval(e, s), -Dsd.MAX_LENGTH * 64L, Dsd.MAX_LENGTH * 64L, "an index", e.pos());
        return out;
    }
}
