package org.waferscope.engine.csl.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.ir.SourcePos;

/**
 * The names a statement uses that nothing declares, in the order written, so that a statement
 * abandoned at its first unknown name ({@code seen = locl_count + sene}) can have the others
 * said beside it instead of one at a time, load after load.
 *
 * <p>Read from the syntax alone: whether a name is declared outside the statement is asked of
 * the caller, which looks where the evaluator looks without resolving anything (no global's
 * initializer runs for it); inside, the statement's own declarations count from where they
 * are made (a block's locals, a loop's captures, the names a tensor access binds). So a name
 * said is unknown whatever else went wrong, and nothing said follows from another error.
 */
public final class UnknownNames {
    private UnknownNames() {
    }

    /** A use of a name nothing declares, with the names the statement itself declares around it (for the hint). */
    public record Use(Expr.Name name, Set<String> bound) {
    }

    /**
     * Each unknown name of a statement with no block of its own (an assignment, an expression,
     * a declaration, a return), once, in source order; none for a compound statement. A
     * function's compound statements need no more: their statements are compiled, and report,
     * one by one.
     */
    public static List<Use> inSimple(Stmt st, Predicate<String> declared) {
        Walk w = new Walk(declared);
        if (!(st instanceof Stmt.Block || st instanceof Stmt.If || st instanceof Stmt.While || st instanceof Stmt.For)) {
            w.statement(st, Set.of());
        }
        return w.out;
    }

    /**
     * Each unknown name of a statement and of every statement inside it, once, in source order:
     * what code that is evaluated (a layout block, a comptime block) rather than compiled leaves
     * unsaid when it stops at its first error.
     */
    public static List<Use> in(Stmt st, Predicate<String> declared) {
        Walk w = new Walk(declared);
        w.statement(st, Set.of());
        return w.out;
    }

    /** As {@link #in(Stmt, Predicate)} for a block's statements from {@code from} on (those a stopped block never ran). */
    public static List<Use> inRest(Stmt.Block block, int from, Predicate<String> declared) {
        Walk w = new Walk(declared);
        w.statements(block.stmts().subList(from, block.stmts().size()), Set.of());
        return w.out;
    }

    /**
     * The unknown names to say beside {@code first}, the error that abandoned their statement:
     * all but {@code first}'s own when it is one of them, or when it was said elsewhere already
     * (a declaration's that failed earlier, met again through the name it declares). Abandoned
     * at any other error, none: the statement is said to have stopped there, and no more.
     */
    public static List<Use> besides(List<Use> unknown, CslError first, boolean saidElsewhere) {
        SourcePos at = first.pos();
        if (!saidElsewhere && unknown.stream().noneMatch(u -> u.name().pos().equals(at))) {
            return List.of();
        }
        return unknown.stream().filter(u -> !u.name().pos().equals(at)).toList();
    }

    /**
     * Whether {@code name} is declared where an evaluator looks for it, resolving nothing: in
     * {@code s} (a local whose declaration failed counts: its error was said), among the file's
     * declarations and the names already resolved, or as a builtin name (a type, a port).
     */
    public static boolean declared(String name, Scope s, java.util.Map<String, ?> decls, java.util.Map<String, ?> resolved) {
        try {
            if (s.lookup(name) != null) {
                return true;
            }
        } catch (CslError poisoned) {
            return true;
        }
        return resolved.containsKey(name) || decls.containsKey(name) || Evaluator.builtinName(name) != null;
    }

    /** Whether {@code e} is the error of a declaration that failed before, among {@code bindings} (it was said there). */
    public static boolean failedBefore(CslError e, java.util.Collection<Binding> bindings) {
        for (Binding b : bindings) {
            if (b instanceof Binding.Poisoned p && p.cause() == e) {
                return true;
            }
        }
        return false;
    }

    /** Says each of {@code uses} as an error in {@code diags}, with its hint ({@link #error(Use, Scope, GlobalNames)}). */
    public static void say(List<Use> uses, Scope s, GlobalNames globals, org.waferscope.engine.csl.Diagnostics diags) {
        for (Use n : uses) {
            CslError e = error(n, s, globals);
            diags.error(e.pos(), e.getMessage());
        }
    }

