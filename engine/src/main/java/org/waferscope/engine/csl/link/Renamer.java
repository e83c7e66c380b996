package org.waferscope.engine.csl.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.eval.Evaluator;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.Stmt;

/**
 * Rewrites one file's syntax into the flattened program's namespace: its own top-level names
 * get the file's prefix, {@code mod.name} of a module it imports becomes that instance's
 * prefixed name, and local names (function parameters, locals, loop variables) stay as they
 * are. In a module, a name that is neither local, nor its own, nor built in gets the prefix
 * too, so that it stays unknown rather than reaching a name of the importing file.
 */
final class Renamer {
    private final String prefix;
    private final Set<String> top;
    private final Map<String, ModuleInstance> imports;
    private final Deque<Set<String>> locals = new ArrayDeque<>();

    Renamer(String prefix, Set<String> top, Map<String, ModuleInstance> imports) {
        this.prefix = prefix;
        this.top = top;
        this.imports = imports;
    }

    String global(String name) {
        return prefix + name;
    }

    Decl.Fn fn(Decl.Fn f) {
        locals.push(new HashSet<>());
        try {
            List<Decl.FnParam> ps = new ArrayList<>();
            for (Decl.FnParam p : f.params()) {
                ps.add(new Decl.FnParam(p.pos(), p.name(), expr(p.type())));
                locals.peek().add(p.name());
            }
            return new Decl.Fn(f.pos(), global(f.name()), f.isTask(), ps, expr(f.ret()), block(f.body()));
        } finally {
            locals.pop();
        }
    }

    Stmt.VarDecl globalVar(Stmt.VarDecl v) {
        return new Stmt.VarDecl(v.pos(), v.isConst(), global(v.name()), expr(v.type()), expr(v.init()), expr(v.align()));
    }

    Stmt.Block block(Stmt.Block b) {
        locals.push(new HashSet<>());
        try {
            List<Stmt> out = new ArrayList<>();
            for (Stmt s : b.stmts()) {
                out.add(stmt(s));
            }
            return new Stmt.Block(b.pos(), out, b.end());
        } finally {
            locals.pop();
        }
    }

