package org.waferscope.engine.csl.syntax;

import java.util.List;
import org.waferscope.engine.ir.SourcePos;

/** A top-level declaration of a CSL file. */
public sealed interface Decl {
    SourcePos pos();

    /** {@code param name: T [= default];}: set by the layout (PE programs) or the host (layouts). */
    record Param(SourcePos pos, String name, Expr type, Expr defaultValue) implements Decl { }

    /** A global {@code const} or {@code var}. */
    record Global(SourcePos pos, Stmt.VarDecl decl) implements Decl { }

    record FnParam(SourcePos pos, String name, Expr type) { }

    /** {@code fn} or {@code task}. */
    record Fn(SourcePos pos, String name, boolean isTask, List<FnParam> params, Expr ret, Stmt.Block body)
            implements Decl { }

    record Comptime(SourcePos pos, Stmt.Block body) implements Decl { }

    record Layout(SourcePos pos, Stmt.Block body) implements Decl { }

    default String name() {
        if (this instanceof Param p) {
            return p.name();
        }
        if (this instanceof Global g) {
            return g.decl().name();
        }
        if (this instanceof Fn f) {
            return f.name();
        }
        return null;
    }
}
