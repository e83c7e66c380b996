package org.waferscope.engine.csl.compile;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.MathFn;
import org.waferscope.engine.ir.Opcode;

/**
 * {@code @fmaxs(&m, start, dsd)}: with a pointer to an f32 as its destination, the SDK's
 * {@code @fmaxs} is a reduction: the largest of {@code start} and every element of the memory
 * DSD lands in {@code m}, as the stencil benchmark takes each PE's maximum. Compiled as a loop
 * over the DSD's elements (base, length and stride read from its words at run time).
 */
final class ScalarMax {
    private ScalarMax() {
    }

    static boolean applies(Expr.Builtin b, Operand dest) {
        return b.name().equals("@fmaxs") && dest.type() instanceof CslType.Pointer p
                && p.elem() == CslType.F32;
    }

    static void emit(ExprCompiler x, Expr.Builtin b, Scope s, Operand dest) {
        if (b.args().size() != 3) {
            throw new CslError(b.pos(), "@fmaxs into a scalar takes (&result, start, memory DSD)");
        }
        FunctionBuilder f = x.f;
        int acc = f.temp();
        x.into(x.gen(b.args().get(1), s, CslType.F32), acc, CslType.F32, b.args().get(1).pos());
        Operand d = x.gen(b.args().get(2), s);
        if (d.type() != CslType.MEM1D_DSD) {
            throw new CslError(b.args().get(2).pos(), "@fmaxs into a scalar reads a memory DSD, not " + CallCompiler.describe(d));
        }
        int dsd = x.slot(d, CslType.MEM1D_DSD, b.args().get(2).pos());
        int i = f.temp();
        int test = f.temp();
        int addr = f.temp();
        int v = f.temp();
        f.constI32(i, 0);
        FunctionBuilder.Label top = f.label();
        FunctionBuilder.Label end = f.label();
        f.bind(top);
        f.op(Opcode.LT, ElementType.I32, test, i, dsd + 2);
        f.jumpIfZero(test, end);
        f.op(Opcode.MUL, ElementType.I32, addr, i, dsd + 3);
        f.op(Opcode.ADD, ElementType.I32, addr, addr, dsd + 1);
        f.loadIndirect(ElementType.F32, v, addr, 0);
        f.math(MathFn.MAX, ElementType.F32, acc, acc, v);
        f.constI32(v, 1);
        f.op(Opcode.ADD, ElementType.I32, i, i, v);
        f.jump(top);
        f.bind(end);
        if (dest instanceof Operand.Const c && c.value() instanceof Value.PointerVal p) {
            f.storeGlobal(ElementType.F32, p.address(), acc);
        } else {
            f.storeIndirect(ElementType.F32, x.slot(dest, dest.type(), b.args().get(0).pos()), 0, acc);
        }
    }
}
