package org.waferscope.engine.csl.syntax;

/** The kinds of token in CSL source. */
public enum TokenKind {
    IDENT, BUILTIN, INT, FLOAT, STRING,
    // keywords of the subset
    CONST, VAR, PARAM, FN, TASK, COMPTIME, LAYOUT, IF, ELSE, WHILE, FOR, RETURN, BREAK, CONTINUE,
    AND, OR, TRUE, FALSE, UNDEFINED,
    /** A Zig/CSL keyword outside the subset; the parser names it in its error. */
    RESERVED,
    // punctuation
    LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE, COMMA, SEMI, COLON, DOT, DOT_LBRACE, DOT_STAR,
    ARROW, PIPE, AMP, CARET, TILDE, BANG, PLUS, MINUS, STAR, SLASH, PERCENT, SHL, SHR,
    EQ, NE, LT, LE, GT, GE, ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN, STAR_ASSIGN, SLASH_ASSIGN, PERCENT_ASSIGN,
    AMP_ASSIGN, PIPE_ASSIGN, CARET_ASSIGN, SHL_ASSIGN, SHR_ASSIGN,
    EOF
}
