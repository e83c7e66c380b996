package org.waferscope.engine.csl.compile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Interpreter;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.eval.UnknownNames;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.TaskKind;

/** Compiles one function or task body: statements, loops and the task prologue. */
final class FunctionCompiler extends ExprCompiler {
    private record Loop(FunctionBuilder.Label next, FunctionBuilder.Label end) {
    }

    private final Deque<Loop> loops = new ArrayDeque<>();
    private CslType returns = CslType.VOID;

    FunctionCompiler(Unit u, PeGlobals globals, FunctionBuilder f) {
        super(u, globals, f);
    }

    /** Compiles {@code fn}; {@code kind} is null for a function, else how the task is bound. */
    void compile(Decl.Fn fn, TaskKind kind) {
        Scope root = new Scope(null);
        f.at(fn.pos());
        if (kind == null) {
            int slot = 2;
            for (Decl.FnParam p : fn.params()) {
                CslType t = u.ev.type(p.type(), root);
                root.define(p.name(), new Storage.Local(p.name(), t, slot, false), p.pos());
                slot += t.slots();
            }
            returns = u.ev.type(fn.ret(), root);
        } else {
            taskPrologue(fn, kind, root);
            if (u.ev.type(fn.ret(), root) != CslType.VOID) {
                throw new CslError(fn.pos(), "a task returns void");
            }
        }
        block(fn.body(), root);
        // the implicit return belongs to the closing brace, not to the last statement (which a
        // jump may have skipped: a PE leaving a task must not seem to be on a call it passed over)
        f.at(fn.body().end());
        f.ret();
    }

    /**
     * A data task's argument arrives as the wavelet's raw 32 bits in slot 2: a 32-bit
     * argument is taken whole; a 16-bit one (or a pair) is unpacked, data from the low half,
     * index from the high half. A control task gets the wavelet's 16-bit data.
     */
    private void taskPrologue(Decl.Fn fn, TaskKind kind, Scope root) {
        int n = fn.params().size();
        if (kind == TaskKind.LOCAL && n > 0) {
            throw new CslError(fn.pos(), "a local task takes no arguments");
        }
        if (n > 2 || (kind == TaskKind.CONTROL && n > 1)) {
            throw new CslError(fn.pos(), "a " + kind.name().toLowerCase(java.util.Locale.ROOT) + " task takes at most "
                    + (kind == TaskKind.CONTROL ? "one argument" : "two 16-bit arguments or one 32-bit argument"));
        }
        for (int i = 0; i < n; i++) {
            Decl.FnParam p = fn.params().get(i);
            CslType t = u.ev.type(p.type(), root);
            ElementType e = t.elementType();
            if (e == null || e == ElementType.BOOL || e.bytes == 1) {
                throw new CslError(p.pos(), "a task argument is a 16- or 32-bit number, not " + t);
            }
            if (n == 2 && e.bytes != 2) {
                throw new CslError(p.pos(), "a task with two arguments takes two 16-bit halves, not " + t);
            }
            int slot = f.arg(0);
            if (e.bytes == 2) {
                slot = f.temp();
                int raw = f.arg(0);
                if (i == 1) {
                    int k = f.temp();
                    f.constI32(k, 16);
                    f.op(Opcode.SHR, ElementType.U32, slot, raw, k);
                    raw = slot;
                }
                if (e == ElementType.F16) {
                    int zero = f.temp();
                    f.constI32(zero, 0);
                    f.op(Opcode.OR, ElementType.U16, slot, raw, zero);
                    f.bitcast(slot, slot, ElementType.U16, ElementType.F16);
                } else {
                    int zero = f.temp();
                    f.constI32(zero, 0);
                    f.op(Opcode.OR, e, slot, raw, zero);
                }
            }
            root.define(p.name(), new Storage.Local(p.name(), t, slot, false), p.pos());
        }
    }

    private void block(Stmt.Block b, Scope s) {
        Scope inner = s.child();
        int mark = f.mark();
        for (Stmt st : b.stmts()) {
            try {
                statement(st, inner);
            } catch (CslError e) {
                u.diags.error(e.pos(), e.getMessage());
                sayTheOtherUnknownNames(st, inner, e);
                if (st instanceof Stmt.VarDecl v) {
                    inner.poison(v.name(), e);
                }
            }
        }
        f.release(mark);
    }

    /**
     * When {@code st} was abandoned at an unknown name, says its other unknown names too: a
     * statement stops at its first error, and "seen = locl_count + sene" named locl_count alone.
     * Likewise when it was abandoned at a local whose declaration failed earlier (that error,
     * said there, is not said again). Abandoned at any other error, it says no more: what
     * follows such an error may only follow from it.
     */
    private void sayTheOtherUnknownNames(Stmt st, Scope s, CslError first) {
        List<UnknownNames.Use> unknown = UnknownNames.inSimple(st, name -> UnknownNames.declared(name, s, u.decls, u.resolved));
        boolean earlier = first.pos().file().equals(st.pos().file()) && (first.pos().line() < st.pos().line()
                || first.pos().line() == st.pos().line() && first.pos().column() < st.pos().column());
        UnknownNames.say(UnknownNames.besides(unknown, first, earlier), s, globals, u.diags);
    }

