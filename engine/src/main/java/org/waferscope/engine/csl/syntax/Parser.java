package org.waferscope.engine.csl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;

/**
 * Parses one CSL file into a {@link SourceFile}. After a syntax error it reports, skips to
 * the next statement or declaration and goes on, so one load shows several errors.
 */
public final class Parser extends ExprParser {
    private static final Set<TokenKind> ASSIGN_OPS = Set.of(TokenKind.ASSIGN, TokenKind.PLUS_ASSIGN,
            TokenKind.MINUS_ASSIGN, TokenKind.STAR_ASSIGN, TokenKind.SLASH_ASSIGN, TokenKind.PERCENT_ASSIGN,
            TokenKind.AMP_ASSIGN, TokenKind.PIPE_ASSIGN, TokenKind.CARET_ASSIGN, TokenKind.SHL_ASSIGN,
            TokenKind.SHR_ASSIGN);

    private final Diagnostics diags;

    private Parser(String file, List<Token> tokens, Diagnostics diags) {
        super(file, tokens);
        this.diags = diags;
    }

    /** Lexes and parses {@code text}; problems go to {@code diags}. */
    public static SourceFile parse(String file, String text, Diagnostics diags) {
        List<Token> tokens = new Lexer(text, file, diags).tokens();
        return new Parser(file, tokens, diags).file();
    }

    private SourceFile file() {
        List<Decl> decls = new ArrayList<>();
        while (!at(TokenKind.EOF) && !diags.full()) {
            int start = index();
            try {
                resetDepth();
                decls.add(declaration());
            } catch (CslError e) {
                diags.error(e.pos(), e.getMessage());
                skipDeclaration(start);
            }
        }
        return new SourceFile(file, decls);
    }

    private Decl declaration() {
        Token t = peek();
        switch (t.kind()) {
            case PARAM -> {
                advance();
                Token name = expect(TokenKind.IDENT, "the param's name");
                if (at(TokenKind.ASSIGN)) {
                    // param p = default;  the type is the default's
                    advance();
                    Expr def = expression();
                    expect(TokenKind.SEMI, "';' after the param");
                    return new Decl.Param(pos(name), name.text(), null, def);
                }
                if (match(TokenKind.SEMI)) {
                    // param p;  typed by the value its importer gives (the SDK's stencil library)
                    return new Decl.Param(pos(name), name.text(), null, null);
                }
                expect(TokenKind.COLON, "':' and the param's type (or '=' and a default)");
                Expr type = typeExpr();
                Expr def = match(TokenKind.ASSIGN) ? expression() : null;
                expect(TokenKind.SEMI, "';' after the param");
                return new Decl.Param(pos(name), name.text(), type, def);
            }
            case CONST, VAR -> {
                return new Decl.Global(pos(t), varDecl());
            }
            case FN, TASK -> {
                return function();
            }
            case COMPTIME -> {
                advance();
                return new Decl.Comptime(pos(t), block());
            }
            case LAYOUT -> {
                advance();
                return new Decl.Layout(pos(t), block());
            }
            case RESERVED -> {
                if (t.text().equals("export") && (peek(1).kind() == TokenKind.VAR || peek(1).kind() == TokenKind.CONST)) {
                    // export var: the SDK keeps the symbol for debugging tools; here it is an ordinary global.
                    advance();
                    return new Decl.Global(pos(peek()), varDecl());
                }
                throw error(t, "'" + t.text() + "' is not in Waferscope's CSL subset");
            }
            default -> throw error(t, "expected a declaration (param, const, var, fn, task, comptime or layout)"
                    + " but found " + describe(t));
        }
    }

