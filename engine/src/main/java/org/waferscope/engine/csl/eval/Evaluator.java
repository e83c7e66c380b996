package org.waferscope.engine.csl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;

/**
 * Evaluates expressions at compile time: params, consts, types, layout blocks and comptime
 * blocks. Statements are run by {@link Interpreter}, which extends this class.
 */
public class Evaluator {
    /** Compile-time arrays larger than this are refused (a PE holds 48 KB). */
    public static final int MAX_ARRAY_ELEMENTS = 1 << 16;

    protected final ArchProfile profile;
    protected final Budget budget;
    protected final GlobalNames globals;
    private BuiltinHook hook;
    private final LiteralMemo literals = new LiteralMemo();

    public Evaluator(ArchProfile profile, Budget budget, GlobalNames globals) {
        this.profile = profile;
        this.budget = budget;
        this.globals = globals;
    }

    private ModuleHook moduleHook;

    /** Module functions that only make sense in this context (a layout's collectives_2d.get_params). */
    public void setModuleHook(ModuleHook moduleHook) {
        this.moduleHook = moduleHook;
    }

    public void setHook(BuiltinHook hook) {
        this.hook = hook;
    }

    /** The loop trip whose placements are being recorded for replay, or null ({@link Interpreter#replayTrips}). */
    public TripRecording recording() {
        return null;
    }

    public ArchProfile profile() {
        return profile;
    }

    /**
     * Charges one step of compile-time work. Statements are charged (an expression is
     * bounded by the source's size, a loop or call is not); the PE compiler charges its
     * statements here too.
     */
    public void budgetStep(SourcePos pos) {
        budget.step(pos);
    }

    public Value eval(Expr e, Scope s) {
        // The most frequent nodes of a layout loop come first.
        if (e instanceof Expr.Name n) {
            return name(n, s);
        } else if (e instanceof Expr.Binary b) {
            return binary(b, s);
        } else if (e instanceof Expr.IntLit i) {
            return ValueOps.integer(i.value());
        } else if (e instanceof Expr.StructLit sl) {
            return literals.eval(sl, s, this);
        } else if (e instanceof Expr.TupleLit t) {
            List<Value> items = new ArrayList<>();
            for (Expr x : t.items()) {
                items.add(eval(x, s));
            }
            return new Value.TupleVal(List.copyOf(items));
        } else if (e instanceof Expr.Builtin b) {
            return builtin(b, s);
        } else if (e instanceof Expr.Call c) {
            return call(c, s);
        } else if (e instanceof Expr.Field f) {
            return field(eval(f.target(), s), f.name(), f.pos());
        } else if (e instanceof Expr.IfExpr ie) {
            return ValueOps.bool(eval(ie.cond(), s), "the condition", ie.cond().pos())
                    ? eval(ie.then(), s) : eval(ie.otherwise(), s);
        } else if (e instanceof Expr.Unary u) {
            if (u.op() == TokenKind.AMP) {
                return addressOf(u, s);
            }
            return ValueOps.unary(u.op(), eval(u.operand(), s), u.pos());
        } else if (e instanceof Expr.FloatLit f) {
            return new Value.FloatVal(f.value(), CslType.COMPTIME_FLOAT);
        } else if (e instanceof Expr.BoolLit b) {
            return ValueOps.truth(b.value());
        } else if (e instanceof Expr.StringLit str) {
            return new Value.StringVal(str.value());
        } else if (e instanceof Expr.UndefinedLit) {
            return new Value.UndefinedVal();
        } else if (e instanceof Expr.VoidLit) {
            return new Value.VoidVal();
        } else if (e instanceof Expr.Index ix) {
            return index(ix, s);
        } else if (e instanceof Expr.ArrayType || e instanceof Expr.PointerType || e instanceof Expr.FnType) {
            return new Value.TypeVal(type(e, s));
        } else if (e instanceof Expr.ArrayLit al) {
            return arrayLiteral(al, s);
        } else if (e instanceof Expr.EnumType et) {
            return new Value.TypeVal(enumType(et, s));
        } else if (e instanceof Expr.EnumLit en) {
            throw new CslError(e.pos(), "enum literal ." + en.name() + " is not in Waferscope's CSL subset here");
        } else if (e instanceof Expr.TensorAccess) {
            throw new CslError(e.pos(), "a tensor access (|i|{n} -> ...) may only appear as .tensor_access of @get_dsd");
        } else if (e instanceof Expr.Deref) {
            throw new CslError(e.pos(), "'.*' is only known at run time");
        }
        throw new CslError(e.pos(), "this expression cannot be evaluated at compile time");
    }

