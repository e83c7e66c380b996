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

    /**
     * A use of a name. Equal to another use of the same name at the same place, as a record
     * would be; it also carries a slot where a compile-time evaluator remembers what the
     * name resolved to outside every local scope ({@link #resolvedAs}), so that a layout
     * loop that reads a global or a port at every PE looks it up once. The slot is not part
     * of the name's value (equality, hash, text).
     */
    final class Name implements Expr {
        private final SourcePos pos;
        private final String name;
        /** {@code name.hashCode()}, kept beside the name: scopes compare it for every lookup. */
        private final int nameHash;
        /** What an evaluator cached (immutable, owned and checked by that evaluator); null if nothing. */
        private Object resolvedAs;

        public Name(SourcePos pos, String name) {
            this.pos = pos;
            this.name = name;
            this.nameHash = name.hashCode();
        }

        @Override
        public SourcePos pos() {
            return pos;
        }

        public String name() {
            return name;
        }

        /** The hash of {@link #name()}. */
        public int nameHash() {
            return nameHash;
        }

        /** The evaluator's cached resolution, or null; see {@link #resolvedAs(Object)}. */
        public Object resolvedAs() {
            return resolvedAs;
        }

        /**
         * Caches {@code resolution}: an immutable object that says which evaluator made it,
         * so that another one (or another load of the same file) never takes it for its own.
         */
        public void resolvedAs(Object resolution) {
            this.resolvedAs = resolution;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Name n && pos.equals(n.pos) && name.equals(n.name);
        }

        @Override
        public int hashCode() {
            return 31 * pos.hashCode() + name.hashCode();
        }

        @Override
        public String toString() {
            return "Name[pos=" + pos + ", name=" + name + "]";
        }
    }

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
