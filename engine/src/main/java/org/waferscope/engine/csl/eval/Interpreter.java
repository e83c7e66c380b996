package org.waferscope.engine.csl.eval;

import java.util.List;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;

/** Runs statements at compile time: layout blocks, comptime blocks and compile-time calls. */
public class Interpreter extends Evaluator {
    private static final int MAX_CALL_DEPTH = 64;

    /** How a statement ended. */
    protected enum Flow { NORMAL, BREAK, CONTINUE, RETURN }

    private Value returned;
    private int callDepth;
    /** Loops whose trips may be replayed ({@link ReplayedLoop}), by shape; null until enabled. */
    private java.util.Map<Stmt.For, Object> tripShapes;
    /** Replayed loops' probe keys, kept from one execution of a loop to the next. */
    private final java.util.Map<Stmt.For, TripKeys> tripKeys = new java.util.IdentityHashMap<>();
    /** The trip being recorded for replay, if any. */
    TripRecording recording;

    public Interpreter(ArchProfile profile, Budget budget, GlobalNames globals) {
        super(profile, budget, globals);
    }

    /**
     * Lets range loops whose trips differ only in their coordinates and the outcome of a few
     * comparisons run their body once per outcome and replay it for the other trips
     * ({@link TripShape}, {@link ReplayedLoop}); the builtin hook must then record its
     * placements in {@link #recording()}. Same effects, same order, same budget charges.
     */
    public void replayTrips(boolean on) {
        tripShapes = on ? new java.util.IdentityHashMap<>() : null;
    }

    @Override
    public TripRecording recording() {
        return recording;
    }

    /** Runs a block in a fresh child scope; break/continue/return outside a loop or function are errors. */
    public void runBlock(Stmt.Block block, Scope scope) {
        Flow f = exec(block, scope);
        if (f != Flow.NORMAL) {
            throw new CslError(block.pos(), "break, continue or return outside a loop or function");
        }
    }

    /**
     * Runs a block's statements in order, in {@code inner}, a fresh scope the caller makes for
     * the block (and may look names up in as it reports). A statement that fails is handed to
     * {@code onError}, which reports it and says whether the rest may still run: a layout
     * reports several mistakes in one load this way.
     */
    public void runBlockReporting(Stmt.Block block, Scope inner,
                                  java.util.function.BiPredicate<Stmt, CslError> onError) {
        for (Stmt x : block.stmts()) {
            try {
                if (exec(x, inner) != Flow.NORMAL) {
                    throw new CslError(x.pos(), "break, continue or return outside a loop or function");
                }
            } catch (CslError e) {
                if (x instanceof Stmt.VarDecl v) {
                    inner.poison(v.name(), e);
                }
                if (!onError.test(x, e)) {
                    return;
                }
            }
        }
    }

    protected Flow exec(Stmt st, Scope s) {
        budget.step(st.pos());
        if (st instanceof Stmt.Block b) {
            // A block that declares nothing (an if's body in a layout loop, most often) adds
            // no names, so it runs in the enclosing scope: an empty scope changes no lookup.
            int names = declarations(b);
            return statements(b, names == 0 ? s : s.child(names));
        } else if (st instanceof Stmt.VarDecl v) {
            declare(v, s);
        } else if (st instanceof Stmt.Assign a) {
            assign(a, s);
        } else if (st instanceof Stmt.ExprStmt e) {
            eval(e.expr(), s);
        } else if (st instanceof Stmt.If first) {
            // An else-if chain nests If in If; follow it in a loop, so a chain thousands
            // of links long needs no deeper stack than a short one.
            Stmt.If i = first;
            while (!ValueOps.bool(eval(i.cond(), s), "the condition", i.cond().pos())) {
                if (!(i.otherwise() instanceof Stmt.If next)) {
                    return i.otherwise() == null ? Flow.NORMAL : exec(i.otherwise(), s);
                }
                budget.step(next.pos());
                i = next;
            }
            return exec(i.then(), s);
        } else if (st instanceof Stmt.While w) {
            return loop(w, s);
        } else if (st instanceof Stmt.For f) {
            return isRange(f) ? forRange(f, s) : forArray(f, s);
        } else if (st instanceof Stmt.Return r) {
            returned = r.value() == null ? new Value.VoidVal() : eval(r.value(), s);
            return Flow.RETURN;
        } else if (st instanceof Stmt.Break) {
            return Flow.BREAK;
        } else if (st instanceof Stmt.Continue) {
            return Flow.CONTINUE;
        }
        return Flow.NORMAL;
    }