    protected Value addressOf(Expr.Unary u, Scope s) {
        if (u.operand() instanceof Expr.Name n) {
            name(n, s); // a misspelt name is reported as such
        }
        throw new CslError(u.pos(), "'&' takes the address of a PE program's global; there is none here");
    }

    private Value binary(Expr.Binary b, Scope s) {
        // a + b + c ... parses left-deep: walk the left spine in a loop, so a chain of
        // thousands of terms needs no deeper stack than a short one.
        if (b.op() != TokenKind.AND && b.op() != TokenKind.OR && shortSpine(b.left())) {
            return ValueOps.binary(b.op(), eval(b.left(), s), eval(b.right(), s), b.pos());
        }
        java.util.ArrayDeque<Expr.Binary> spine = new java.util.ArrayDeque<>();
        Value v = eval(leftSpine(b, spine), s);
        while (!spine.isEmpty()) {
            b = spine.pop();
            if (b.op() == TokenKind.AND || b.op() == TokenKind.OR) {
                boolean left = ValueOps.bool(v, "the left side of '" + ValueOps.opText(b.op()) + "'", b.pos());
                v = ValueOps.truth(left == (b.op() == TokenKind.OR) ? left
                        : ValueOps.bool(eval(b.right(), s), "the right side", b.pos()));
            } else {
                v = ValueOps.binary(b.op(), v, eval(b.right(), s), b.pos());
            }
        }
        return v;
    }

    /** True when fewer than 16 binaries run down {@code e}'s left side: recursion is then as shallow as a loop. */
    private static boolean shortSpine(Expr e) {
        for (int depth = 0; depth < 16; depth++) {
            if (!(e instanceof Expr.Binary x)) {
                return true;
            }
            e = x.left();
        }
        return false;
    }

    /**
     * Pushes {@code b} and the binaries down its left side onto {@code spine} (the innermost
     * on top) and returns the operand at the bottom left: a chain's operators then pop off
     * in the order they apply.
     */
    public static Expr leftSpine(Expr.Binary b, java.util.Deque<Expr.Binary> spine) {
        Expr leftmost = b;
        while (leftmost instanceof Expr.Binary x) {
            spine.push(x);
            leftmost = x.left();
        }
        return leftmost;
    }

    /** The compile-time value of a name, or an error saying why it has none. */
    protected Value name(Expr.Name n, Scope s) {
        Binding b = s.lookup(n.name(), n.nameHash());
        if (b == null) {
            if (globalsOwner != null && n.resolvedAs() instanceof GlobalUse g && g.owner() == globalsOwner) {
                return g.value();
            }
            b = globals.resolve(n.name(), n.pos());
            if (b instanceof Binding.Const c) {
                remember(n, c.value());
            }
        }
        if (b instanceof Binding.Const c) {
            return c.value();
        }
        if (b instanceof Binding.ComptimeVar v) {
            return v.value;
        }
        if (b != null) {
            throw new CslError(n.pos(), "'" + n.name() + "' is only known at run time; a compile-time value is needed here");
        }
        Value builtinName = builtinName(n.name());
        if (builtinName != null) {
            remember(n, builtinName);
            return builtinName;
        }
        throw unknownName(n, s, globals);
    }

