package org.waferscope.engine.csl.syntax;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.ir.SourcePos;

/**
 * {@code switch (v) { a, b => { ... }, c => f(), else => { ... } }}, read as the if-chain it
 * means: {@code v} is evaluated once into a hidden const, each arm tests it for equality
 * with its values (compile-time constants), the first match runs, and {@code else} runs
 * when none does. Without {@code else} nothing runs on no match.
 */
final class SwitchStatement {
    private SwitchStatement() {
    }

    static Stmt parse(Parser p) {
        Token sw = p.advance();
        SourcePos at = p.pos(sw);
        p.expect(TokenKind.LPAREN, "'(' after 'switch'");
        Expr value = p.expression();
        p.expect(TokenKind.RPAREN, "')' after the switched value");
        p.expect(TokenKind.LBRACE, "'{' and the arms of the switch");
        String hidden = "switch value at " + at.line() + ":" + at.column();
        List<Expr> conds = new ArrayList<>();
        List<Stmt.Block> bodies = new ArrayList<>();
        Stmt.Block otherwise = null;
        while (!p.at(TokenKind.RBRACE)) {
            Token armStart = p.peek();
            Expr cond = null;
            boolean isElse = p.match(TokenKind.ELSE);
            if (!isElse) {
                do {
                    Expr v = p.expression();
                    Expr test = new Expr.Binary(v.pos(), TokenKind.EQ, new Expr.Name(v.pos(), hidden), v);
                    cond = cond == null ? test : new Expr.Binary(v.pos(), TokenKind.OR, cond, test);
                } while (p.match(TokenKind.COMMA) && !p.at(TokenKind.ASSIGN));
            }
            p.expect(TokenKind.ASSIGN, "'=>' after the arm's values");
            p.expect(TokenKind.GT, "'=>' after the arm's values");
            Stmt.Block body;
            if (p.at(TokenKind.LBRACE)) {
                body = p.block();
            } else {
                Expr e = p.expression();
                body = new Stmt.Block(e.pos(), List.of(new Stmt.ExprStmt(e.pos(), e)));
            }
            if (isElse) {
                if (otherwise != null) {
                    throw p.error(armStart, "a switch has one else arm");
                }
                otherwise = body;
            } else {
                conds.add(cond);
                bodies.add(body);
            }
            if (!p.match(TokenKind.COMMA)) {
                break;
            }
        }
        p.expect(TokenKind.RBRACE, "'}' at the end of the switch");
        Stmt chain = otherwise;
        for (int k = conds.size() - 1; k >= 0; k--) {
            chain = new Stmt.If(conds.get(k).pos(), conds.get(k), bodies.get(k), chain);
        }
        List<Stmt> stmts = new ArrayList<>();
        stmts.add(new Stmt.VarDecl(at, true, hidden, null, value, null));
        if (chain != null) {
            stmts.add(chain);
        }
        return new Stmt.Block(at, stmts);
    }
}