    /** A block's statements in {@code inner}, the block's own scope. */
    Flow statements(Stmt.Block b, Scope inner) {
        for (Stmt x : b.stmts()) {
            Flow f = exec(x, inner);
            if (f != Flow.NORMAL) {
                return f;
            }
        }
        return Flow.NORMAL;
    }

    /** How many names {@code b}'s own statements declare (its nested blocks have their own scopes). */
    static int declarations(Stmt.Block b) {
        List<Stmt> stmts = b.stmts();
        int n = 0;
        for (int i = 0; i < stmts.size(); i++) {
            if (stmts.get(i) instanceof Stmt.VarDecl) {
                n++;
            }
        }
        return n;
    }

    private void declare(Stmt.VarDecl v, Scope s) {
        CslType t = v.type() == null ? null : type(v.type(), s);
        Value init = v.init() == null ? new Value.UndefinedVal() : eval(v.init(), s);
        if (t != null) {
            init = ValueOps.coerce(init, t, v.pos());
        }
        if (v.isConst()) {
            s.define(v.name(), new Binding.Const(init), v.pos());
        } else {
            s.define(v.name(), new Binding.ComptimeVar(t == null ? init.type() : t, init), v.pos());
        }
    }

    private void assign(Stmt.Assign a, Scope s) {
        if (recording != null) {
            recording.impure();
        }
        if (a.target() instanceof Expr.Index ix && ix.target() instanceof Expr.Name arr) {
            assignElement(a, ix, arr, s);
            return;
        }
        if (!(a.target() instanceof Expr.Name n)) {
            throw new CslError(a.pos(), "at compile time only whole variables and array elements can be assigned");
        }
        Binding b = s.lookup(n.name());
        if (!(b instanceof Binding.ComptimeVar v)) {
            throw new CslError(a.pos(), "'" + n.name() + "' is not a variable that can be assigned here");
        }
        Value rhs = eval(a.value(), s);
        if (a.op() != TokenKind.ASSIGN) {
            rhs = ValueOps.binary(compoundOp(a.op()), v.value, rhs, a.pos());
        }
        v.value = v.type == CslType.ANY || v.type.equals(CslType.COMPTIME_INT) && rhs.type().isInt()
                ? rhs : ValueOps.coerce(rhs, v.type, a.pos());
    }

    /**
     * {@code cmds[k] = v} on a compile-time array variable, as the SDK's helpers fill arrays of
     * constants before returning them. The variable gets a changed copy: array values are shared.
     */
    private void assignElement(Stmt.Assign a, Expr.Index ix, Expr.Name arr, Scope s) {
        Binding b = s.lookup(arr.name());
        if (!(b instanceof Binding.ComptimeVar v) || !(v.value instanceof Value.ArrayVal av)) {
            throw new CslError(a.pos(), "'" + arr.name() + "' is not a compile-time array variable that can be assigned here");
        }
        List<Integer> dims = av.type().dims();
        if (ix.indices().size() != dims.size()) {
            throw new CslError(ix.pos(), "array " + av.type() + " needs " + dims.size() + " indices");
        }
        int flat = 0;
        for (int k = 0; k < dims.size(); k++) {
            flat = flat * dims.get(k) + ValueOps.intIn(eval(ix.indices().get(k), s), 0, dims.get(k) - 1L, "index", ix.pos());
        }
        CslType elem = av.type().elem();
        Value rhs = eval(a.value(), s);
        if (a.op() != TokenKind.ASSIGN) {
            rhs = ValueOps.binary(compoundOp(a.op()), ValueOps.fromBits(av.bits()[flat], elem), rhs, a.pos());
        }
        int[] bits = av.bits().clone();
        bits[flat] = ValueOps.bits(ValueOps.coerceKnown(rhs, elem, a.pos()), elem.elementType(), a.pos());
        v.value = new Value.ArrayVal(av.type(), bits);
    }

