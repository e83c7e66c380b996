package org.waferscope.engine.csl.syntax;

import java.util.List;
import org.waferscope.engine.ir.SourcePos;

/** A statement inside a function, task, comptime or layout block. */
public sealed interface Stmt {
    SourcePos pos();

    /** {@code const|var name[: type] [= init];}. */
    /** {@code align} is the {@code align(n)} after the type, or null. */
    record VarDecl(SourcePos pos, boolean isConst, String name, Expr type, Expr init, Expr align) implements Stmt {
        public VarDecl(SourcePos pos, boolean isConst, String name, Expr type, Expr init) {
            this(pos, isConst, name, type, init, null);
        }
    }

    /** {@code target op value;} where op is {@code =} or a compound assignment. */
    record Assign(SourcePos pos, Expr target, TokenKind op, Expr value) implements Stmt { }

    record ExprStmt(SourcePos pos, Expr expr) implements Stmt { }

    /** {@code otherwise} is a Block, an If, or null. */
    record If(SourcePos pos, Expr cond, Block then, Stmt otherwise) implements Stmt { }

    /** {@code while (cond) : (cont) body}; cont may be null. */
    record While(SourcePos pos, Expr cond, Stmt cont, Block body) implements Stmt { }

    /** {@code for (iterable) |captures| body}. */
    record For(SourcePos pos, Expr iterable, List<String> captures, Block body) implements Stmt { }

    record Return(SourcePos pos, Expr value) implements Stmt { }

    record Break(SourcePos pos) implements Stmt { }

    record Continue(SourcePos pos) implements Stmt { }

    /** {@code end} is the closing brace (where a function's implicit return is said to be). */
    record Block(SourcePos pos, List<Stmt> stmts, SourcePos end) implements Stmt {
        public Block(SourcePos pos, List<Stmt> stmts) {
            this(pos, stmts, pos);
        }
    }
}
