package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.Stmt;

/**
 * The names a simple statement uses that nothing declares, in the order written, so that a
 * statement abandoned at its first unknown name ({@code seen = locl_count + sene}) can have
 * the others said beside it instead of one at a time, compile after compile.
 *
 * <p>Only statements with no block of their own (an assignment, an expression, a declaration, a
 * return): a block declares names of its own, and its statements are compiled, and their
 * errors found, one by one anyway. A name a tensor access binds ({@code |i|{N} -> A[i]}) is
 * declared there. Whether a name is declared is asked of the caller, which looks where the
 * compiler looks without resolving anything: a global's initializer is not run for it.
 */
final class UnknownNames {
    private UnknownNames() {
    }

    /** Each name of {@code st} that {@code declared} does not know, once, in source order; none for a compound statement. */
    static List<Expr.Name> in(Stmt st, Predicate<String> declared) {
        List<Expr> roots = new ArrayList<>();
        if (st instanceof Stmt.Assign a) {
            roots.add(a.target());
            roots.add(a.value());
        } else if (st instanceof Stmt.ExprStmt e) {
            roots.add(e.expr());
        } else if (st instanceof Stmt.VarDecl v) {
            roots.add(v.type());
            roots.add(v.init());
            roots.add(v.align());
        } else if (st instanceof Stmt.Return r) {
            roots.add(r.value());
        }
        List<Expr.Name> out = new ArrayList<>();
        Set<String> said = new HashSet<>();
        // a stack, not recursion: a statement nested thousands deep (a fuzzer's) is reported, not a stack overflow
        java.util.ArrayDeque<Visit> todo = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            todo.push(new Visit(roots.get(i), Set.of()));
        }
        while (!todo.isEmpty()) {
            Visit v = todo.pop();
            Expr e = v.expr();
            if (e == null) {
                continue;
            }
            if (e instanceof Expr.Name n) {
                // "_" discards a value; a module's names ("twice.scale") are the module's to resolve
                if (!n.name().equals("_") && n.name().indexOf('.') < 0 && !v.bound().contains(n.name())
                        && !declared.test(n.name()) && said.add(n.name())) {
                    out.add(n);
                }
                continue;
            }
            Set<String> bound = v.bound();
            if (e instanceof Expr.TensorAccess t) {
                Set<String> inner = new HashSet<>(bound);
                inner.addAll(t.vars());
                todo.push(new Visit(t.body(), inner));
            }
            List<Expr> children = children(e);
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(new Visit(children.get(i), bound));
            }
        }
        return out;
    }

    /** An expression still to look at, with the names bound around it. */
    private record Visit(Expr expr, Set<String> bound) {
    }

    private static void addAll(List<Expr> to, List<Expr> these) {
        if (these != null) {
            to.addAll(these);
        }
    }

    /** The expressions directly inside {@code e}, in source order. */
    private static List<Expr> children(Expr e) {
        List<Expr> c = new ArrayList<>();
        if (e instanceof Expr.Unary u) {
            c.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            c.add(b.left());
            c.add(b.right());
        } else if (e instanceof Expr.Builtin b) {
            addAll(c, b.args());
        } else if (e instanceof Expr.Call call) {
            c.add(call.callee());
            addAll(c, call.args());
        } else if (e instanceof Expr.Field f) {
            c.add(f.target());
        } else if (e instanceof Expr.Deref d) {
            c.add(d.target());
        } else if (e instanceof Expr.Index ix) {
            c.add(ix.target());
            addAll(c, ix.indices());
        } else if (e instanceof Expr.StructLit s) {
            addAll(c, s.values());
        } else if (e instanceof Expr.TupleLit t) {
            addAll(c, t.items());
        } else if (e instanceof Expr.IfExpr i) {
            c.add(i.cond());
            c.add(i.then());
            c.add(i.otherwise());
        } else if (e instanceof Expr.ArrayType a) {
            addAll(c, a.dims());
            c.add(a.elem());
        } else if (e instanceof Expr.PointerType p) {
            c.add(p.elem());
        } else if (e instanceof Expr.FnType f) {
            addAll(c, f.params());
            c.add(f.ret());
        } else if (e instanceof Expr.ArrayLit a) {
            c.add(a.type());
            addAll(c, a.items());
        } else if (e instanceof Expr.TensorAccess t) {
            addAll(c, t.extents());
        } else if (e instanceof Expr.EnumType en) {
            c.add(en.tag());
            addAll(c, en.values());
        }
        return c;
    }
}
