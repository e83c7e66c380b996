package org.waferscope.engine.csl.compile;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Evaluator;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Types;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.SourcePos;

/**
 * Compiles expressions of one function body. Anything known at compile time folds to a
 * {@link Operand.Const}; the rest becomes instructions writing fresh frame slots.
 */
class ExprCompiler {
    final Unit u;
    final PeGlobals globals;
    final FunctionBuilder f;
    final Places places;
    final CallCompiler calls;

    ExprCompiler(Unit u, PeGlobals globals, FunctionBuilder f) {
        this.u = u;
        this.globals = globals;
        this.f = f;
        this.places = new Places(this);
        this.calls = new CallCompiler(this);
    }

    Operand gen(Expr e, Scope s) {
        return gen(e, s, null);
    }

    /** Compiles {@code e}; {@code hint} types an if-expression whose branches are literals. */
    Operand gen(Expr e, Scope s, CslType hint) {
        if (e instanceof Expr.Name n) {
            return name(n, s);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, s);
        } else if (e instanceof Expr.Unary un) {
            return unary(un, s);
        } else if (e instanceof Expr.IfExpr ie) {
            return ifExpr(ie, s, hint);
        } else if (e instanceof Expr.Index || e instanceof Expr.Deref) {
            if (e instanceof Expr.Index ix && ix.target() instanceof Expr.Name n
                    && lookup(n.name(), s, n.pos()) instanceof Binding.Const c && places.foldsAtCompileTime(ix, c, s)) {
                return new Operand.Const(u.ev.eval(e, s));
            }
            return places.load(places.of(e, s, false), e.pos());
        } else if (e instanceof Expr.Field fl) {
            Operand target = gen(fl.target(), s);
            if (target instanceof Operand.Const c) {
                if (CollectivesPe.isPe(c.value())) {
                    return CollectivesPe.field(this, (Value.ModuleVal) c.value(), fl);
                }
                return new Operand.Const(u.ev.field(c.value(), fl.name(), fl.pos()));
            }
            throw new CslError(fl.pos(), "a run-time " + target.type() + " has no field ." + fl.name());
        } else if (e instanceof Expr.Builtin b) {
            return calls.builtin(b, s);
        } else if (e instanceof Expr.Call c) {
            return calls.call(c, s);
        }
        return new Operand.Const(u.ev.eval(e, s));
    }

    Binding lookup(String name, Scope s, SourcePos pos) {
        Binding b = s.lookup(name);
        if (b == null) {
            b = globals.resolve(name, pos);
        }
        if (b == null) {
            Value v = Evaluator.builtinName(name);
            if (v == null) {
                throw Evaluator.unknownName(name, pos, s, globals);
            }
            b = new Binding.Const(v);
        }
        return b;
    }

    private Operand name(Expr.Name n, Scope s) {
        Binding b = lookup(n.name(), s, n.pos());
        if (b instanceof Binding.Const c) {
            return new Operand.Const(c.value());
        }
        if (b instanceof Binding.ComptimeVar v) {
            return new Operand.Const(v.value);
        }
        if (b instanceof Storage.Local l) {
            return new Operand.Reg(l.slot(), l.type());
        }
        if (b instanceof Storage.Global g && !(g.type() instanceof CslType.Array)) {
            return places.load(new Place.AtAddress(g.symbol().address(), g.type()), n.pos());
        }
        throw new CslError(n.pos(), "array '" + n.name() + "' is used as a value; index it, or take its address with &");
    }

    /** The slot holding {@code o} as type {@code want} (null: its own type), emitting a constant if needed. */
    int slot(Operand o, CslType want, SourcePos pos) {
        if (o instanceof Operand.Reg r) {
            if (want != null && !r.type().equals(want) && !Types.assignable(r.type(), want)) {
                throw new CslError(pos, "expected " + want + " but found " + r.type() + "; convert with @as");
            }
            return r.slot();
        }
        Value v = ((Operand.Const) o).value();
        CslType t = want != null ? want : v.type();
        if (want != null) {
            v = ValueOps.coerceKnown(v, want, pos);
        }
        if (v instanceof Value.DsdVal d) {
            int dst = f.temps(4);
            f.loadConstant(dst, d.words());
            return dst;
        }
        int dst = f.temp();
        if (v instanceof Value.PointerVal p) {
            f.constI32(dst, p.address());
            return dst;
        }
        if (t == CslType.COMPTIME_INT || t == CslType.COMPTIME_FLOAT) {
            throw new CslError(pos, "the type of " + v + " is not known; give it one with @as(T, ...)");
        }
        if (t.elementType() == null && !(v instanceof Value.UndefinedVal)) {
            throw new CslError(pos, ValueOps.describe(v) + " has no run-time form; it is only known at compile time");
        }
        f.constI32(dst, t.elementType() == null ? 0 : ValueOps.bits(v, t.elementType(), pos));
        return dst;
    }

    /** Writes {@code o} as type {@code t} into the slots from {@code dst}. */
    void into(Operand o, int dst, CslType t, SourcePos pos) {
        if (o instanceof Operand.Const c && t.elementType() != null) {
            Value v = ValueOps.coerceKnown(c.value(), t, pos);
            f.constI32(dst, ValueOps.bits(v, t.elementType(), pos));
            return;
        }
        int src = slot(o, t, pos);
        if (src != dst) {
            if (t.slots() > 1) {
                f.movn(dst, src, t.slots());
            } else {
                f.mov(dst, src);
            }
        }
    }

    private Operand binary(Expr.Binary b, Scope s) {
        // a + b + c ... parses left-deep: walk the left spine in a loop, so a chain of
        // thousands of terms needs no deeper stack than a short one.
        if (!(b.left() instanceof Expr.Binary) && b.op() != TokenKind.AND && b.op() != TokenKind.OR) {
            return arithmetic(b.op(), gen(b.left(), s), gen(b.right(), s), b.pos());
        }
        java.util.ArrayDeque<Expr.Binary> spine = new java.util.ArrayDeque<>();
        Operand l = gen(org.waferscope.engine.csl.eval.Evaluator.leftSpine(b, spine), s);
        while (!spine.isEmpty()) {
            b = spine.pop();
            l = b.op() == TokenKind.AND || b.op() == TokenKind.OR ? logical(b, l, s)
                    : arithmetic(b.op(), l, gen(b.right(), s), b.pos());
        }
        return l;
    }

    Operand arithmetic(TokenKind op, Operand l, Operand r, SourcePos pos) {
        if (l instanceof Operand.Const a && r instanceof Operand.Const c) {
            return new Operand.Const(ValueOps.binary(op, a.value(), c.value(), pos));
        }
        CslType t;
        if (op == TokenKind.SHL || op == TokenKind.SHR) {
            t = l instanceof Operand.Const ? r.type() : l.type();
        } else if (l instanceof Operand.Const && l.type().isInt() && r.type().isInt()) {
            t = r.type();
        } else if (r instanceof Operand.Const && r.type().isInt() && l.type().isInt()) {
            t = l.type();
        } else if (l instanceof Operand.Const && l.type().isFloat() && r.type().isFloat()) {
            t = r.type();
        } else if (r instanceof Operand.Const && r.type().isFloat() && l.type().isFloat()) {
            t = l.type();
        } else {
            t = Types.peer(l.type(), r.type(), pos);
        }
        ElementType e = t.elementType();
        if (e == null) {
            throw new CslError(pos, "operator '" + ValueOps.opText(op) + "' does not apply to " + t + " at run time");
        }
        boolean isBool = e == ElementType.BOOL;
        if (isBool && op != TokenKind.EQ && op != TokenKind.NE && op != TokenKind.AMP && op != TokenKind.PIPE
                && op != TokenKind.CARET) {
            throw new CslError(pos, "operator '" + ValueOps.opText(op) + "' does not apply to bool");
        }
        if (e.isFloat && (op == TokenKind.AMP || op == TokenKind.PIPE || op == TokenKind.CARET || op == TokenKind.SHL
                || op == TokenKind.SHR)) {
            // found by fuzzing: the ALU has no bitwise float ops, so refuse them here, not at run time
            throw new CslError(pos, "operator '" + ValueOps.opText(op) + "' does not apply to " + t);
        }
        int a = slot(l, t, pos);
        int c = slot(r, op == TokenKind.SHL || op == TokenKind.SHR ? (r instanceof Operand.Const ? t : null) : t, pos);
        int dst = f.temp();
        f.op(opcode(op, pos), e, dst, a, c);
        return new Operand.Reg(dst, ValueOps.isComparison(op) ? CslType.BOOL : t);
    }

    static int opcode(TokenKind op, SourcePos pos) {
        return switch (op) {
            case PLUS -> Opcode.ADD;
            case MINUS -> Opcode.SUB;
            case STAR -> Opcode.MUL;
            case SLASH -> Opcode.DIV;
            case PERCENT -> Opcode.REM;
            case AMP -> Opcode.AND;
            case PIPE -> Opcode.OR;
            case CARET -> Opcode.XOR;
            case SHL -> Opcode.SHL;
            case SHR -> Opcode.SHR;
            case EQ -> Opcode.EQ;
            case NE -> Opcode.NE;
            case LT -> Opcode.LT;
            case LE -> Opcode.LE;
            case GT -> Opcode.GT;
            case GE -> Opcode.GE;
            default -> throw new CslError(pos, "operator '" + ValueOps.opText(op) + "' is not a binary operator");
        };
    }

    private Operand logical(Expr.Binary b, Operand l, Scope s) {
        boolean isOr = b.op() == TokenKind.OR;
        if (l instanceof Operand.Const c) {
            boolean v = ValueOps.bool(c.value(), "the left side of '" + ValueOps.opText(b.op()) + "'", b.pos());
            if (v == isOr) {
                return l;
            }
            Operand r = gen(b.right(), s);
            if (!r.type().equals(CslType.BOOL)) {
                throw new CslError(b.right().pos(), "'" + ValueOps.opText(b.op()) + "' needs bool operands");
            }
            return r;
        }
        int dst = f.temp();
        into(l, dst, CslType.BOOL, b.pos());
        FunctionBuilder.Label end = f.label();
        if (isOr) {
            f.jumpIfNotZero(dst, end);
        } else {
            f.jumpIfZero(dst, end);
        }
        into(gen(b.right(), s), dst, CslType.BOOL, b.pos());
        f.bind(end);
        return new Operand.Reg(dst, CslType.BOOL);
    }

    private Operand unary(Expr.Unary un, Scope s) {
        if (un.op() == TokenKind.AMP) {
            return places.address(un.operand(), s, un.pos());
        }
        Operand o = gen(un.operand(), s);
        if (o instanceof Operand.Const c) {
            return new Operand.Const(ValueOps.unary(un.op(), c.value(), un.pos()));
        }
        ElementType e = o.type().elementType();
        int dst = f.temp();
        switch (un.op()) {
            case MINUS -> {
                if (e == null || !e.signed) {
                    throw new CslError(un.pos(), "cannot negate a value of type " + o.type());
                }
                f.unary(Opcode.NEG, e, dst, slot(o, null, un.pos()));
            }
            case BANG -> f.unary(Opcode.LNOT, ElementType.BOOL, dst, slot(o, CslType.BOOL, un.pos()));
            case TILDE -> {
                if (!o.type().isInt()) {
                    throw new CslError(un.pos(), "'~' needs an integer, not " + o.type());
                }
                f.unary(Opcode.NOT, e, dst, slot(o, null, un.pos()));
            }
            default -> throw new CslError(un.pos(), "unknown prefix operator");
        }
        return new Operand.Reg(dst, o.type());
    }

    private Operand ifExpr(Expr.IfExpr ie, Scope s, CslType hint) {
        Operand c = gen(ie.cond(), s);
        if (c instanceof Operand.Const k) {
            return gen(ValueOps.bool(k.value(), "the condition", ie.pos()) ? ie.then() : ie.otherwise(), s, hint);
        }
        int cond = slot(c, CslType.BOOL, ie.cond().pos());
        FunctionBuilder.Label otherwise = f.label();
        FunctionBuilder.Label end = f.label();
        f.jumpIfZero(cond, otherwise);
        Operand a = gen(ie.then(), s, hint);
        CslType t = hint != null ? hint : a.type();
        if (t.slots() == 0) {
            throw new CslError(ie.pos(), "the type of this if-expression is not known; write @as(T, ...) around a branch");
        }
        int dst = f.temps(t.slots());
        into(a, dst, t, ie.then().pos());
        f.jump(end);
        f.bind(otherwise);
        into(gen(ie.otherwise(), s, t), dst, t, ie.otherwise().pos());
        f.bind(end);
        return new Operand.Reg(dst, t);
    }
}