    Stmt stmt(Stmt s) {
        if (s == null) {
            return null;
        } else if (s instanceof Stmt.Block b) {
            return block(b);
        } else if (s instanceof Stmt.VarDecl v) {
            Stmt.VarDecl r = new Stmt.VarDecl(v.pos(), v.isConst(), v.name(), expr(v.type()), expr(v.init()),
                    expr(v.align()));
            locals.peek().add(v.name());
            return r;
        } else if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(a.pos(), expr(a.target()), a.op(), expr(a.value()));
        } else if (s instanceof Stmt.ExprStmt e) {
            return new Stmt.ExprStmt(e.pos(), expr(e.expr()));
        } else if (s instanceof Stmt.If i) {
            return new Stmt.If(i.pos(), expr(i.cond()), block(i.then()), stmt(i.otherwise()));
        } else if (s instanceof Stmt.While w) {
            return new Stmt.While(w.pos(), expr(w.cond()), stmt(w.cont()), block(w.body()));
        } else if (s instanceof Stmt.For f) {
            Expr it = expr(f.iterable());
            locals.push(new HashSet<>(f.captures()));
            try {
                return new Stmt.For(f.pos(), it, f.captures(), block(f.body()));
            } finally {
                locals.pop();
            }
        } else if (s instanceof Stmt.Return r) {
            return new Stmt.Return(r.pos(), expr(r.value()));
        } else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            return s;
        }
        throw new CslError(s.pos(), "this statement is not supported inside a user module");
    }

    private boolean isLocal(String name) {
        for (Set<String> l : locals) {
            if (l.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private List<Expr> exprs(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(expr(e));
        }
        return out;
    }

    Expr expr(Expr e) {
        if (e == null) {
            return null;
        } else if (e instanceof Expr.Name n) {
            return name(n);
        } else if (e instanceof Expr.Binary b) {
            // Walk a long left-deep chain in a loop, as the evaluator does.
            Deque<Expr.Binary> spine = new ArrayDeque<>();
            Expr r = expr(Evaluator.leftSpine(b, spine));
            while (!spine.isEmpty()) {
                Expr.Binary x = spine.pop();
                r = new Expr.Binary(x.pos(), x.op(), r, expr(x.right()));
            }
            return r;
        } else if (e instanceof Expr.Field f) {
            return field(f);
        } else if (e instanceof Expr.Call c) {
            return new Expr.Call(c.pos(), expr(c.callee()), exprs(c.args()));
        } else if (e instanceof Expr.Builtin b) {
            return new Expr.Builtin(b.pos(), b.name(), exprs(b.args()));
        } else if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.pos(), u.op(), expr(u.operand()));
        } else if (e instanceof Expr.Deref d) {
            return new Expr.Deref(d.pos(), expr(d.target()));
        } else if (e instanceof Expr.Index ix) {
            return new Expr.Index(ix.pos(), expr(ix.target()), exprs(ix.indices()));
        } else if (e instanceof Expr.StructLit sl) {
            return new Expr.StructLit(sl.pos(), sl.names(), exprs(sl.values()));
        } else if (e instanceof Expr.TupleLit t) {
            return new Expr.TupleLit(t.pos(), exprs(t.items()));
        } else if (e instanceof Expr.IfExpr i) {
            return new Expr.IfExpr(i.pos(), expr(i.cond()), expr(i.then()), expr(i.otherwise()));
        } else if (e instanceof Expr.ArrayType at) {
            return arrayType(at);
        } else if (e instanceof Expr.PointerType pt) {
            return new Expr.PointerType(pt.pos(), pt.many(), expr(pt.elem()));
        } else if (e instanceof Expr.FnType ft) {
            return new Expr.FnType(ft.pos(), exprs(ft.params()), expr(ft.ret()));
        } else if (e instanceof Expr.ArrayLit al) {
            return new Expr.ArrayLit(al.pos(), arrayType(al.type()), exprs(al.items()));
        } else if (e instanceof Expr.TensorAccess ta) {
            List<Expr> extents = exprs(ta.extents());
            locals.push(new HashSet<>(ta.vars()));
            try {
                return new Expr.TensorAccess(ta.pos(), ta.vars(), extents, expr(ta.body()));
            } finally {
                locals.pop();
            }
        } else if (e instanceof Expr.EnumType et) {
            List<Expr> values = new ArrayList<>();
            for (Expr v : et.values()) {
                values.add(v == null ? null : expr(v));
            }
            return new Expr.EnumType(et.pos(), expr(et.tag()), et.names(), java.util.Collections.unmodifiableList(values));
        } else if (e instanceof Expr.IntLit || e instanceof Expr.FloatLit || e instanceof Expr.BoolLit
                || e instanceof Expr.StringLit || e instanceof Expr.UndefinedLit || e instanceof Expr.VoidLit
                || e instanceof Expr.EnumLit) {
            return e;
        }
        throw new CslError(e.pos(), "this expression is not supported inside a user module");
    }

    private Expr.ArrayType arrayType(Expr.ArrayType at) {
        List<Expr> dims = new ArrayList<>();
        for (Expr d : at.dims()) {
            dims.add(d == null ? null : expr(d));
        }
        return new Expr.ArrayType(at.pos(), dims, expr(at.elem()));
    }

    private Expr name(Expr.Name n) {
        String s = n.name();
        if (isLocal(s) || s.equals("_")) {
            // `_ = v;` discards a value; the name belongs to no module
            return n;
        }
        if (imports.containsKey(s)) {
            throw new CslError(n.pos(), "'" + s + "' is a user module; use its members, as " + s + ".name");
        }
        if (top.contains(s)) {
            return new Expr.Name(n.pos(), global(s));
        }
        if (prefix.isEmpty() || Evaluator.builtinName(s) != null) {
            return n;
        }
        return new Expr.Name(n.pos(), global(s));
    }

    /** The module instance {@code e} names ({@code mod} or {@code mod.inner}), or null. */
    private ModuleInstance moduleOf(Expr e) {
        if (e instanceof Expr.Name n && !isLocal(n.name())) {
            return imports.get(n.name());
        }
        if (e instanceof Expr.Field f) {
            ModuleInstance outer = moduleOf(f.target());
            return outer == null ? null : outer.imports().get(f.name());
        }
        return null;
    }

    private Expr field(Expr.Field f) {
        ModuleInstance m = moduleOf(f.target());
        if (m == null) {
            return new Expr.Field(f.pos(), expr(f.target()), f.name());
        }
        if (m.members().contains(f.name())) {
            return new Expr.Name(f.pos(), m.prefix() + f.name());
        }
        if (m.imports().containsKey(f.name())) {
            throw new CslError(f.pos(), "'" + m.display() + "." + f.name() + "' is a user module; use its members, as "
                    + m.display() + "." + f.name() + ".name");
        }
        throw new CslError(f.pos(), "module " + m.file() + " (imported as " + m.display() + ") has no member '"
                + f.name() + "'");
    }
}