    /** The error for {@code use}, its hint drawn from the names in {@code s}, the statement's own around it, and the file's. */
    public static CslError error(Use use, Scope s, GlobalNames globals) {
        return error(use.name().name(), use.name().pos(), use.bound(), s, globals);
    }

    /**
     * The error for a name nothing declares, with the declared name it most likely meant ("did
     * you mean 'received'?"), among those in {@code s}, {@code alsoKnown} and the file's.
     */
    static CslError error(String name, SourcePos pos, java.util.Collection<String> alsoKnown, Scope s,
                          GlobalNames globals) {
        // A module's names carry its import path (twice.scale); the user wrote the last part.
        String wrote = name.substring(name.lastIndexOf('.') + 1);
        return new CslError(pos, "unknown name '" + wrote + "'", () -> {
            List<String> known = new ArrayList<>(s.names());
            known.addAll(alsoKnown);
            known.addAll(globals.names());
            return NameHint.didYouMean(wrote, known);
        });
    }

    /** One statement's walk: the unknown names found so far, each once. */
    private static final class Walk {
        private final Predicate<String> declared;
        final List<Use> out = new ArrayList<>();
        private final Set<String> said = new HashSet<>();

        Walk(Predicate<String> declared) {
            this.declared = declared;
        }

        void statement(Stmt st, Set<String> bound) {
            if (st instanceof Stmt.Assign a) {
                expressions(bound, a.target(), a.value());
            } else if (st instanceof Stmt.ExprStmt e) {
                expressions(bound, e.expr());
            } else if (st instanceof Stmt.VarDecl v) {
                expressions(bound, v.type(), v.init(), v.align());
            } else if (st instanceof Stmt.Return r) {
                expressions(bound, r.value());
            } else if (st instanceof Stmt.Block b) {
                statements(b.stmts(), bound);
            } else if (st instanceof Stmt.If first) {
                // an else-if chain is followed in a loop: thousands of links need no deeper stack
                Stmt.If i = first;
                while (true) {
                    expressions(bound, i.cond());
                    statement(i.then(), bound);
                    if (!(i.otherwise() instanceof Stmt.If next)) {
                        if (i.otherwise() != null) {
                            statement(i.otherwise(), bound);
                        }
                        break;
                    }
                    i = next;
                }
            } else if (st instanceof Stmt.While w) {
                expressions(bound, w.cond());
                if (w.cont() != null) {
                    statement(w.cont(), bound);
                }
                statement(w.body(), bound);
            } else if (st instanceof Stmt.For f) {
                expressions(bound, f.iterable());
                Set<String> inner = new HashSet<>(bound);
                inner.addAll(f.captures());
                statement(f.body(), inner);
            }
        }

        /** A block's statements in order: each local counts as declared from the statement after its own. */
        void statements(List<Stmt> stmts, Set<String> bound) {
            Set<String> inner = bound;
            for (Stmt s : stmts) {
                statement(s, inner);
                if (s instanceof Stmt.VarDecl v) {
                    inner = new HashSet<>(inner);
                    inner.add(v.name());
                }
            }
        }

        private void expressions(Set<String> bound, Expr... roots) {
            // a stack, not recursion: an expression nested thousands deep (a fuzzer's) is reported, not a stack overflow
            ArrayDeque<Visit> todo = new ArrayDeque<>();
            for (int i = roots.length - 1; i >= 0; i--) {
                todo.push(new Visit(roots[i], bound));
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
                        out.add(new Use(n, v.bound()));
                    }
                    continue;
                }
                if (e instanceof Expr.TensorAccess t) {
                    Set<String> inner = new HashSet<>(v.bound());
                    inner.addAll(t.vars());
                    todo.push(new Visit(t.body(), inner));
                }
                List<Expr> children = children(e);
                for (int i = children.size() - 1; i >= 0; i--) {
                    todo.push(new Visit(children.get(i), v.bound()));
                }
            }
        }
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
