package org.waferscope.engine.csl.syntax;

import java.util.List;
import org.waferscope.engine.ir.SourcePos;

/** An expression of the CSL subset. Types are expressions too, as in Zig. */
public sealed interface Expr {
    SourcePos pos();

    record IntLit(SourcePos pos, long value) implements Expr { }

    record FloatLit(SourcePos pos, double value) implements Expr { }

    record BoolLit(SourcePos pos, boolean value) implements Expr { }

    record StringLit(SourcePos pos, String value) implements Expr { }

    /** {@code undefined}: a variable's initial value left unspecified (zero on the wafer). */
    record UndefinedLit(SourcePos pos) implements Expr { }

    /** {@code {}}: the void value, e.g. "no entry point" for a control payload. */
    record VoidLit(SourcePos pos) implements Expr { }

    record Name(SourcePos pos, String name) implements Expr { }

    /** {@code .NAME}: an enum literal. */
    record EnumLit(SourcePos pos, String name) implements Expr { }

    /**
     * {@code enum(tag) { A, B = 5, C }}: an enumeration type; a member without a value takes the
     * previous member's value plus one (the first takes 0). {@code values} holds null for those.
     */
    record EnumType(SourcePos pos, Expr tag, List<String> names, List<Expr> values) implements Expr { }

    /** Prefix {@code - ! ~ &} (AMP is address-of). */
    record Unary(SourcePos pos, TokenKind op, Expr operand) implements Expr { }

    record Binary(SourcePos pos, TokenKind op, Expr left, Expr right) implements Expr { }

    /** {@code @name(args)}. */
    record Builtin(SourcePos pos, String name, List<Expr> args) implements Expr { }

    record Call(SourcePos pos, Expr callee, List<Expr> args) implements Expr { }

    record Field(SourcePos pos, Expr target, String name) implements Expr { }

    /** {@code p.*}. */
    record Deref(SourcePos pos, Expr target) implements Expr { }

    /** {@code a[i]} or {@code a[i, j]}. */
    record Index(SourcePos pos, Expr target, List<Expr> indices) implements Expr { }

    /** {@code .{ .a = x, .b = y }}. */
    record StructLit(SourcePos pos, List<String> names, List<Expr> values) implements Expr { }

    /** {@code .{ x, y }}. */
    record TupleLit(SourcePos pos, List<Expr> items) implements Expr { }

    record IfExpr(SourcePos pos, Expr cond, Expr then, Expr otherwise) implements Expr { }

    /** {@code [M, N]T}; a null dimension stands for {@code _} (inferred from a literal). */
    record ArrayType(SourcePos pos, List<Expr> dims, Expr elem) implements Expr { }

    /** {@code [*]T} (many) or {@code *T}. */
    record PointerType(SourcePos pos, boolean many, Expr elem) implements Expr { }

    record FnType(SourcePos pos, List<Expr> params, Expr ret) implements Expr { }

    /** {@code [N]T { a, b, ... }}. */
    record ArrayLit(SourcePos pos, ArrayType type, List<Expr> items) implements Expr { }

    /** {@code |i|{n} -> A[i*M + k]}: an affine walk over an array, for mem1d DSDs. */
    record TensorAccess(SourcePos pos, List<String> vars, List<Expr> extents, Expr body) implements Expr { }
}