    private void statement(Stmt st, Scope s) {
        f.at(st.pos());
        u.ev.budgetStep(st.pos());
        if (st instanceof Stmt.Block b) {
            block(b, s);
            return;
        }
        if (st instanceof Stmt.VarDecl v) {
            declare(v, s);
            return;
        }
        int mark = f.mark();
        if (st instanceof Stmt.Assign a) {
            assign(a, s);
        } else if (st instanceof Stmt.ExprStmt e) {
            gen(e.expr(), s);
        } else if (st instanceof Stmt.If i) {
            ifStatement(i, s);
        } else if (st instanceof Stmt.While w) {
            whileLoop(w, s);
        } else if (st instanceof Stmt.For fo) {
            forLoop(fo, s);
        } else if (st instanceof Stmt.Return r) {
            ret(r, s);
        } else if (st instanceof Stmt.Break || st instanceof Stmt.Continue) {
            Loop l = loops.peek();
            if (l == null) {
                throw new CslError(st.pos(), (st instanceof Stmt.Break ? "break" : "continue") + " outside a loop");
            }
            f.jump(st instanceof Stmt.Break ? l.end() : l.next());
        }
        f.release(mark);
    }

    private void declare(Stmt.VarDecl v, Scope s) {
        CslType t = v.type() == null ? null : u.ev.type(v.type(), s);
        if (t == null && !v.isConst() && (v.init() instanceof Expr.ArrayLit || v.init() instanceof Expr.Builtin b
                && (b.name().equals("@zeros") || b.name().equals("@constants")))) {
            // var data = [3]i16 { 1, 2, 3 };  a local array typed by its initial value
            t = u.ev.eval(v.init(), s).type();
        }
        if (t instanceof CslType.Array at) {
            localArray(v, at, s);
            return;
        }
        if (v.isConst() && v.init() != null) {
            int mark = f.mark();
            Operand init = gen(v.init(), s, t);
            if (init instanceof Operand.Const c) {
                f.release(mark);
                s.define(v.name(), new Binding.Const(t == null ? c.value() : ValueOps.coerce(c.value(), t, v.pos())), v.pos());
                return;
            }
            // A run-time const: keep the value's slots as the const's home.
            CslType type = t != null ? t : init.type();
            int slot = f.temps(type.slots());
            into(init, slot, type, v.pos());
            s.define(v.name(), new Storage.Local(v.name(), type, slot, false), v.pos());
            return;
        }
        if (v.init() == null && t == null) {
            throw new CslError(v.pos(), "var '" + v.name() + "' needs a type");
        }
        int mark = f.mark();
        Operand init = v.init() == null ? null : gen(v.init(), s, t);
        CslType type = t != null ? t : init.type();
        if (type.slots() == 0 || type == CslType.COMPTIME_INT || type == CslType.COMPTIME_FLOAT) {
            throw new CslError(v.pos(), "var '" + v.name() + "' needs a run-time type such as u16 or f32, not " + type);
        }
        f.release(mark);
        int slot = f.temps(type.slots());
        int after = f.mark();
        if (init == null || (init instanceof Operand.Const c && c.value() instanceof Value.UndefinedVal)) {
            if (type.elementType() != null) {
                f.constI32(slot, 0);
            }
        } else if (init instanceof Operand.Reg) {
            // The initialiser's slots may lie above the var's; move them down.
            into(init, slot, type, v.pos());
        } else {
            into(init, slot, type, v.pos());
        }
        f.release(after);
        s.define(v.name(), new Storage.Local(v.name(), type, slot, true), v.pos());
    }

    private void localArray(Stmt.VarDecl v, CslType.Array at, Scope s) {
        int bytes = at.length() * at.elem().elementType().bytes;
        int slot = f.temps((bytes + 3) / 4);
        s.define(v.name(), new Storage.LocalArray(v.name(), at, slot), v.pos());
        if (v.init() == null) {
            return;
        }
        Value init = ValueOps.coerce(u.ev.eval(v.init(), s), at, v.init().pos());
        if (!(init instanceof Value.ArrayVal av)) {
            return;
        }
        int mark = f.mark();
        int base = f.temp();
        int word = f.temp();
        f.addressOfSlot(base, slot);
        for (int i = 0; i < av.bits().length; i++) {
            f.constI32(word, av.bits()[i]);
            f.storeIndirect(at.elem().elementType(), base, i * at.elem().elementType().bytes, word);
        }
        f.release(mark);
    }

    private void assign(Stmt.Assign a, Scope s) {
        if (a.target() instanceof Expr.Name n && n.name().equals("_")) {
            gen(a.value(), s);
            return;
        }
        Place p = places.of(a.target(), s, true);
        Operand value;
        if (a.op() == TokenKind.ASSIGN) {
            value = gen(a.value(), s, p.type());
        } else {
            Operand current = places.load(p, a.pos());
            value = arithmetic(Interpreter.compoundOp(a.op()), current, gen(a.value(), s), a.pos());
            if (!value.type().equals(p.type()) && value.type().elementType() != null) {
                throw new CslError(a.pos(), "the result is " + value.type() + " but the target is " + p.type());
            }
        }
        f.at(a.pos());
        places.store(p, value, a.pos());
    }

