package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.DsdOperand;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.SourcePos;

/** Calls: builtins that run on the PE, library module functions, and the program's own functions. */
final class CallCompiler {
    private static final Operand VOID = new Operand.Const(new Value.VoidVal());

    private final ExprCompiler x;
    private final FunctionBuilder f;
    private final ModuleCalls modules;

    CallCompiler(ExprCompiler x) {
        this.x = x;
        this.f = x.f;
        this.modules = new ModuleCalls(x);
    }

    Operand builtin(Expr.Builtin b, Scope s) {
        f.at(b.pos());
        DsdOpKind kind = DsdOpKind.byBuiltin(b.name());
        if (kind != null) {
            new DsdOps(x).emit(kind, b, s);
            return VOID;
        }
        switch (b.name()) {
            case "@ptrcast" -> {
                return PointerCast.emit(x, b, s);
            }
            case "@assert" -> {
                // Checked where it runs: a false condition stops the PE with a fault at this line.
                if (b.args().size() != 1) {
                    throw new CslError(b.pos(), "@assert takes one condition");
                }
                Operand cond = x.gen(b.args().get(0), s);
                if (cond instanceof Operand.Const c && ValueOps.bool(c.value(), "@assert's condition", b.pos())) {
                    return VOID;
                }
                FunctionBuilder.Label ok = f.label();
                f.jumpIfNotZero(x.slot(cond, CslType.BOOL, b.pos()), ok);
                f.trap();
                f.bind(ok);
                return VOID;
            }
            case "@activate", "@block", "@unblock" -> {
                if (b.args().size() != 1 || !(x.u.ev.eval(b.args().get(0), s) instanceof Value.TaskIdVal id)) {
                    throw new CslError(b.pos(), b.name() + " takes a task id");
                }
                switch (b.name()) {
                    case "@activate" -> f.activate(id.id());
                    case "@block" -> f.block(id.id());
                    default -> f.unblock(id.id());
                }
                return VOID;
            }
            case "@as", "@bitcast" -> {
                return convert(b, s);
            }
            case "@map" -> {
                return new MapCompiler(x).emit(b, s);
            }
            case "@load_to_dsr" -> {
                return new DsrCalls(x).load(b, s);
            }
            case "@increment_dsd_offset", "@set_dsd_base_addr", "@set_dsd_length", "@set_dsd_stride" -> {
                return new DsdOps(x).mutate(b, s);
            }
            default -> {
                return new Operand.Const(x.u.ev.eval(b, s));
            }
        }
    }

    private Operand convert(Expr.Builtin b, Scope s) {
        if (b.args().size() != 2) {
            throw new CslError(b.pos(), b.name() + " takes a type and a value");
        }
        CslType to = x.u.ev.type(b.args().get(0), s);
        Operand v = x.gen(b.args().get(1), s);
        if (to instanceof CslType.Pointer && b.name().equals("@bitcast") && (v.type().isInt() || v.type() == CslType.COMPTIME_INT)) {
            return registerPointer(b, v, to);
        }
        if (v instanceof Operand.Const) {
            return new Operand.Const(x.u.ev.eval(b, s));
        }
        ElementType from = v.type().elementType();
        if (from == null || to.elementType() == null) {
            throw new CslError(b.pos(), b.name() + " converts machine scalars, not " + v.type() + " to " + to);
        }
        if (v.type().equals(to)) {
            return v;
        }
        boolean bitcast = b.name().equals("@bitcast");
        if (bitcast && from.bytes != to.elementType().bytes) {
            throw new CslError(b.pos(), "@bitcast needs types of one size, not " + v.type() + " and " + to);
        }
        int dst = f.temp();
        int src = ((Operand.Reg) v).slot();
        if (bitcast) {
            f.bitcast(dst, src, from, to.elementType());
        } else {
            f.convert(dst, src, from, to.elementType());
        }
        return new Operand.Reg(dst, to);
    }

