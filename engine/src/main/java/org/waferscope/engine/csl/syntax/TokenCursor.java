package org.waferscope.engine.csl.syntax;

import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.ir.SourcePos;

/** Walks a token list for the parser, with the helpers that name what was expected. */
class TokenCursor {
    /** Deeper nesting than this is refused, so hostile input cannot overflow the stack. */
    static final int MAX_DEPTH = 200;

    protected final String file;
    private final List<Token> tokens;
    private int at;
    private int depth;

    TokenCursor(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    boolean at(TokenKind k) {
        return peek().kind() == k;
    }

    Token advance() {
        Token t = tokens.get(at);
        if (t.kind() != TokenKind.EOF) {
            at++;
        }
        return t;
    }

    boolean match(TokenKind k) {
        if (at(k)) {
            advance();
            return true;
        }
        return false;
    }

    Token expect(TokenKind k, String what) {
        if (!at(k)) {
            Token before = at > 0 ? tokens.get(at - 1) : null;
            if (k == TokenKind.SEMI && before != null && before.line() < peek().line()) {
                // a ';' forgotten at a line's end belongs there, not at the next line's first word
                int end = before.column() + before.text().length() + (before.kind() == TokenKind.STRING
                        && !before.text().startsWith("\"") ? 2 : 0);
                throw new CslError(new SourcePos(file, before.line(), end),
                        "expected " + what + " but found " + describe(peek()) + " on line " + peek().line());
            }
            throw error(peek(), "expected " + what + " but found " + describe(peek()));
        }
        return advance();
    }

    /** True for a token that can serve as a field name: identifiers and words the lexer reserves. */
    static boolean isWord(Token t) {
        return switch (t.kind()) {
            case IDENT, RESERVED, CONST, VAR, PARAM, FN, TASK, COMPTIME, LAYOUT, IF, ELSE, WHILE, FOR, RETURN,
                    BREAK, CONTINUE, AND, OR, TRUE, FALSE, UNDEFINED -> true;
            default -> false;
        };
    }

    Token expectWord(String what) {
        if (!isWord(peek())) {
            throw error(peek(), "expected " + what + " but found " + describe(peek()));
        }
        return advance();
    }

    SourcePos pos(Token t) {
        return new SourcePos(file, t.line(), t.column());
    }

    CslError error(Token t, String message) {
        return new CslError(pos(t), message);
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "the end of the file";
            case STRING -> "a string";
            case INT, FLOAT -> "number " + t.text();
            default -> "'" + t.text() + "'";
        };
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(peek(), "expression or block nested more than " + MAX_DEPTH + " deep");
        }
    }

    void leave() {
        depth--;
    }

    void resetDepth() {
        depth = 0;
    }

    /** Skips to just past the next ';' at this brace depth, or to a '}' closing it. */
    void skipStatement() {
        int braces = 0;
        while (!at(TokenKind.EOF)) {
            TokenKind k = peek().kind();
            if (k == TokenKind.LBRACE || k == TokenKind.DOT_LBRACE) {
                braces++;
            } else if (k == TokenKind.RBRACE) {
                TokenKind after = peek(1).kind();
                if (braces == 0 && after != TokenKind.RPAREN && after != TokenKind.COMMA && after != TokenKind.SEMI) {
                    return;
                }
                if (braces == 0) {
                    advance();
                    continue;
                }
                braces--;
                if (braces == 0 && peek(1).kind() != TokenKind.SEMI && peek(1).kind() != TokenKind.COMMA
                        && peek(1).kind() != TokenKind.RPAREN && peek(1).kind() != TokenKind.ELSE) {
                    advance();
                    return;
                }
            } else if (k == TokenKind.SEMI && braces == 0) {
                advance();
                return;
            }
            advance();
        }
    }

    int index() {
        return at;
    }

    static boolean startsDeclaration(TokenKind k) {
        return k == TokenKind.CONST || k == TokenKind.VAR || k == TokenKind.PARAM || k == TokenKind.FN
                || k == TokenKind.TASK || k == TokenKind.COMPTIME || k == TokenKind.LAYOUT;
    }

    /**
     * Skips to the next token that can start a top-level declaration. If the declaration
     * that failed began before the current token and a new one starts here (a missing ';'),
     * nothing is skipped.
     */
    void skipDeclaration(int startedAt) {
        if (at > startedAt && startsDeclaration(peek().kind())) {
            return;
        }
        int braces = 0;
        advance();
        while (!at(TokenKind.EOF)) {
            TokenKind k = peek().kind();
            if (braces == 0 && (k == TokenKind.CONST || k == TokenKind.VAR || k == TokenKind.PARAM
                    || k == TokenKind.FN || k == TokenKind.TASK || k == TokenKind.COMPTIME || k == TokenKind.LAYOUT)) {
                return;
            }
            if (k == TokenKind.LBRACE || k == TokenKind.DOT_LBRACE) {
                braces++;
            } else if (k == TokenKind.RBRACE && braces > 0) {
                braces--;
            }
            advance();
        }
    }
}
