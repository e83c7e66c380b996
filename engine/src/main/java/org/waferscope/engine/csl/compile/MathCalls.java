package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.MathLibrary;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.MathFn;
import org.waferscope.engine.ir.SourcePos;

/** Calls of {@code <math>} functions in a PE program: one {@code math} instruction each, or a constant. */
final class MathCalls {
    private final ExprCompiler x;

    MathCalls(ExprCompiler x) {
        this.x = x;
    }

    Operand call(String name, Expr.Call c, Scope s) {
        MathLibrary.Named n = MathLibrary.byName(name);
        if (n == null) {
            throw new CslError(c.pos(), "module <math> has no function " + name);
        }
        List<Expr> a = c.args();
        if (a.size() != n.fn().arity) {
            throw new CslError(c.pos(), name + " takes " + n.fn().arity + " argument" + (n.fn().arity == 1 ? "" : "s"));
        }
        List<Operand> ops = new ArrayList<>();
        boolean known = true;
        for (Expr e : a) {
            Operand o = x.gen(e, s);
            ops.add(o);
            known &= o instanceof Operand.Const;
        }
        if (known && !n.fn().runtimeOnly) {
            List<Value> values = ops.stream().map(o -> ((Operand.Const) o).value()).toList();
            return new Operand.Const(MathLibrary.fold(n, values, c.pos()));
        }
        // A generic call takes its type from a run-time operand rather than from a literal beside it.
        Operand typed = ops.stream().filter(o -> o instanceof Operand.Reg).findFirst().orElse(ops.get(0));
        CslType t = MathLibrary.operandType(n, typed.type(), c.pos());
        if (t == CslType.COMPTIME_FLOAT) {
            t = CslType.F32;
        }
        int xs = x.slot(ops.get(0), t, a.get(0).pos());
        int ys = -1;
        if (ops.size() > 1) {
            ys = x.slot(ops.get(1), n.fn() == MathFn.FSCALE ? CslType.I16 : t, a.get(1).pos());
        }
        return emit(n.fn(), t, xs, ys, c.pos());
    }

    /** Emits {@code fn} of slots xs (and ys, or -1) computed as type t. */
    Operand emit(MathFn fn, CslType t, int xs, int ys, SourcePos pos) {
        int dst = x.f.temp();
        x.f.at(pos);
        x.f.math(fn, t.elementType(), dst, xs, ys);
        return new Operand.Reg(dst, fn.returnsBool() ? CslType.BOOL : t);
    }
}
