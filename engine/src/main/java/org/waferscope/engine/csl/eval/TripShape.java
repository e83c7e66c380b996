package org.waferscope.engine.csl.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.syntax.TokenKind;
import org.waferscope.engine.csl.value.ValueOps;

/**
 * What a {@code for (@range(...)) |v|} loop's body does with {@code v}, read from its syntax
 * once: whether every trip whose comparisons of {@code v} come out the same does the same
 * thing, apart from the coordinate it places at. A layout's inner loop is the common case:
 * {@code v} appears only in comparisons ({@code y % 2 == 0}, {@code y < height - 1},
 * {@code y > 0}) and as the x or y argument of {@code @set_tile_code} and
 * {@code @set_color_config}.
 *
 * <p>A body qualifies when every use of {@code v} is either such a coordinate or lies inside a
 * <em>probe</em>: a comparison built of names, literals and operators only, whose other names
 * the body does not declare (so the probe can be evaluated before the trip, in the loop's
 * enclosing scope). Such a body sees {@code v} only through its probes' booleans, so its
 * values are a function of those booleans and of what the loop's scope held; the body must
 * not assign (a trip that changed state would make the next one differ), which
 * {@link TripRecording} also checks while a trip runs (a called function could assign).
 * {@code names} are the names the probes read besides {@code v} (one use of each).
 */
public record TripShape(String var, List<Expr> probes, List<Expr.Name> names) {
    /** More probes than this and the loop is evaluated plainly (their keys index a table). */
    static final int MAX_PROBES = 10;
    /**
     * Syntax nested deeper than this (a chain of thousands of operators) is not read, and
     * its loop is evaluated plainly: the reader recurses, where the evaluator walks such a
     * chain in a loop.
     */
    static final int MAX_DEPTH = 100;

    /** The shape of {@code f}'s body, or null when trips must be evaluated plainly. */
    static TripShape of(Stmt.For f) {
        if (f.captures().size() != 1) {
            return null;
        }
        Reader r = new Reader(f.captures().get(0));
        if (!r.declared(f.body()) || r.declared.contains(r.var) || !r.stmt(f.body()) || r.probes.size() > MAX_PROBES) {
            return null;
        }
        return new TripShape(r.var, List.copyOf(r.probes.values()), List.copyOf(r.probeNames.values()));
    }

    /** Walks a body; each method answers whether what it read qualifies. */
    private static final class Reader {
        final String var;
        final Set<String> declared = new HashSet<>();
        /** Probes by their text without positions, so that {@code y % 2 == 0} written twice is one probe. */
        final Map<String, Expr> probes = new LinkedHashMap<>();
        /** The names the probes read besides the loop variable. */
        final Map<String, Expr.Name> probeNames = new LinkedHashMap<>();
        /** How deep the reader is in the syntax tree now. */
        private int depth;

        Reader(String var) {
            this.var = var;
        }

        /**
         * {@code read}'s answer one level deeper in the syntax, or {@code tooDeep} past
         * {@link #MAX_DEPTH} levels (each reader recurses, so a deep chain must not reach the stack's end).
         */
        private <T> T deeper(T tooDeep, java.util.function.Supplier<T> read) {
            if (++depth > MAX_DEPTH) {
                depth--;
                return tooDeep;
            }
            try {
                return read.get();
            } finally {
                depth--;
            }
        }

        /** Adds the names {@code st} declares; false if it nests too deep to read. */
        boolean declared(Stmt st) {
            return deeper(false, () -> readDeclared(st));
        }

        private boolean readDeclared(Stmt st) {
            boolean ok = true;
            if (st instanceof Stmt.VarDecl v) {
                declared.add(v.name());
            } else if (st instanceof Stmt.Block b) {
                for (Stmt x : b.stmts()) {
                    ok &= declared(x);
                }
            } else if (st instanceof Stmt.If i) {
                ok = declared(i.then()) && (i.otherwise() == null || declared(i.otherwise()));
            } else if (st instanceof Stmt.While w) {
                ok = declared(w.body());
            } else if (st instanceof Stmt.For f) {
                declared.addAll(f.captures());
                ok = declared(f.body());
            }
            return ok;
        }

        boolean stmt(Stmt st) {
            return deeper(false, () -> readStmt(st));
        }

        private boolean readStmt(Stmt st) {
            if (st == null || st instanceof Stmt.Break || st instanceof Stmt.Continue) {
                return true;
            } else if (st instanceof Stmt.Block b) {
                for (Stmt x : b.stmts()) {
                    if (!stmt(x)) {
                        return false;
                    }
                }
                return true;
            } else if (st instanceof Stmt.VarDecl v) {
                return expr(v.type()) && expr(v.init()) && expr(v.align());
            } else if (st instanceof Stmt.ExprStmt e) {
                return expr(e.expr());
            } else if (st instanceof Stmt.If i) {
                return expr(i.cond()) && stmt(i.then()) && stmt(i.otherwise());
            } else if (st instanceof Stmt.While w) {
                return expr(w.cond()) && stmt(w.cont()) && stmt(w.body());
            } else if (st instanceof Stmt.For f) {
                return expr(f.iterable()) && stmt(f.body());
            } else if (st instanceof Stmt.Return r) {
                return expr(r.value());
            }
            return false; // an assignment, or a statement this reader does not know
        }