    private void ifStatement(Stmt.If first, Scope s) {
        // An else-if chain is compiled link by link in a loop, every link jumping to one
        // end, so a chain thousands of links long needs no deeper stack than a short one.
        FunctionBuilder.Label end = f.label();
        Stmt.If i = first;
        while (true) {
            int mark = f.mark();
            Operand c = gen(i.cond(), s);
            if (c instanceof Operand.Const k) {
                // Only the branch taken is compiled, as CSL does for compile-time conditions
                // such as @is_arch("wse3").
                f.release(mark);
                if (ValueOps.bool(k.value(), "the condition", i.cond().pos())) {
                    block(i.then(), s);
                    break;
                }
            } else {
                int cond = slot(c, CslType.BOOL, i.cond().pos());
                FunctionBuilder.Label otherwise = f.label();
                f.jumpIfZero(cond, otherwise);
                block(i.then(), s);
                if (i.otherwise() != null) {
                    f.jump(end);
                }
                f.bind(otherwise);
                f.release(mark);
            }
            if (!(i.otherwise() instanceof Stmt.If next)) {
                if (i.otherwise() != null) {
                    statement(i.otherwise(), s);
                }
                break;
            }
            f.at(next.pos());
            u.ev.budgetStep(next.pos());
            i = next;
        }
        f.bind(end);
    }

    private void whileLoop(Stmt.While w, Scope s) {
        FunctionBuilder.Label top = f.label();
        FunctionBuilder.Label next = f.label();
        FunctionBuilder.Label end = f.label();
        f.bind(top);
        int mark = f.mark();
        Operand c = gen(w.cond(), s);
        if (c instanceof Operand.Const k && !ValueOps.bool(k.value(), "the condition", w.cond().pos())) {
            f.release(mark);
            f.bind(next).bind(end);
            return;
        }
        if (!(c instanceof Operand.Const)) {
            f.jumpIfZero(slot(c, CslType.BOOL, w.cond().pos()), end);
        }
        f.release(mark);
        loops.push(new Loop(next, end));
        block(w.body(), s);
        loops.pop();
        f.bind(next);
        if (w.cont() != null) {
            statement(w.cont(), s);
        }
        f.jump(top);
        f.bind(end);
    }

    private void forLoop(Stmt.For fo, Scope s) {
        Expr.Builtin range = Interpreter.rangeCall(fo);
        CslType t = u.ev.type(range.args().get(0), s);
        if (!t.isInt() || t == CslType.COMPTIME_INT) {
            throw new CslError(range.pos(), "@range counts in a sized integer type such as u16, not " + t);
        }
        boolean full = range.args().size() == 4;
        Operand start = full ? gen(range.args().get(1), s) : new Operand.Const(ValueOps.integer(0));
        Operand stop = gen(range.args().get(full ? 2 : 1), s);
        Operand step = full ? gen(range.args().get(3), s) : new Operand.Const(ValueOps.integer(1));
        boolean down = step instanceof Operand.Const k && k.value() instanceof Value.IntVal iv && iv.v() < 0;
        if (step instanceof Operand.Const k && k.value() instanceof Value.IntVal iv && iv.v() == 0) {
            throw new CslError(range.pos(), "@range step must not be 0");
        }
        int i = f.temp();
        into(start, i, t, range.pos());
        int limit = f.temp();
        into(stop, limit, t, range.pos());
        int inc = f.temp();
        into(step, inc, t, range.pos());
        int test = f.temp();
        FunctionBuilder.Label top = f.label();
        FunctionBuilder.Label next = f.label();
        FunctionBuilder.Label end = f.label();
        f.bind(top);
        f.op(down ? Opcode.GT : Opcode.LT, t.elementType(), test, i, limit);
        f.jumpIfZero(test, end);
        Scope body = s.child();
        body.define(fo.captures().get(0), new Storage.Local(fo.captures().get(0), t, i, false), fo.pos());
        loops.push(new Loop(next, end));
        block(fo.body(), body);
        loops.pop();
        f.bind(next);
        f.at(fo.pos());
        f.op(Opcode.ADD, t.elementType(), i, i, inc);
        f.jump(top);
        f.bind(end);
    }

    private void ret(Stmt.Return r, Scope s) {
        if (r.value() == null) {
            if (returns != CslType.VOID) {
                throw new CslError(r.pos(), "this function returns " + returns + "; return a value");
            }
            f.ret();
            return;
        }
        if (returns == CslType.VOID) {
            throw new CslError(r.pos(), "this function or task returns void");
        }
        Operand v = gen(r.value(), s, returns);
        f.at(r.pos());
        f.ret(slot(v, returns, r.pos()));
    }
}
