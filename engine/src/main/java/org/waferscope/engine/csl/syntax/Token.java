package org.waferscope.engine.csl.syntax;

/**
 * A token: its kind, its text as written, and where it starts (1-based line and column).
 * For {@link TokenKind#STRING} the text is the decoded string; for
 * {@link TokenKind#BUILTIN} it includes the {@code @}.
 */
public record Token(TokenKind kind, String text, int line, int column) {
}
