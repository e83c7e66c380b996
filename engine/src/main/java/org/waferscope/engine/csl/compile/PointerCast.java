package org.waferscope.engine.csl.compile;

import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;

/** {@code @ptrcast(T, p)}: the same address as a pointer of type {@code T}; no instruction is needed. */
final class PointerCast {
    private PointerCast() {
    }

    /** At compile time, as in a global's initial value: a pointer known then, retyped. */
    static Value comptime(Expr.Builtin b, Scope s, org.waferscope.engine.csl.eval.Evaluator ev) {
        if (b.args().size() != 2) {
            throw new CslError(b.pos(), "@ptrcast takes (pointer type, pointer)");
        }
        CslType t = ev.type(b.args().get(0), s);
        Value p = ev.eval(b.args().get(1), s);
        if (!(t instanceof CslType.Pointer target) || !(p instanceof Value.PointerVal pv)) {
            throw new CslError(b.pos(), "@ptrcast casts a pointer to a pointer type such as [*]u32");
        }
        return new Value.PointerVal(target, pv.symbol(), pv.address());
    }

    static Operand emit(ExprCompiler x, Expr.Builtin b, Scope s) {
        if (b.args().size() != 2) {
            throw new CslError(b.pos(), "@ptrcast takes (pointer type, pointer)");
        }
        CslType t = x.u.ev.type(b.args().get(0), s);
        if (!(t instanceof CslType.Pointer target)) {
            throw new CslError(b.args().get(0).pos(), "@ptrcast casts to a pointer type such as [*]u32, not " + t);
        }
        Operand p = x.gen(b.args().get(1), s);
        if (!(p.type() instanceof CslType.Pointer)) {
            throw new CslError(b.args().get(1).pos(), "@ptrcast casts a pointer, not " + CallCompiler.describe(p));
        }
        if (p instanceof Operand.Const c && c.value() instanceof Value.PointerVal pv) {
            return new Operand.Const(new Value.PointerVal(target, pv.symbol(), pv.address()));
        }
        return new Operand.Reg(((Operand.Reg) p).slot(), target);
    }
}