    /**
     * A name's value outside every local scope, cached on the name by the evaluator that
     * resolved it ({@code owner}, a token of that evaluator alone, so that the syntax tree
     * keeps nothing of a load alive). It is used only when no local scope holds the name,
     * which a lookup still checks first.
     */
    private record GlobalUse(Object owner, Value value) {
    }

    /** Set once the globals no longer change: from then on a name's global value is cached on the name. */
    private Object globalsOwner;

    /**
     * Declares that every later {@link GlobalNames#resolve} of a name gives the same constant
     * (or none, for a builtin name such as a port or a type): the layout's params are bound
     * and its globals are constants resolved once each. Uses of a global then skip the
     * resolver after their first evaluation.
     */
    public void globalsSettled() {
        globalsOwner = new Object();
    }

    private void remember(Expr.Name n, Value v) {
        if (globalsOwner != null) {
            n.resolvedAs(new GlobalUse(globalsOwner, v));
        }
    }

    /** The error for a name nothing declares, with the declared name it most likely meant ("did you mean 'received'?"). */
    public static CslError unknownName(Expr.Name n, Scope s, GlobalNames globals) {
        return unknownName(n.name(), n.pos(), s, globals);
    }

    /** As {@link #unknownName(Expr.Name, Scope, GlobalNames)}, for a name met at {@code pos}. */
    public static CslError unknownName(String name, SourcePos pos, Scope s, GlobalNames globals) {
        return UnknownNames.error(name, pos, java.util.Set.of(), s, globals);
    }

    /** The router ports by name; values are immutable, so each is made once. */
    private static final Map<String, Value> PORTS = ports();

    private static Map<String, Value> ports() {
        Map<String, Value> m = new java.util.HashMap<>();
        for (Direction d : Direction.values()) {
            m.put(d.name(), new Value.DirectionVal(d));
        }
        return Map.copyOf(m);
    }

    /** Names every CSL file knows: types and router ports. */
    public static Value builtinName(String name) {
        Value port = PORTS.get(name);
        if (port != null) {
            return port;
        }
        CslType t = CslType.byName(name);
        return t == null ? null : new Value.TypeVal(t);
    }

    public Value field(Value target, String name, SourcePos pos) {
        if (target instanceof Value.StructVal st) {
            Value v = st.fields().get(name);
            if (v == null) {
                throw new CslError(pos, "struct has no field ." + name + "; it has " + st.fields().keySet());
            }
            return v;
        }
        if (target instanceof Value.ModuleVal m) {
            Value v = m.params().get(name);
            if (v == null) {
                if (Modules.isRuntime(m, name)) {
                    return new Value.LibFnVal(m, name);
                }
                throw new CslError(pos, "module <" + m.name() + "> has no member " + name);
            }
            return v;
        }
        if (target instanceof Value.ComptimeArrayVal a && name.equals("len")) {
            return ValueOps.integer(a.items().size());
        }
        if (target instanceof Value.ArrayVal a && name.equals("len")) {
            return ValueOps.integer(a.type().dims().get(0));
        }
        if (target instanceof Value.TypeVal t && t.t() instanceof CslType.Enum en) {
            Long v = en.members().get(name);
            if (v == null) {
                throw new CslError(pos, "the enum has no member ." + name + " (it has " + String.join(", ", en.members().keySet()) + ")");
            }
            return new Value.IntVal(v, en.tag());
        }
        if (target instanceof Value.TypeVal t && t.t() instanceof CslType.Array at && name.equals("len")) {
            return ValueOps.integer(at.dims().get(0));
        }
        throw new CslError(pos, ValueOps.describe(target) + " has no field ." + name);
    }

