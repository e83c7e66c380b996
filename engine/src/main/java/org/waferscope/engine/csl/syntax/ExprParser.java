package org.waferscope.engine.csl.syntax;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.ir.SourcePos;

/** Expressions and type expressions, by precedence climbing (Zig's precedence table). */
class ExprParser extends TokenCursor {
    ExprParser(String file, List<Token> tokens) {
        super(file, tokens);
    }

    Expr expression() {
        enter();
        try {
            return binary(0);
        } finally {
            leave();
        }
    }

    /** Binding power of a binary operator, 0 if the token is none. */
    private static int power(TokenKind k) {
        return switch (k) {
            case OR -> 1;
            case AND -> 2;
            case EQ, NE, LT, LE, GT, GE -> 3;
            case AMP, CARET, PIPE -> 4;
            case SHL, SHR -> 5;
            case PLUS, MINUS -> 6;
            case STAR, SLASH, PERCENT -> 7;
            default -> 0;
        };
    }

    private Expr binary(int min) {
        Expr left = prefix();
        while (true) {
            Token op = peek();
            int p = power(op.kind());
            if (p == 0 || p <= min) {
                return left;
            }
            // The '|' of a capture list never follows an expression, so PIPE here is bitwise or.
            advance();
            Expr right = binary(p);
            left = new Expr.Binary(pos(op), op.kind(), left, right);
        }
    }

    private Expr prefix() {
        Token t = peek();
        switch (t.kind()) {
            case MINUS, BANG, TILDE, AMP -> {
                advance();
                enter();
                try {
                    return new Expr.Unary(pos(t), t.kind(), prefix());
                } finally {
                    leave();
                }
            }
            default -> {
                return postfix(primary());
            }
        }
    }

    private Expr postfix(Expr e) {
        while (true) {
            Token t = peek();
            if (t.kind() == TokenKind.DOT) {
                advance();
                Token name = expectWord("a field name after '.'");
                e = new Expr.Field(pos(t), e, name.text());
            } else if (t.kind() == TokenKind.DOT_STAR) {
                advance();
                e = new Expr.Deref(pos(t), e);
            } else if (t.kind() == TokenKind.LBRACKET) {
                advance();
                List<Expr> idx = new ArrayList<>();
                do {
                    idx.add(expression());
                } while (match(TokenKind.COMMA));
                expect(TokenKind.RBRACKET, "']' after an index");
                e = new Expr.Index(pos(t), e, idx);
            } else if (t.kind() == TokenKind.LPAREN) {
                e = new Expr.Call(pos(t), e, arguments());
            } else {
                return e;
            }
        }
    }

