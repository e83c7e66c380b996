package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.MathFn;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.Symbol;

/**
 * The SDK's {@code <random>} library, compiled to ordinary instructions over one hidden u32
 * global per PE program: a linear congruential generator (multiplier 1664525, increment
 * 1013904223, modulo 2^32), seeded {@link #DEFAULT_SEED} at load. Its state lives in SRAM, so
 * snapshots, stepping back and the state hash cover it, and every run draws the same numbers.
 *
 * <p>The SDK's generator is its own hardware one ({@code @random16}); the numbers differ from
 * it, the distributions are the same: {@code random_f32(lo, hi)} uniform in [lo, hi) from the
 * state's top 24 bits, {@code random_pow_u32(p)} its top p bits, {@code random_normal_f32()}
 * a standard normal by the Box-Muller transform.
 */
final class RandomCalls {
    static final int DEFAULT_SEED = 0x2545F491;
    static final int MULTIPLIER = 1664525;
    static final int INCREMENT = 1013904223;
    /** Where the state's global is kept among the unit's names; no CSL name can contain '<'. */
    private static final String STATE = "<random>.state";

    private static final Operand VOID = new Operand.Const(new Value.VoidVal());

    private final ExprCompiler x;
    private final FunctionBuilder f;

    RandomCalls(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    Operand call(String fn, Expr.Call c, Scope s) {
        List<Expr> a = c.args();
        int state = stateAddress(c);
        f.at(c.pos());
        switch (fn) {
            case "set_global_prng_seed" -> {
                arity(c, fn, 1);
                f.storeGlobal(ElementType.U32, state, x.slot(x.gen(a.get(0), s), CslType.U32, a.get(0).pos()));
                return VOID;
            }
            case "random_f32", "random_f16" -> {
                arity(c, fn, 2);
                CslType t = fn.equals("random_f32") ? CslType.F32 : CslType.F16;
                int lo = x.slot(x.gen(a.get(0), s), t, a.get(0).pos());
                int hi = x.slot(x.gen(a.get(1), s), t, a.get(1).pos());
                int u = unit(state);
                int span = f.temp();
                f.op(Opcode.SUB, ElementType.F32, span, hi, lo);
                f.op(Opcode.MUL, ElementType.F32, span, span, u);
                int r = f.temp();
                f.op(Opcode.ADD, t.elementType(), r, lo, span);
                return new Operand.Reg(r, t);
            }
            case "random_pow_u32" -> {
                arity(c, fn, 1);
                // The top p bits: shifted right by 32 - p (p = 0 gives 0, as 2^0 allows only 0).
                int p = x.slot(x.gen(a.get(0), s), CslType.U32, a.get(0).pos());
                int bits = next(state);
                int shift = constant(32);
                f.op(Opcode.SUB, ElementType.U32, shift, shift, p);
                int r = f.temp();
                f.op(Opcode.SHR, ElementType.U32, r, bits, shift);
                int isZero = f.temp();
                f.op(Opcode.EQ, ElementType.U32, isZero, p, constant(0));
                FunctionBuilder.Label done = f.label();
                f.jumpIfZero(isZero, done);
                f.constI32(r, 0);
                f.bind(done);
                return new Operand.Reg(r, CslType.U32);
            }
            case "random_normal_f32" -> {
                arity(c, fn, 0);
                // Box-Muller: sqrt(-2 ln u1) cos(2 pi u2), with u1 in (0, 1] so the log is finite.
                int u1 = unit(state);
                int tiny = f.temp();
                f.constF32(tiny, 0x1p-24f);
                f.op(Opcode.ADD, ElementType.F32, u1, u1, tiny);
                int u2 = unit(state);
                int radius = f.temp();
                f.math(MathFn.LOG, ElementType.F32, radius, u1, -1);
                int k = f.temp();
                f.constF32(k, -2f);
                f.op(Opcode.MUL, ElementType.F32, radius, radius, k);
                f.math(MathFn.SQRT, ElementType.F32, radius, radius, -1);
                int angle = f.temp();
                f.constF32(angle, (float) (2 * Math.PI));
                f.op(Opcode.MUL, ElementType.F32, angle, angle, u2);
                f.math(MathFn.COS, ElementType.F32, angle, angle, -1);
                int r = f.temp();
                f.op(Opcode.MUL, ElementType.F32, r, radius, angle);
                return new Operand.Reg(r, CslType.F32);
            }
            default -> throw new CslError(c.pos(), "module <random> has no function " + fn);
        }
    }

    private static void arity(Expr.Call c, String fn, int n) {
        if (c.args().size() != n) {
            throw new CslError(c.pos(), fn + " takes " + n + " argument" + (n == 1 ? "" : "s"));
        }
    }

    private int constant(int v) {
        int k = f.temp();
        f.constI32(k, v);
        return k;
    }

    /** Advances the generator; a slot holding the new 32-bit state. */
    private int next(int state) {
        int st = f.temp();
        f.loadGlobal(ElementType.U32, st, state);
        f.op(Opcode.MUL, ElementType.U32, st, st, constant(MULTIPLIER));
        f.op(Opcode.ADD, ElementType.U32, st, st, constant(INCREMENT));
        f.storeGlobal(ElementType.U32, state, st);
        return st;
    }

    /** A slot holding an f32 uniform in [0, 1): the state's top 24 bits over 2^24. */
    private int unit(int state) {
        int bits = next(state);
        int top = f.temp();
        f.op(Opcode.SHR, ElementType.U32, top, bits, constant(8));
        int u = f.temp();
        f.convert(u, top, ElementType.U32, ElementType.F32);
        int scale = f.temp();
        f.constF32(scale, 0x1p-24f);
        f.op(Opcode.MUL, ElementType.F32, u, u, scale);
        return u;
    }

    /** The byte address of the generator's state, allocated on the program's first call. */
    private int stateAddress(Expr.Call c) {
        Binding b = x.u.resolved.get(STATE);
        if (b instanceof Storage.Global g) {
            return g.symbol().address();
        }
        Symbol sym = x.u.allocate(STATE, CslType.U32, c.pos());
        x.u.program.initialize(sym, 0, DEFAULT_SEED);
        Storage.Global g = new Storage.Global(STATE, CslType.U32, sym, new String[1]);
        x.u.resolved.put(STATE, g);
        return sym.address();
    }
}
