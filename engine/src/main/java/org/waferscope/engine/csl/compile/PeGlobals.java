package org.waferscope.engine.csl.compile;

import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.GlobalNames;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.eval.UnknownNames;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * A PE program's top-level names, resolved on first use (so declarations may come in any
 * order): consts are evaluated, vars get SRAM and their initial values, functions become
 * references.
 */
final class PeGlobals implements GlobalNames {
    private final Unit u;

    PeGlobals(Unit u) {
        this.u = u;
    }

    @Override
    public java.util.Collection<String> names() {
        return u.decls.keySet();
    }

    @Override
    public Binding resolve(String name, SourcePos pos) {
        Binding b = u.resolved.get(name);
        if (b instanceof Binding.Poisoned p) {
            throw p.cause();
        }
        if (b != null) {
            return b;
        }
        Decl d = u.decls.get(name);
        if (d == null) {
            return null;
        }
        if (u.unsetParams.containsKey(name)) {
            throw new CslError(pos, "param '" + name + "' is used here but the layout's @set_tile_code (at "
                    + u.unsetParams.get(name) + ") gives it no value and it has no default");
        }
        if (!u.resolving.add(name)) {
            throw new CslError(pos, "'" + name + "' depends on its own value");
        }
        try {
            b = bind(d);
        } catch (CslError e) {
            if (d instanceof Decl.Global g) {
                sayTheOtherUnknownNames(g.decl(), e);
            }
            // Each use would evaluate the failing initializer again: remember the failure.
            u.resolved.put(name, new Binding.Poisoned(e));
            throw e;
        } finally {
            u.resolving.remove(name);
        }
        u.resolved.put(name, b);
        return b;
    }

    /**
     * When a global's declaration or a comptime block was abandoned at an unknown name, or at a
     * global that failed before, says its other unknown names too ({@link UnknownNames}).
     */
    void sayTheOtherUnknownNames(Stmt st, CslError first) {
        boolean saidElsewhere = UnknownNames.failedBefore(first, u.resolved.values());
        Scope root = new Scope(null);
        List<UnknownNames.Use> unknown = UnknownNames.in(st, name -> UnknownNames.declared(name, root, u.decls, u.resolved));
        UnknownNames.say(UnknownNames.besides(unknown, first, saidElsewhere), root, this, u.diags);
    }

    private Binding bind(Decl d) {
        if (d instanceof Decl.Fn f) {
            return new Binding.Const(new Value.FnVal(f.name(), f.isTask(), f));
        }
        if (d instanceof Decl.Param p) {
            throw new CslError(p.pos(), "param '" + p.name() + "' has no value");
        }
        Stmt.VarDecl v = ((Decl.Global) d).decl();
        Scope root = new Scope(null);
        CslType t = v.type() == null ? null : u.ev.type(v.type(), root);
        if (v.isConst()) {
            Value init = u.ev.eval(v.init(), root);
            return new Binding.Const(t == null ? init : ValueOps.coerce(init, t, v.pos()));
        }
        if (t instanceof CslType.Array at && CslType.comptimeOnlyElement(at.elem())) {
            throw comptimeOnly(v);
        }
        if (t == null) {
            // var d = @get_dsd(...), var y = @zeros([M]f32): the type comes from the value.
            Value init = u.ev.eval(v.init(), root);
            if (init instanceof Value.ComptimeArrayVal) {
                throw comptimeOnly(v);
            }
            if (!init.type().isDsd() && !(init instanceof Value.ArrayVal)) {
                throw new CslError(v.pos(), "var '" + v.name() + "' needs a type, as in var " + v.name() + ": f32 = ...");
            }
            Storage.Global g = new Storage.Global(v.name(), init.type(), u.allocate(v.name(), init.type(), v.pos(), alignment(v, root)),
                    new String[1]);
            initialize(g, init, v.pos());
            return g;
        }
        Storage.Global g = new Storage.Global(v.name(), t, u.allocate(v.name(), t, v.pos(), alignment(v, root)), new String[1]);
        u.resolved.put(v.name(), g);
        if (v.init() != null) {
            initialize(g, ValueOps.coerce(u.ev.eval(v.init(), root), t, v.init().pos()), v.init().pos());
        }
        return g;
    }

    /**
     * The SRAM copy of a const array, made on first need (a DSD over it, its address, an
     * index known only at run time) and shared by every later use; null when {@code b} is not
     * a const array. Uses with indices known at compile time still fold to constants.
     */
    Storage.Global inMemory(String name, Binding b, SourcePos pos) {
        if (!(b instanceof Binding.Const c) || !(c.value() instanceof Value.ArrayVal a)) {
            return null;
        }
        Storage.Global g = u.constArrays.get(a);
        if (g == null) {
            // Function-local const arrays may share a name; each value gets its own symbol.
            String symbol = u.constArrays.isEmpty() ? name : name + "#" + u.constArrays.size();
            g = new Storage.Global(name, a.type(), u.allocate(symbol, a.type(), pos), new String[1]);
            initialize(g, a, pos);
            u.constArrays.put(a, g);
        }
        return g;
    }

    /** Writes a global's initial value into the program's data image. */
    private void initialize(Storage.Global g, Value init, SourcePos pos) {
        Symbol s = g.symbol();
        if (init instanceof Value.UndefinedVal) {
            return;
        }
        if (init instanceof Value.ArrayVal a) {
            for (int i = 0; i < a.bits().length; i++) {
                if (a.bits()[i] != 0) {
                    u.program.initialize(s, i, a.bits()[i]);
                }
            }
        } else if (init instanceof Value.DsdVal dsd) {
            for (int i = 0; i < 4; i++) {
                u.program.initialize(s, i, dsd.words()[i]);
            }
        } else if (init instanceof Value.PointerVal p) {
            u.program.initialize(s, 0, p.address());
            g.pointsTo()[0] = p.symbol();
        } else if (g.type() instanceof CslType.Scalar sc) {
            u.program.initialize(s, 0, ValueOps.bits(init, sc.elem(), pos));
        } else {
            throw new CslError(pos, "cannot initialise " + g.name() + " (" + g.type() + ") with " + ValueOps.describe(init));
        }
    }

    private static CslError comptimeOnly(Stmt.VarDecl v) {
        return new CslError(v.pos(), "'" + v.name() + "' is an array of colors, task ids or queues: it exists only "
                + "at compile time, so declare it const (or param)");
    }

    /** The byte alignment {@code align(n)} asks of a global: a power of two up to 1024; 1 without one. */
    private int alignment(Stmt.VarDecl v, Scope root) {
        if (v.align() == null) {
            return 1;
        }
        int n = ValueOps.intIn(u.ev.eval(v.align(), root), 1, 1024, "an alignment in bytes", v.align().pos());
        if (Integer.bitCount(n) != 1) {
            throw new CslError(v.align().pos(), "an alignment is a power of two, not " + n);
        }
        return n;
    }
}