        boolean expr(Expr e) {
            return deeper(false, () -> readExpr(e));
        }

        private boolean readExpr(Expr e) {
            if (e == null) {
                return true;
            }
            if (e instanceof Expr.Name n) {
                return !n.name().equals(var);
            }
            if (e instanceof Expr.Binary b && ValueOps.isComparison(b.op()) && mentionsVar(b)) {
                String text = probeText(b);
                if (text == null) {
                    return false;
                }
                probes.putIfAbsent(text, b);
                return true;
            }
            if (e instanceof Expr.Builtin b && (b.name().equals("@set_tile_code") || b.name().equals("@set_color_config"))) {
                for (int i = 0; i < b.args().size(); i++) {
                    Expr a = b.args().get(i);
                    if (!(i < 2 && a instanceof Expr.Name n && n.name().equals(var)) && !expr(a)) {
                        return false;
                    }
                }
                return true;
            }
            List<Expr> kids = children(e);
            if (kids == null) {
                return !mentionsVar(e);
            }
            for (Expr k : kids) {
                if (!expr(k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean mentionsVar(Expr e) {
            return deeper(true, () -> mentions(e));
        }

        private boolean mentions(Expr e) {
            if (e instanceof Expr.Name n) {
                return n.name().equals(var);
            }
            List<Expr> kids = children(e);
            if (kids == null) {
                return true; // a node whose parts this reader does not list is taken to mention the variable
            }
            for (Expr k : kids) {
                if (k != null && mentionsVar(k)) {
                    return true;
                }
            }
            return false;
        }

        /** A probe's text without positions, or null if it is not made of names, literals and operators. */
        private String probeText(Expr e) {
            return deeper(null, () -> text(e));
        }

        private String text(Expr e) {
            if (e instanceof Expr.Name n) {
                if (!n.name().equals(var) && !declared.contains(n.name())) {
                    probeNames.putIfAbsent(n.name(), n);
                }
                return n.name().equals(var) || !declared.contains(n.name()) ? n.name() : null;
            } else if (e instanceof Expr.IntLit i) {
                return Long.toString(i.value());
            } else if (e instanceof Expr.BoolLit b) {
                return Boolean.toString(b.value());
            } else if (e instanceof Expr.Unary u && u.op() != TokenKind.AMP) {
                String inner = probeText(u.operand());
                return inner == null ? null : "(" + u.op() + " " + inner + ")";
            } else if (e instanceof Expr.Binary b) {
                String l = probeText(b.left());
                String r = l == null ? null : probeText(b.right());
                return r == null ? null : "(" + l + " " + b.op() + " " + r + ")";
            }
            return null;
        }
    }

    /** The sub-expressions of {@code e}, or null for a node whose parts are not listed here. */
    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.IntLit || e instanceof Expr.FloatLit || e instanceof Expr.BoolLit
                || e instanceof Expr.StringLit || e instanceof Expr.UndefinedLit || e instanceof Expr.VoidLit
                || e instanceof Expr.EnumLit || e instanceof Expr.Name) {
            return List.of();
        } else if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Builtin b) {
            return b.args();
        } else if (e instanceof Expr.Call c) {
            List<Expr> all = new ArrayList<>(c.args());
            all.add(c.callee());
            return all;
        } else if (e instanceof Expr.Field f) {
            return List.of(f.target());
        } else if (e instanceof Expr.Index ix) {
            List<Expr> all = new ArrayList<>(ix.indices());
            all.add(ix.target());
            return all;
        } else if (e instanceof Expr.StructLit s) {
            return s.values();
        } else if (e instanceof Expr.TupleLit t) {
            return t.items();
        } else if (e instanceof Expr.IfExpr i) {
            return List.of(i.cond(), i.then(), i.otherwise());
        } else if (e instanceof Expr.ArrayLit a) {
            List<Expr> all = new ArrayList<>(a.items());
            all.add(a.type());
            return all;
        } else if (e instanceof Expr.ArrayType at) {
            List<Expr> all = new ArrayList<>();
            at.dims().forEach(d -> {
                if (d != null) {
                    all.add(d);
                }
            });
            all.add(at.elem());
            return all;
        } else if (e instanceof Expr.PointerType pt) {
            return List.of(pt.elem());
        }
        return null;
    }
}
