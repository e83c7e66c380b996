package org.waferscope.engine.csl.link;

import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.syntax.TokenKind;

/**
 * A module path that the importing file computes, as the SDK's {@code stencil_3d_7pts} library
 * picks its WSE-2 or WSE-3 implementation:
 * {@code @import_module(get_module(), params)} where {@code fn get_module() comptime_string}
 * returns one string literal or another depending on {@code @is_arch}. Modules are linked
 * before anything else is evaluated, so the path is folded here, from the file's own text:
 * string literals, a call of one of the file's functions without arguments, {@code if}s and
 * {@code if} expressions whose conditions are {@code @is_arch("...")}, {@code true}, {@code false},
 * {@code !}, {@code and}, {@code or}, or a top-level const holding one of those.
 */
final class ComputedPath {
    private static final int MAX_DEPTH = 16;

    private final SourceFile file;
    private final String arch;

    private ComputedPath(SourceFile file, String arch) {
        this.file = file;
        this.arch = arch;
    }

    /** True when {@code e} may be a computed path (a call of a function without arguments). */
    static boolean isComputed(Expr e) {
        return e instanceof Expr.Call c && c.callee() instanceof Expr.Name && c.args().isEmpty();
    }

    /** The path {@code e} stands for in {@code file} when compiled for {@code arch}. */
    static String fold(SourceFile file, Expr e, String arch) {
        return new ComputedPath(file, arch).string(e, 0);
    }

    private String string(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CslError(e.pos(), "a module path computed this deeply is not in Waferscope's CSL subset");
        }
        if (e instanceof Expr.StringLit s) {
            return s.value();
        }
        if (e instanceof Expr.IfExpr i) {
            return string(condition(i.cond(), depth) ? i.then() : i.otherwise(), depth + 1);
        }
        if (e instanceof Expr.Call c && c.callee() instanceof Expr.Name n && c.args().isEmpty()) {
            Decl.Fn fn = function(n);
            String r = returned(fn.body().stmts(), depth + 1);
            if (r == null) {
                throw new CslError(fn.pos(), "function " + n.name() + " must return the module path");
            }
            return r;
        }
        if (e instanceof Expr.Name n && constant(n) != null) {
            return string(constant(n), depth + 1);
        }
        throw new CslError(e.pos(), "a module path must be a string literal, or a function without arguments "
                + "that returns one chosen by @is_arch");
    }

    /** What the statements return, or null when they fall through. */
    private String returned(List<Stmt> stmts, int depth) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Return r) {
                if (r.value() == null) {
                    throw new CslError(r.pos(), "this function must return the module path");
                }
                return string(r.value(), depth);
            }
            if (s instanceof Stmt.If i) {
                String r = condition(i.cond(), depth) ? returned(i.then().stmts(), depth + 1)
                        : i.otherwise() == null ? null : returned(List.of(i.otherwise()), depth + 1);
                if (r != null) {
                    return r;
                }
            } else if (s instanceof Stmt.Block b) {
                String r = returned(b.stmts(), depth + 1);
                if (r != null) {
                    return r;
                }
            } else {
                throw new CslError(s.pos(), "a function that computes a module path may hold only if, else and "
                        + "return in Waferscope's CSL subset");
            }
        }
        return null;
    }

    private boolean condition(Expr e, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CslError(e.pos(), "a module path computed this deeply is not in Waferscope's CSL subset");
        }
        if (e instanceof Expr.BoolLit b) {
            return b.value();
        }
        if (e instanceof Expr.Builtin b && b.name().equals("@is_arch") && b.args().size() == 1
                && b.args().get(0) instanceof Expr.StringLit s) {
            return s.value().equals(arch);
        }
        if (e instanceof Expr.Unary u && u.op() == TokenKind.BANG) {
            return !condition(u.operand(), depth + 1);
        }
        if (e instanceof Expr.Binary b && (b.op() == TokenKind.AND || b.op() == TokenKind.OR)) {
            boolean l = condition(b.left(), depth + 1);
            return b.op() == TokenKind.AND ? l && condition(b.right(), depth + 1) : l || condition(b.right(), depth + 1);
        }
        if (e instanceof Expr.Name n && constant(n) != null) {
            return condition(constant(n), depth + 1);
        }
        throw new CslError(e.pos(), "a module path may depend only on @is_arch(\"...\") and constants made from it");
    }

    private Decl.Fn function(Expr.Name n) {
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Fn fn && !fn.isTask() && fn.name().equals(n.name())) {
                if (!fn.params().isEmpty()) {
                    throw new CslError(n.pos(), "a function that computes a module path takes no arguments");
                }
                return fn;
            }
        }
        throw new CslError(n.pos(), "no function " + n.name() + " in " + file.name() + " to compute the module path");
    }

    /** The initial value of a top-level const of the file, or null. */
    private Expr constant(Expr.Name n) {
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Global g && g.decl().isConst() && g.decl().name().equals(n.name())) {
                return g.decl().init();
            }
        }
        return null;
    }
}