    private Value index(Expr.Index ix, Scope s) {
        Value target = eval(ix.target(), s);
        if (target instanceof Value.ArrayVal a) {
            int flat = 0;
            List<Integer> dims = a.type().dims();
            if (ix.indices().size() != dims.size()) {
                throw new CslError(ix.pos(), "array " + a.type() + " needs " + dims.size() + " indices");
            }
            for (int k = 0; k < dims.size(); k++) {
                int i = ValueOps.intIn(eval(ix.indices().get(k), s), 0, dims.get(k) - 1L, "index", ix.pos());
                flat = flat * dims.get(k) + i;
            }
            return ValueOps.fromBits(a.bits()[flat], a.type().elem());
        }
        if (target instanceof Value.ComptimeArrayVal a) {
            if (ix.indices().size() != 1) {
                throw new CslError(ix.pos(), "array " + a.type() + " needs 1 index");
            }
            int i = ValueOps.intIn(eval(ix.indices().get(0), s), 0, a.items().size() - 1L, "index", ix.pos());
            return a.items().get(i);
        }
        if (target instanceof Value.TupleVal t && ix.indices().size() == 1) {
            int i = ValueOps.intIn(eval(ix.indices().get(0), s), 0, t.items().size() - 1L, "index", ix.pos());
            return t.items().get(i);
        }
        throw new CslError(ix.pos(), "cannot index " + ValueOps.describe(target) + " at compile time");
    }

    /** Evaluates a type expression. */
    public CslType type(Expr e, Scope s) {
        if (e instanceof Expr.ArrayType at) {
            List<Integer> dims = new ArrayList<>();
            long total = 1;
            for (Expr d : at.dims()) {
                if (d == null) {
                    throw new CslError(at.pos(), "'_' array sizes are only allowed in an array literal");
                }
                int n = ValueOps.intIn(eval(d, s), 1, MAX_ARRAY_ELEMENTS, "an array size", d.pos());
                total *= n;
                dims.add(n);
            }
            if (total > MAX_ARRAY_ELEMENTS) {
                throw new CslError(at.pos(), "array of " + total + " elements is larger than any PE can hold");
            }
            CslType elem = type(at.elem(), s);
            if (!(elem instanceof CslType.Scalar) && !CslType.comptimeOnlyElement(elem)) {
                throw new CslError(at.elem().pos(), "arrays hold machine scalars (i16, u16, i32, u32, f16, f32, bool) "
                        + "or, at compile time, colors, task ids and queues; not " + elem);
            }
            return new CslType.Array(dims, elem);
        }
        if (e instanceof Expr.PointerType pt) {
            return new CslType.Pointer(type(pt.elem(), s), pt.many());
        }
        if (e instanceof Expr.FnType ft) {
            List<CslType> params = new ArrayList<>();
            for (Expr p : ft.params()) {
                params.add(type(p, s));
            }
            return new CslType.Fn(params, type(ft.ret(), s));
        }
        Value v = eval(e, s);
        if (v instanceof Value.TypeVal t) {
            return CslType.Enum.storage(t.t());
        }
        throw new CslError(e.pos(), "expected a type but found " + ValueOps.describe(v));
    }

    private CslType.Enum enumType(Expr.EnumType et, Scope s) {
        if (!(type(et.tag(), s) instanceof CslType.Scalar tag) || !tag.isInt() || tag == CslType.BOOL) {
            throw new CslError(et.tag().pos(), "an enum's tag type must be an integer type such as u16");
        }
        long[] range = {org.waferscope.engine.csl.value.Types.min(tag.elem()), org.waferscope.engine.csl.value.Types.max(tag.elem())};
        Map<String, Long> members = new LinkedHashMap<>();
        long next = 0;
        for (int i = 0; i < et.names().size(); i++) {
            String name = et.names().get(i);
            Expr given = et.values().get(i);
            long v = given == null ? next : ValueOps.intIn(eval(given, s), range[0], range[1], "member " + name, given.pos());
            if (v < range[0] || v > range[1]) {
                throw new CslError(et.pos(), "member " + name + " = " + v + " does not fit the tag type " + tag);
            }
            if (members.put(name, v) != null) {
                throw new CslError(et.pos(), "enum member " + name + " is named twice");
            }
            next = v + 1;
        }
        return new CslType.Enum(tag, members);
    }