    private Decl.Fn function() {
        Token kw = advance();
        Token name = expect(TokenKind.IDENT, "the " + kw.text() + "'s name");
        expect(TokenKind.LPAREN, "'(' and the parameters");
        List<Decl.FnParam> params = new ArrayList<>();
        while (!at(TokenKind.RPAREN)) {
            if (at(TokenKind.COMPTIME)) {
                throw error(peek(), "comptime function parameters are not in Waferscope's CSL subset");
            }
            Token pn = expect(TokenKind.IDENT, "a parameter name");
            expect(TokenKind.COLON, "':' and the parameter's type");
            params.add(new Decl.FnParam(pos(pn), pn.text(), typeExpr()));
            if (!match(TokenKind.COMMA)) {
                break;
            }
        }
        expect(TokenKind.RPAREN, "')' or ',' in the parameter list");
        Expr ret = typeExpr();
        return new Decl.Fn(pos(name), name.text(), kw.kind() == TokenKind.TASK, params, ret, block());
    }

    private Stmt.VarDecl varDecl() {
        Token kw = advance();
        Token name = expect(TokenKind.IDENT, "a name after '" + kw.text() + "'");
        Expr type = match(TokenKind.COLON) ? typeExpr() : null;
        Expr align = null;
        if (peek().kind() == TokenKind.RESERVED && peek().text().equals("align")) {
            advance();
            expect(TokenKind.LPAREN, "'(' and the alignment in bytes after 'align'");
            align = expression();
            expect(TokenKind.RPAREN, "')' after the alignment");
        }
        Expr init = match(TokenKind.ASSIGN) ? expression() : null;
        expect(TokenKind.SEMI, "';' after the declaration");
        if (init == null && type == null) {
            throw error(name, "'" + name.text() + "' needs a type or an initial value");
        }
        if (init == null && kw.kind() == TokenKind.CONST) {
            throw error(name, "const '" + name.text() + "' needs a value");
        }
        return new Stmt.VarDecl(pos(name), kw.kind() == TokenKind.CONST, name.text(), type, init, align);
    }

    Stmt.Block block() {
        Token open = expect(TokenKind.LBRACE, "'{'");
        enter();
        try {
            List<Stmt> stmts = new ArrayList<>();
            while (!at(TokenKind.RBRACE) && !at(TokenKind.EOF) && !diags.full()) {
                int mark = peek().line() * 10_000 + peek().column();
                try {
                    stmts.add(statement());
                } catch (CslError e) {
                    diags.error(e.pos(), e.getMessage());
                    skipStatement();
                    if (peek().line() * 10_000 + peek().column() == mark && !at(TokenKind.RBRACE)) {
                        advance();
                    }
                }
            }
            Token close = expect(TokenKind.RBRACE, "'}' to close the block opened at line " + open.line());
            return new Stmt.Block(pos(open), stmts, pos(close));
        } finally {
            leave();
        }
    }

    private Stmt.Block bodyOrStatement() {
        if (at(TokenKind.LBRACE)) {
            return block();
        }
        Token t = peek();
        enter();
        try {
            return new Stmt.Block(pos(t), List.of(statement()));
        } finally {
            leave();
        }
    }

    /**
     * An if's first branch. Without braces it may end at the {@code else} with no ';', as in
     * Zig's {@code if (c) f() else g();}.
     */
    private Stmt.Block thenBody() {
        Token t = peek();
        if (t.kind() == TokenKind.LBRACE || t.kind() == TokenKind.CONST || t.kind() == TokenKind.VAR
                || t.kind() == TokenKind.IF || t.kind() == TokenKind.WHILE || t.kind() == TokenKind.FOR
                || t.kind() == TokenKind.RETURN || t.kind() == TokenKind.BREAK || t.kind() == TokenKind.CONTINUE
                || t.kind() == TokenKind.COMPTIME || t.kind() == TokenKind.RESERVED) {
            return bodyOrStatement();
        }
        Stmt s = simpleStatement(t);
        if (!at(TokenKind.ELSE)) {
            expect(TokenKind.SEMI, "';' after the statement");
        }
        return new Stmt.Block(pos(t), List.of(s));
    }

