package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.MathLibrary;
import org.waferscope.engine.csl.eval.Modules;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.MathFn;
import org.waferscope.engine.ir.Opcode;

/**
 * {@code @map(fn, in1, ..., inN, out)}: calls {@code fn} once per element of the memory DSDs
 * among its operands and writes each result to {@code out}. An operand is a memory DSD (its
 * i-th element), a scalar (the same value every time), or a pointer: passed as it is to a
 * pointer parameter, or read afresh each time for a scalar one. {@code out} is a memory DSD
 * or a pointer written each time; a function that returns void has no output. All DSDs have the
 * first one's length.
 *
 * <p>It compiles to a loop on the PE, so it takes as many cycles as the loop it stands for.
 */
final class MapCompiler {
    /** How one operand reaches its parameter in each round. */
    private enum Kind { DSD, VALUE, POINTER_READ }

    private record Input(Kind kind, int slot, CslType type) {
    }

    private final ExprCompiler x;
    private final FunctionBuilder f;

    MapCompiler(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
    }

    Operand emit(Expr.Builtin b, Scope s) {
        List<Expr> a = b.args();
        if (a.size() < 2) {
            throw new CslError(b.pos(), "@map takes a function, its inputs and the output, as in @map(fn, in_dsd, out_dsd)");
        }
        List<CslType> params = new ArrayList<>();
        CslType ret;
        MathFn math = null;
        FunctionBuilder target = null;
        Expr callee = a.get(0);
        Value.ModuleVal module = callee instanceof Expr.Field fl && x.gen(fl.target(), s) instanceof Operand.Const k
                && k.value() instanceof Value.ModuleVal m ? m : null;
        if (module != null && module.name().equals(Modules.MATH)) {
            MathLibrary.Named n = MathLibrary.byName(((Expr.Field) callee).name());
            if (n == null || n.fn().arity != a.size() - 2) {
                throw new CslError(callee.pos(), "@map needs a <math> function of " + (a.size() - 2) + " argument"
                        + (a.size() == 3 ? "" : "s") + ", not " + ((Expr.Field) callee).name());
            }
            math = n.fn();
            CslType t = MathLibrary.operandType(n, n.type() != null ? n.type() : CslType.F32, callee.pos());
            params.add(t);
            if (math.arity == 2) {
                params.add(math == MathFn.FSCALE ? CslType.I16 : t);
            }
            ret = math.returnsBool() ? CslType.BOOL : t;
        } else {
            if (!(x.gen(callee, s) instanceof Operand.Const k && k.value() instanceof Value.FnVal fn) || fn.isTask()) {
                throw new CslError(callee.pos(), "@map's first argument must be a function of the program or of <math>");
            }
            Decl.Fn d = fn.decl();
            Scope root = new Scope(null);
            for (Decl.FnParam p : d.params()) {
                params.add(x.u.ev.type(p.type(), root));
            }
            ret = x.u.ev.type(d.ret(), root);
            target = x.u.usedFunction(d.name());
            if (target == null) {
                throw new CslError(callee.pos(), "function " + d.name() + " could not be compiled");
            }
            int given = ret == CslType.VOID ? a.size() - 1 : a.size() - 2;
            if (params.size() != given) {
                throw new CslError(b.pos(), d.name() + " takes " + params.size() + " arguments, but @map gives it "
                        + given + " inputs");
            }
        }
        boolean hasOutput = ret != CslType.VOID;
        if (hasOutput && ret.elementType() == null) {
            throw new CslError(callee.pos(), "@map's function must return a number or bool to write to the output");
        }
        // Everything the loop keeps lives below the call's frame, which starts at the argument slots.
        List<Input> inputs = new ArrayList<>();
        int lengthDsd = -1;
        for (int i = 0; i < params.size(); i++) {
            Input in = input(a.get(i + 1), params.get(i), s);
            inputs.add(in);
            if (in.kind == Kind.DSD && lengthDsd < 0) {
                lengthDsd = in.slot;
            }
        }
        Expr outExpr = a.get(a.size() - 1);
        boolean outDsd = false;
        int outSlot = -1;
        if (hasOutput) {
            Operand out = x.gen(outExpr, s);
            outDsd = out.type() == CslType.MEM1D_DSD;
            if (!outDsd && !(out.type() instanceof CslType.Pointer)) {
                throw new CslError(outExpr.pos(), "@map's output must be a mem1d_dsd or a pointer such as &sum, not "
                        + CallCompiler.describe(out));
            }
            outSlot = x.slot(out, out.type(), outExpr.pos());
        }
        if (outDsd && lengthDsd < 0) {
            lengthDsd = outSlot;
        }
        if (lengthDsd < 0) {
            throw new CslError(b.pos(), "@map needs at least one memory DSD to say how many elements to map");
        }
        int[] cursor = new int[inputs.size() + 1];
        for (int i = 0; i < inputs.size(); i++) {
            cursor[i] = inputs.get(i).kind == Kind.DSD ? cursorOf(inputs.get(i).slot) : -1;
        }
        cursor[inputs.size()] = outDsd ? cursorOf(outSlot) : -1;
        int count = f.temp();
        f.mov(count, lengthDsd + 2);
        int one = f.temp();
        f.constI32(one, 1);
        int slots = 0;
        for (CslType p : params) {
            slots += p.slots();
        }
        int argBase = f.temps(2 + Math.max(1, slots)) + 2;

        f.at(b.pos());
        FunctionBuilder.Label top = f.label();
        FunctionBuilder.Label end = f.label();
        f.bind(top);
        f.jumpIfZero(count, end);
        int at = argBase;
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            ElementType e = params.get(i).elementType();
            switch (in.kind) {
                case DSD -> f.loadIndirect(e, at, cursor[i], 0);
                case POINTER_READ -> f.loadIndirect(e, at, in.slot, 0);
                case VALUE -> {
                    if (params.get(i).slots() > 1) {
                        f.movn(at, in.slot, params.get(i).slots());
                    } else {
                        f.mov(at, in.slot);
                    }
                }
            }
            at += params.get(i).slots();
        }
        int result;
        if (math != null) {
            result = f.temp();
            f.math(math, params.get(0).elementType(), result, argBase, math.arity == 2 ? argBase + 1 : -1);
        } else {
            f.call(target, argBase);
            result = argBase;
        }
        if (hasOutput) {
            f.storeIndirect(ret.elementType(), outDsd ? cursor[inputs.size()] : outSlot, 0, result);
        }
        for (int i = 0; i < inputs.size(); i++) {
            if (cursor[i] >= 0) {
                f.op(Opcode.ADD, ElementType.I32, cursor[i], cursor[i], inputs.get(i).slot + 3);
            }
        }
        if (outDsd) {
            f.op(Opcode.ADD, ElementType.I32, cursor[inputs.size()], cursor[inputs.size()], outSlot + 3);
        }
        f.op(Opcode.SUB, ElementType.I32, count, count, one);
        f.jump(top);
        f.bind(end);
        return new Operand.Const(new Value.VoidVal());
    }

    /** A slot walking the DSD in slots dsd..dsd+3: its base address, moved on by its stride each round. */
    private int cursorOf(int dsd) {
        int c = f.temp();
        f.mov(c, dsd + 1);
        return c;
    }

    private Input input(Expr e, CslType param, Scope s) {
        Operand o = x.gen(e, s);
        CslType t = o.type();
        if (t.isDsd()) {
            if (t != CslType.MEM1D_DSD) {
                throw new CslError(e.pos(), "@map reads memory DSDs in Waferscope's CSL subset, not a " + t);
            }
            if (param.elementType() == null) {
                throw new CslError(e.pos(), "a DSD's elements go to a parameter of a number type, not " + param);
            }
            return new Input(Kind.DSD, x.slot(o, t, e.pos()), param);
        }
        if (t instanceof CslType.Pointer && !(param instanceof CslType.Pointer)) {
            if (param.elementType() == null) {
                throw new CslError(e.pos(), "a pointer given to @map goes to a pointer or number parameter, not " + param);
            }
            return new Input(Kind.POINTER_READ, x.slot(o, null, e.pos()), param);
        }
        // A value the same in every round: converted once, copied into the argument each time.
        int slot = f.temps(Math.max(1, param.slots()));
        x.into(o, slot, param, e.pos());
        return new Input(Kind.VALUE, slot, param);
    }
}