    private Value arrayLiteral(Expr.ArrayLit al, Scope s) {
        Expr.ArrayType at = al.type();
        if (at.dims().size() != 1) {
            throw new CslError(al.pos(), "array literals are one-dimensional");
        }
        int n = at.dims().get(0) == null ? al.items().size()
                : ValueOps.intIn(eval(at.dims().get(0), s), 0, MAX_ARRAY_ELEMENTS, "an array size", al.pos());
        if (n != al.items().size()) {
            throw new CslError(al.pos(), "array literal has " + al.items().size() + " elements but its type says " + n);
        }
        CslType elem = type(at.elem(), s);
        if (CslType.comptimeOnlyElement(elem)) {
            List<Value> items = new ArrayList<>();
            for (Expr item : al.items()) {
                items.add(ValueOps.coerce(eval(item, s), elem, item.pos()));
            }
            return new Value.ComptimeArrayVal(new CslType.Array(List.of(n), elem), items);
        }
        if (elem.elementType() == null) {
            throw new CslError(al.pos(), "array literals hold machine scalars, colors, task ids or queues, not " + elem);
        }
        int[] bits = new int[n];
        for (int i = 0; i < n; i++) {
            Value v = ValueOps.coerce(eval(al.items().get(i), s), elem, al.items().get(i).pos());
            bits[i] = ValueOps.bits(v, elem.elementType(), al.pos());
        }
        return new Value.ArrayVal(new CslType.Array(List.of(n), elem), bits);
    }

    protected Value builtin(Expr.Builtin b, Scope s) {
        Value v = CommonBuiltins.call(b, s, this);
        if (v != null) {
            return v;
        }
        if (hook != null) {
            v = hook.call(b, s, this);
            if (v != null) {
                return v;
            }
        }
        throw new CslError(b.pos(), CommonBuiltins.unknown(b.name()));
    }

    protected Value call(Expr.Call c, Scope s) {
        if (c.callee() instanceof Expr.Field f) {
            Value target = eval(f.target(), s);
            if (target instanceof Value.ModuleVal m) {
                List<Value> args = new ArrayList<>(c.args().size());
                for (Expr a : c.args()) {
                    args.add(eval(a, s));
                }
                Value r = moduleHook == null ? null : moduleHook.call(m, f.name(), args, c.pos());
                if (r != null && recording() != null) {
                    recording().impure(); // a layout's module hook places routes itself
                }
                r = r != null ? r : Modules.callComptime(m, f.name(), args, c.pos());
                if (r == null) {
                    throw new CslError(c.pos(), f.name() + "() of <" + m.name() + "> runs on the PE; it cannot be "
                            + "called at compile time");
                }
                return r;
            }
        }
        Value callee = eval(c.callee(), s);
        if (callee instanceof Value.LibFnVal lf) {
            List<Value> args = new ArrayList<>(c.args().size());
            for (Expr a : c.args()) {
                args.add(eval(a, s));
            }
            Value r = Modules.callComptime(lf.module(), lf.fn(), args, c.pos());
            if (r == null) {
                throw new CslError(c.pos(), lf.fn() + "() of <" + lf.module().name() + "> runs on the PE; it cannot be "
                        + "called at compile time");
            }
            return r;
        }
        if (callee instanceof Value.FnVal fn) {
            if (fn.isTask()) {
                throw new CslError(c.pos(), "task " + fn.name() + " cannot be called; activate it with @activate");
            }
            List<Value> args = new ArrayList<>(c.args().size());
            for (Expr a : c.args()) {
                args.add(eval(a, s));
            }
            return callFunction(fn.decl(), args, c.pos());
        }
        throw new CslError(c.pos(), ValueOps.describe(callee) + " is not a function");
    }

    /** Runs a user function at compile time; the {@link Interpreter} overrides this. */
    protected Value callFunction(Decl.Fn fn, List<Value> args, SourcePos pos) {
        throw new CslError(pos, "function " + fn.name() + " cannot be called at compile time here");
    }
}