    List<Expr> arguments() {
        expect(TokenKind.LPAREN, "'('");
        List<Expr> args = new ArrayList<>();
        while (!at(TokenKind.RPAREN)) {
            args.add(expression());
            if (!match(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RPAREN, "')' or ',' in an argument list");
        return args;
    }

    private Expr primary() {
        Token t = peek();
        SourcePos p = pos(t);
        switch (t.kind()) {
            case INT -> {
                advance();
                return new Expr.IntLit(p, parseInt(t));
            }
            case FLOAT -> {
                advance();
                return new Expr.FloatLit(p, Double.parseDouble(t.text()));
            }
            case STRING -> {
                advance();
                return new Expr.StringLit(p, t.text());
            }
            case TRUE, FALSE -> {
                advance();
                return new Expr.BoolLit(p, t.kind() == TokenKind.TRUE);
            }
            case UNDEFINED -> {
                advance();
                return new Expr.UndefinedLit(p);
            }
            case IDENT -> {
                advance();
                return new Expr.Name(p, t.text());
            }
            case BUILTIN -> {
                advance();
                return new Expr.Builtin(p, t.text(), arguments());
            }
            case LPAREN -> {
                advance();
                Expr e = expression();
                expect(TokenKind.RPAREN, "')'");
                return e;
            }
            case DOT_LBRACE -> {
                return structOrTuple();
            }
            case DOT -> {
                advance();
                return new Expr.EnumLit(p, expectWord("a name after '.'").text());
            }
            case LBRACKET, STAR -> {
                Expr type = typeExpr();
                if (type instanceof Expr.ArrayType at && at(TokenKind.LBRACE)) {
                    return arrayLiteral(at);
                }
                return type;
            }
            case FN, TASK -> {
                return typeExpr();
            }
            case LBRACE -> {
                advance();
                expect(TokenKind.RBRACE, "'}' (only the empty block {} is a value)");
                return new Expr.VoidLit(p);
            }
            case IF -> {
                advance();
                expect(TokenKind.LPAREN, "'(' after 'if'");
                Expr c = expression();
                expect(TokenKind.RPAREN, "')' after the condition");
                Expr a = expression();
                if (peek().kind() != TokenKind.ELSE) {
                    // As in Zig, a missing else gives void: fine where the condition is known
                    // at compile time and picks a branch that is there.
                    return new Expr.IfExpr(p, c, a, new Expr.VoidLit(p));
                }
                advance();
                return new Expr.IfExpr(p, c, a, expression());
            }
            case COMPTIME -> {
                advance();
                return expression();
            }
            case PIPE -> {
                return tensorAccess();
            }
            case RESERVED -> {
                if (t.text().equals("enum")) {
                    return enumType();
                }
                throw error(t, "'" + t.text() + "' is not in Waferscope's CSL subset");
            }
            default -> throw error(t, "expected an expression but found " + describe(t));
        }
    }

    /** {@code enum(tag) { NAME [= value], ... }}, with an optional trailing comma. */
    private Expr enumType() {
        SourcePos p = pos(advance());
        expect(TokenKind.LPAREN, "'(' and the enum's integer type");
        Expr tag = expression();
        expect(TokenKind.RPAREN, "')'");
        expect(TokenKind.LBRACE, "'{' and the enum's members");
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!at(TokenKind.RBRACE)) {
            names.add(expectWord("a member name").text());
            if (at(TokenKind.ASSIGN)) {
                advance();
                values.add(expression());
            } else {
                values.add(null);
            }
            if (!at(TokenKind.RBRACE)) {
                expect(TokenKind.COMMA, "',' or '}'");
            }
        }
        advance();
        return new Expr.EnumType(p, tag, List.copyOf(names), java.util.Collections.unmodifiableList(values));
    }

    private long parseInt(Token t) {
        String s = t.text();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseLong(s.substring(2), 16);
            }
            if (s.startsWith("0b")) {
                return Long.parseLong(s.substring(2), 2);
            }
            if (s.startsWith("0o")) {
                return Long.parseLong(s.substring(2), 8);
            }
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(t, "integer literal " + s + " is malformed or too large");
        }
    }

    private Expr structOrTuple() {
        Token open = advance();
        if (at(TokenKind.DOT) && isWord(peek(1)) && peek(2).kind() == TokenKind.ASSIGN) {
            List<String> names = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            while (!at(TokenKind.RBRACE)) {
                expect(TokenKind.DOT, "'.name = value' in a struct literal");
                Token n = expectWord("a field name");
                if (names.contains(n.text())) {
                    throw error(n, "field '" + n.text() + "' is given twice");
                }
                expect(TokenKind.ASSIGN, "'=' after the field name");
                names.add(n.text());
                values.add(expression());
                if (!match(TokenKind.COMMA)) {
                    break;
                }
            }
            expect(TokenKind.RBRACE, "'}' or ',' in a struct literal");
            return new Expr.StructLit(pos(open), names, values);
        }
        List<Expr> items = new ArrayList<>();
        while (!at(TokenKind.RBRACE)) {
            items.add(expression());
            if (!match(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RBRACE, "'}' or ',' in a list literal");
        return new Expr.TupleLit(pos(open), items);
    }

    private Expr arrayLiteral(Expr.ArrayType type) {
        expect(TokenKind.LBRACE, "'{'");
        List<Expr> items = new ArrayList<>();
        while (!at(TokenKind.RBRACE)) {
            items.add(expression());
            if (!match(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RBRACE, "'}' or ',' in an array literal");
        return new Expr.ArrayLit(type.pos(), type, items);
    }

    private Expr tensorAccess() {
        Token open = expect(TokenKind.PIPE, "'|'");
        List<String> vars = new ArrayList<>();
        do {
            vars.add(expect(TokenKind.IDENT, "an index variable name").text());
        } while (match(TokenKind.COMMA));
        expect(TokenKind.PIPE, "'|' after the index variables");
        expect(TokenKind.LBRACE, "'{' and the extents, as in |i|{n} -> A[i]");
        List<Expr> extents = new ArrayList<>();
        do {
            extents.add(expression());
        } while (match(TokenKind.COMMA));
        expect(TokenKind.RBRACE, "'}' after the extents");
        expect(TokenKind.ARROW, "'->' and the accessed element");
        return new Expr.TensorAccess(pos(open), vars, extents, expression());
    }

    /** A type in a position where a following '{' starts a body, not an array literal. */
    Expr typeExpr() {
        Token t = peek();
        enter();
        try {
            if (match(TokenKind.STAR)) {
                // *const T: the pointee is read-only in CSL; Waferscope does not check that.
                match(TokenKind.CONST);
                return new Expr.PointerType(pos(t), false, typeExpr());
            }
            if (match(TokenKind.LBRACKET)) {
                if (match(TokenKind.STAR)) {
                    expect(TokenKind.RBRACKET, "']' after '[*'");
                    match(TokenKind.CONST);
                    return new Expr.PointerType(pos(t), true, typeExpr());
                }
                List<Expr> dims = new ArrayList<>();
                do {
                    if (at(TokenKind.IDENT) && peek().text().equals("_")) {
                        advance();
                        dims.add(null);
                    } else {
                        dims.add(expression());
                    }
                } while (match(TokenKind.COMMA));
                expect(TokenKind.RBRACKET, "']' after the array size");
                return new Expr.ArrayType(pos(t), dims, typeExpr());
            }
            // task () void, the type of a task passed to a module, is a function type here too.
            if (match(TokenKind.FN) || match(TokenKind.TASK)) {
                expect(TokenKind.LPAREN, "'(' in a function type");
                List<Expr> params = new ArrayList<>();
                while (!at(TokenKind.RPAREN)) {
                    params.add(typeExpr());
                    if (!match(TokenKind.COMMA)) {
                        break;
                    }
                }
                expect(TokenKind.RPAREN, "')' in a function type");
                return new Expr.FnType(pos(t), params, typeExpr());
            }
            Token name = peek();
            if (name.kind() == TokenKind.BUILTIN) {
                advance();
                return new Expr.Builtin(pos(name), name.text(), arguments());
            }
            Expr e = new Expr.Name(pos(name), expect(TokenKind.IDENT, "a type").text());
            while (at(TokenKind.DOT) && peek(1).kind() == TokenKind.IDENT) {
                Token dot = advance();
                e = new Expr.Field(pos(dot), e, advance().text());
            }
            return e;
        } finally {
            leave();
        }
    }
}