    /** The binary operator of a compound assignment ({@code +=} is {@code +}). */
    public static TokenKind compoundOp(TokenKind op) {
        return switch (op) {
            case PLUS_ASSIGN -> TokenKind.PLUS;
            case MINUS_ASSIGN -> TokenKind.MINUS;
            case STAR_ASSIGN -> TokenKind.STAR;
            case SLASH_ASSIGN -> TokenKind.SLASH;
            case PERCENT_ASSIGN -> TokenKind.PERCENT;
            case AMP_ASSIGN -> TokenKind.AMP;
            case PIPE_ASSIGN -> TokenKind.PIPE;
            case CARET_ASSIGN -> TokenKind.CARET;
            case SHL_ASSIGN -> TokenKind.SHL;
            case SHR_ASSIGN -> TokenKind.SHR;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private Flow loop(Stmt.While w, Scope s) {
        long trips = 0;
        while (ValueOps.bool(eval(w.cond(), s), "the condition", w.cond().pos())) {
            Budget.trip(++trips, w.pos());
            Flow f = exec(w.body(), s);
            if (f == Flow.BREAK) {
                break;
            }
            if (f == Flow.RETURN) {
                return f;
            }
            if (w.cont() != null) {
                exec(w.cont(), s);
            }
        }
        return Flow.NORMAL;
    }

    /** The bounds of {@code @range(T, n)} or {@code @range(T, start, stop, step)}. */
    public record Range(CslType type, Value start, Value stop, Value step) {
    }

    public static Expr.Builtin rangeCall(Stmt.For f) {
        if (!(f.iterable() instanceof Expr.Builtin b) || !b.name().equals("@range")) {
            throw new CslError(f.iterable().pos(), "for loops run over @range(T, n) or @range(T, start, stop, step) "
                    + "in Waferscope's CSL subset");
        }
        if (b.args().size() != 2 && b.args().size() != 4) {
            throw new CslError(b.pos(), "@range takes (T, n) or (T, start, stop, step)");
        }
        if (f.captures().size() != 1) {
            throw new CslError(f.pos(), "a for loop over @range has one loop variable");
        }
        return b;
    }

    /**
     * A bound of a compile-time @range: every value here is known, so an integer converts to
     * the range's type whenever it fits (the SDK's layouts write {@code @range(u16, n)} with
     * an i16 param n).
     */
    private static Value bound(Value v, CslType t, org.waferscope.engine.ir.SourcePos pos) {
        if (v instanceof Value.IntVal iv && t.isInt()) {
            return ValueOps.typedInt(iv.v(), t, pos);
        }
        return ValueOps.coerce(v, t, pos);
    }

    private Flow forRange(Stmt.For f, Scope s) {
        Expr.Builtin b = rangeCall(f);
        List<Expr> a = b.args();
        CslType t = type(a.get(0), s);
        if (!t.isInt()) {
            throw new CslError(a.get(0).pos(), "@range counts in an integer type, not " + t);
        }
        long start = 0;
        long stop;
        long step = 1;
        if (a.size() == 2) {
            stop = longOf(bound(eval(a.get(1), s), t, a.get(1).pos()), a.get(1).pos());
        } else {
            start = longOf(bound(eval(a.get(1), s), t, a.get(1).pos()), a.get(1).pos());
            stop = longOf(bound(eval(a.get(2), s), t, a.get(2).pos()), a.get(2).pos());
            step = longOf(bound(eval(a.get(3), s), t, a.get(3).pos()), a.get(3).pos());
            if (step == 0) {
                throw new CslError(a.get(3).pos(), "@range step must not be 0");
            }
        }
        long count = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
                : (start > stop ? (start - stop - step - 1) / -step : 0);
        long first = start;
        long by = step;
        String name = f.captures().get(0);
        if (tripShapes != null && recording == null) {
            Object shape = tripShapes.computeIfAbsent(f, x -> {
                TripShape ts = TripShape.of(x);
                return ts == null ? Boolean.FALSE : ts;
            });
            if (shape instanceof TripShape ts) {
                return new ReplayedLoop(this, f, s, ts, budget, globals).run(first, by, count, t, tripKeys);
            }
        }
        // The loop variable and a block body's names share one scope: shadowing is an
        // error either way, and a full-wafer layout makes one scope per PE fewer.
        return trips(f, s, 1, count, (body, k) ->
                body.define(name, new Binding.Const(new Value.IntVal(first + k * by, t)), f.pos()));
    }

    /** Binds a for loop's captures for one trip. */
    private interface TripBinder {
        void define(Scope body, long trip);
    }

    /** Runs a for loop's body count times, each in a fresh scope with the captures bound. */
    private Flow trips(Stmt.For f, Scope s, int captures, long count, TripBinder bind) {
        int names = captures + declarations(f.body());
        for (long k = 0; k < count; k++) {
            Budget.trip(k + 1, f.pos());
            Scope body = s.child(names);
            bind.define(body, k);
            budget.step(f.body().pos());
            Flow fl = statements(f.body(), body);
            if (fl == Flow.BREAK) {
                break;
            }
            if (fl == Flow.RETURN) {
                return fl;
            }
        }
        return Flow.NORMAL;
    }

    private static boolean isRange(Stmt.For f) {
        return f.iterable() instanceof Expr.Builtin b && b.name().equals("@range");
    }

    /**
     * {@code for (arr) |elem, i|} at compile time: the elements of a 1-D array, with their
     * index as a compile-time integer; {@code _} names nothing. The SDK's layouts loop this
     * way over {@code @zeros([WIDTH]u8)} to count PEs (fft-1d-2d).
     */
    private Flow forArray(Stmt.For f, Scope s) {
        Value it = eval(f.iterable(), s);
        List<Value> items = new java.util.ArrayList<>();
        if (it instanceof Value.ArrayVal a && a.type().dims().size() == 1) {
            for (int bits : a.bits()) {
                items.add(ValueOps.fromBits(bits, a.type().elem()));
            }
        } else if (it instanceof Value.ComptimeArrayVal a) {
            items.addAll(a.items());
        } else {
            throw new CslError(f.iterable().pos(), "for loops run over @range(T, n), @range(T, start, stop, step) "
                    + "or a 1-D array in Waferscope's CSL subset, not " + ValueOps.describe(it));
        }
        if (f.captures().isEmpty() || f.captures().size() > 2) {
            throw new CslError(f.pos(), "a for loop over an array names its element and optionally its index");
        }
        return trips(f, s, f.captures().size(), items.size(), (body, k) -> {
            bindCapture(body, f.captures().get(0), items.get((int) k), f.pos());
            if (f.captures().size() == 2) {
                bindCapture(body, f.captures().get(1), ValueOps.integer(k), f.pos());
            }
        });
    }

    private static void bindCapture(Scope body, String name, Value v, SourcePos pos) {
        if (!name.equals("_")) {
            body.define(name, new Binding.Const(v), pos);
        }
    }

    private static long longOf(Value v, SourcePos pos) {
        if (v instanceof Value.IntVal i) {
            return i.v();
        }
        throw new CslError(pos, "expected an integer, found " + ValueOps.describe(v));
    }

    @Override
    protected Value callFunction(Decl.Fn fn, List<Value> args, SourcePos pos) {
        if (fn.params().size() != args.size()) {
            throw new CslError(pos, fn.name() + " takes " + fn.params().size() + " arguments, not " + args.size());
        }
        if (++callDepth > MAX_CALL_DEPTH) {
            callDepth = 0;
            throw new CslError(pos, "compile-time calls nested more than " + MAX_CALL_DEPTH + " deep (recursion?)");
        }
        try {
            Scope s = new Scope(null);
            for (int i = 0; i < args.size(); i++) {
                Decl.FnParam p = fn.params().get(i);
                // Every argument is known at compile time, so an integer converts to any
                // integer type that holds it (a layout passes its u16 loop index to an i16 param).
                s.define(p.name(), new Binding.Const(ValueOps.coerceKnown(args.get(i), type(p.type(), s), pos)), p.pos());
            }
            CslType ret = type(fn.ret(), s);
            returned = new Value.VoidVal();
            Flow f = exec(fn.body(), s);
            if (f == Flow.BREAK || f == Flow.CONTINUE) {
                throw new CslError(fn.pos(), "break or continue outside a loop");
            }
            Value r = returned;
            return ret == CslType.VOID ? new Value.VoidVal() : ValueOps.coerce(r, ret, pos);
        } finally {
            callDepth--;
        }
    }
}