    private Stmt statement() {
        Token t = peek();
        switch (t.kind()) {
            case CONST, VAR -> {
                return varDecl();
            }
            case IF -> {
                return ifStatement();
            }
            case WHILE -> {
                advance();
                expect(TokenKind.LPAREN, "'(' after 'while'");
                Expr cond = expression();
                expect(TokenKind.RPAREN, "')' after the condition");
                Stmt cont = null;
                if (match(TokenKind.COLON)) {
                    expect(TokenKind.LPAREN, "'(' around the continue expression");
                    cont = simpleStatement(peek());
                    expect(TokenKind.RPAREN, "')' after the continue expression");
                }
                return new Stmt.While(pos(t), cond, cont, bodyOrStatement());
            }
            case FOR -> {
                advance();
                expect(TokenKind.LPAREN, "'(' after 'for'");
                Expr iter = expression();
                expect(TokenKind.RPAREN, "')' after what the loop runs over");
                expect(TokenKind.PIPE, "'|' and the loop variable, as in for (@range(u16, n)) |i|");
                List<String> captures = new ArrayList<>();
                do {
                    captures.add(expect(TokenKind.IDENT, "a loop variable name").text());
                } while (match(TokenKind.COMMA));
                expect(TokenKind.PIPE, "'|' after the loop variable");
                return new Stmt.For(pos(t), iter, captures, bodyOrStatement());
            }
            case RETURN -> {
                advance();
                Expr v = at(TokenKind.SEMI) ? null : expression();
                expect(TokenKind.SEMI, "';' after return");
                return new Stmt.Return(pos(t), v);
            }
            case BREAK -> {
                advance();
                expect(TokenKind.SEMI, "';' after break");
                return new Stmt.Break(pos(t));
            }
            case CONTINUE -> {
                advance();
                expect(TokenKind.SEMI, "';' after continue");
                return new Stmt.Continue(pos(t));
            }
            case LBRACE -> {
                return block();
            }
            case COMPTIME -> throw error(t, "comptime blocks inside functions are not in Waferscope's CSL subset");
            case RESERVED -> {
                if (t.text().equals("switch")) {
                    return SwitchStatement.parse(this);
                }
                throw error(t, "'" + t.text() + "' is not in Waferscope's CSL subset");
            }
            default -> {
                Stmt s = simpleStatement(t);
                expect(TokenKind.SEMI, "';' after the statement");
                return s;
            }
        }
    }

    private Stmt simpleStatement(Token t) {
        Expr target = expression();
        if (ASSIGN_OPS.contains(peek().kind())) {
            Token op = advance();
            return new Stmt.Assign(pos(op), target, op.kind(), expression());
        }
        return new Stmt.ExprStmt(pos(t), target);
    }

    private Stmt ifStatement() {
        // An else-if chain is read link by link in a loop and nested from its end, so a
        // chain thousands of links long needs no deeper stack than a short one.
        List<Token> ifs = new ArrayList<>();
        List<Expr> conds = new ArrayList<>();
        List<Stmt.Block> thens = new ArrayList<>();
        Stmt otherwise = null;
        while (true) {
            ifs.add(advance());
            expect(TokenKind.LPAREN, "'(' after 'if'");
            conds.add(expression());
            expect(TokenKind.RPAREN, "')' after the condition");
            if (at(TokenKind.PIPE)) {
                throw error(peek(), "optional captures (if (x) |v|) are not in Waferscope's CSL subset");
            }
            thens.add(thenBody());
            if (!match(TokenKind.ELSE)) {
                break;
            }
            if (!at(TokenKind.IF)) {
                otherwise = bodyOrStatement();
                break;
            }
        }
        for (int k = ifs.size() - 1; k >= 0; k--) {
            otherwise = new Stmt.If(pos(ifs.get(k)), conds.get(k), thens.get(k), otherwise);
        }
        return otherwise;
    }
}