    /**
     * {@code @bitcast(*u16, address)}: a pointer made from an integer, as programs reach the
     * router's configuration registers (fabric.RouterRegisters). The marker instruction tells
     * the loader that this program may rewrite any color it routes.
     */
    private Operand registerPointer(Expr.Builtin b, Operand v, CslType to) {
        int dst = f.temp();
        if (v instanceof Operand.Const k) {
            f.constI32(dst, ValueOps.intIn(k.value(), 0, 0xFFFF, "an address", b.pos()));
        } else {
            f.mov(dst, ((Operand.Reg) v).slot());
        }
        f.routeConfig(org.waferscope.engine.fabric.RouteEdits.ANY_COLOR, org.waferscope.engine.fabric.RouteEdits.EDIT_NONE, 0, 0, 0);
        return new Operand.Reg(dst, to);
    }

    Operand call(Expr.Call c, Scope s) {
        f.at(c.pos());
        if (c.callee() instanceof Expr.Field fl) {
            Operand target = x.gen(fl.target(), s);
            if (target instanceof Operand.Const k && k.value() instanceof Value.ModuleVal m) {
                return modules.call(m, fl.name(), c, s);
            }
        }
        Operand callee = x.gen(c.callee(), s);
        if (callee instanceof Operand.Const k && k.value() instanceof Value.LibFnVal lf) {
            return modules.call(lf.module(), lf.fn(), c, s);
        }
        if (!(callee instanceof Operand.Const k) || !(k.value() instanceof Value.FnVal fn)) {
            throw new CslError(c.pos(), "only functions can be called, not " + callee.type());
        }
        if (fn.isTask()) {
            throw new CslError(c.pos(), "task " + fn.name() + " cannot be called; activate it with @activate");
        }
        return userCall(fn.decl(), c, s);
    }

    private Operand userCall(Decl.Fn fn, Expr.Call c, Scope s) {
        if (fn.params().size() != c.args().size()) {
            throw new CslError(c.pos(), fn.name() + " takes " + fn.params().size() + " arguments, not " + c.args().size());
        }
        if (x.u.comptimeFunctions.contains(fn.name())) {
            // Runs here and now; an argument known only at run time is an error that names it.
            return new Operand.Const(x.u.ev.eval(c, s));
        }
        FunctionBuilder target = x.u.usedFunction(fn.name());
        if (target == null) {
            throw new CslError(c.pos(), "function " + fn.name() + " could not be compiled");
        }
        Scope root = new Scope(null);
        List<CslType> types = new ArrayList<>();
        int slots = 0;
        for (Decl.FnParam p : fn.params()) {
            CslType t = x.u.ev.type(p.type(), root);
            types.add(t);
            slots += t.slots();
        }
        CslType ret = x.u.ev.type(fn.ret(), root);
        int base = f.temps(2 + Math.max(1, slots));
        int argBase = base + 2;
        int at = argBase;
        for (int i = 0; i < types.size(); i++) {
            Expr a = c.args().get(i);
            x.into(x.gen(a, s, types.get(i)), at, types.get(i), a.pos());
            at += types.get(i).slots();
        }
        f.at(c.pos());
        f.call(target, argBase);
        return ret == CslType.VOID ? VOID : new Operand.Reg(argBase, ret);
    }

    /** The type a DSD operation's scalar operand is taken as. */
    static CslType scalarType(DsdOpKind kind, Operand o) {
        return switch (kind.type) {
            case F32 -> CslType.F32;
            case F16 -> CslType.F16;
            case U32 -> {
                if (o instanceof Operand.Const c) {
                    if (c.type() == CslType.COMPTIME_FLOAT) {
                        yield CslType.F32;
                    }
                    yield c.value() instanceof Value.IntVal i && i.v() < 0 ? CslType.I32 : CslType.U32;
                }
                yield o.type().elementType() != null && o.type().elementType().bytes == 4 ? o.type() : CslType.U32;
            }
            default -> {
                if (o instanceof Operand.Const c) {
                    yield c.value() instanceof Value.IntVal i && i.v() < 0 ? CslType.I16 : CslType.U16;
                }
                yield o.type() == CslType.I16 || o.type() == CslType.U16 ? o.type() : CslType.U16;
            }
        };
    }

    static int noTask() {
        return DsdOperand.NO_TASK;
    }

    static SourcePos pos(Expr e) {
        return e.pos();
    }

    static boolean isVoid(Operand o) {
        return o instanceof Operand.Const c && c.value() instanceof Value.VoidVal;
    }

    static String describe(Operand o) {
        return o instanceof Operand.Const c ? ValueOps.describe(c.value()) : "a run-time " + o.type();
    }
}
