package org.waferscope.engine.csl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.ir.SourcePos;

/** Splits CSL source into tokens. Bad characters are reported and skipped. */
public final class Lexer {
    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("const", TokenKind.CONST), Map.entry("var", TokenKind.VAR),
            Map.entry("param", TokenKind.PARAM), Map.entry("fn", TokenKind.FN),
            Map.entry("task", TokenKind.TASK), Map.entry("comptime", TokenKind.COMPTIME),
            Map.entry("layout", TokenKind.LAYOUT), Map.entry("if", TokenKind.IF),
            Map.entry("else", TokenKind.ELSE), Map.entry("while", TokenKind.WHILE),
            Map.entry("for", TokenKind.FOR), Map.entry("return", TokenKind.RETURN),
            Map.entry("break", TokenKind.BREAK), Map.entry("continue", TokenKind.CONTINUE),
            Map.entry("and", TokenKind.AND), Map.entry("or", TokenKind.OR),
            Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE),
            Map.entry("undefined", TokenKind.UNDEFINED));

    /** Words CSL (or Zig) reserves that the subset does not support. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of(
            "switch", "struct", "enum", "union", "export", "extern", "inline", "pub", "defer", "errdefer",
            "try", "catch", "orelse", "async", "await", "suspend", "resume", "unreachable", "null", "noreturn",
            "packed", "align", "volatile", "threadlocal", "usingnamespace", "test", "error", "anytype", "opaque");

    private final String src;
    private final String file;
    private final Diagnostics diags;
    private int pos;
    private int line = 1;
    private int col = 1;

    public Lexer(String src, String file, Diagnostics diags) {
        this.src = src;
        this.file = file;
        this.diags = diags;
    }

    public List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (pos >= src.length()) {
                out.add(new Token(TokenKind.EOF, "", line, col));
                return out;
            }
            Token t = next();
            if (t != null) {
                out.add(t);
            }
        }
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    advance();
                }
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                advance();
            } else {
                return;
            }
        }
    }

    private char advance() {
        char c = src.charAt(pos++);
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        return c;
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private Token next() {
        int l = line;
        int c = col;
        char ch = peek(0);
        if (Character.isLetter(ch) || ch == '_') {
            String word = word();
            TokenKind k = KEYWORDS.get(word);
            if (k == null && RESERVED.contains(word)) {
                k = TokenKind.RESERVED;
            }
            // Identifiers are interned: a scope then finds a name by identity, with no
            // character compare, and every use of one name shares one string.
            return new Token(k == null ? TokenKind.IDENT : k, k == null ? word.intern() : word, l, c);
        }
        if (ch == '@') {
            advance();
            if (peek(0) == '"') {
                diags.error(new SourcePos(file, l, c), "quoted identifiers (@\"...\") are not in Waferscope's CSL subset");
                string(l, c);
                return null;
            }
            String word = word();
            if (word.isEmpty()) {
                diags.error(new SourcePos(file, l, c), "expected a builtin name after '@'");
                return null;
            }
            // interned too: a builtin's dispatch (a switch on its name) then matches by identity
            return new Token(TokenKind.BUILTIN, ("@" + word).intern(), l, c);
        }
        if (Character.isDigit(ch)) {
            return number(l, c);
        }
        if (ch == '"') {
            return string(l, c);
        }
        return punctuation(l, c);
    }

    private String word() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            advance();
        }
        return src.substring(start, pos);
    }

    private Token number(int l, int c) {
        int start = pos;
        boolean isFloat = false;
        if (peek(0) == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'b' || peek(1) == 'o')) {
            advance();
            advance();
            while (Character.isLetterOrDigit(peek(0)) || peek(0) == '_') {
                advance();
            }
        } else {
            while (Character.isDigit(peek(0)) || peek(0) == '_') {
                advance();
            }
            if (peek(0) == '.' && Character.isDigit(peek(1))) {
                isFloat = true;
                advance();
                while (Character.isDigit(peek(0)) || peek(0) == '_') {
                    advance();
                }
            }
            if (peek(0) == 'e' || peek(0) == 'E') {
                int sign = peek(1) == '+' || peek(1) == '-' ? 1 : 0;
                if (Character.isDigit(peek(1 + sign))) {
                    isFloat = true;
                    advance();
                    if (sign == 1) {
                        advance();
                    }
                    while (Character.isDigit(peek(0))) {
                        advance();
                    }
                }
            }
        }
        return new Token(isFloat ? TokenKind.FLOAT : TokenKind.INT, src.substring(start, pos).replace("_", ""), l, c);
    }

    private Token string(int l, int c) {
        advance();
        StringBuilder sb = new StringBuilder();
        while (pos < src.length() && peek(0) != '"' && peek(0) != '\n') {
            char ch = advance();
            if (ch == '\\' && pos < src.length()) {
                char e = advance();
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case '\\', '"', '\'' -> sb.append(e);
                    default -> diags.error(new SourcePos(file, line, col - 2), "unknown escape '\\" + e + "' in a string");
                }
            } else {
                sb.append(ch);
            }
        }
        if (peek(0) != '"') {
            diags.error(new SourcePos(file, l, c), "string is not closed before the end of the line");
        } else {
            advance();
        }
        return new Token(TokenKind.STRING, sb.toString(), l, c);
    }

    private Token punctuation(int l, int c) {
        int start = pos;
        char ch = advance();
        TokenKind k = switch (ch) {
            case '(' -> TokenKind.LPAREN;
            case ')' -> TokenKind.RPAREN;
            case '[' -> TokenKind.LBRACKET;
            case ']' -> TokenKind.RBRACKET;
            case '{' -> TokenKind.LBRACE;
            case '}' -> TokenKind.RBRACE;
            case ',' -> TokenKind.COMMA;
            case ';' -> TokenKind.SEMI;
            case ':' -> TokenKind.COLON;
            case '~' -> TokenKind.TILDE;
            case '.' -> match('{') ? TokenKind.DOT_LBRACE : match('*') ? TokenKind.DOT_STAR : TokenKind.DOT;
            case '-' -> match('>') ? TokenKind.ARROW : match('=') ? TokenKind.MINUS_ASSIGN : TokenKind.MINUS;
            case '+' -> match('=') ? TokenKind.PLUS_ASSIGN : TokenKind.PLUS;
            case '*' -> match('=') ? TokenKind.STAR_ASSIGN : TokenKind.STAR;
            case '/' -> match('=') ? TokenKind.SLASH_ASSIGN : TokenKind.SLASH;
            case '%' -> match('=') ? TokenKind.PERCENT_ASSIGN : TokenKind.PERCENT;
            case '&' -> match('=') ? TokenKind.AMP_ASSIGN : TokenKind.AMP;
            case '|' -> match('=') ? TokenKind.PIPE_ASSIGN : TokenKind.PIPE;
            case '^' -> match('=') ? TokenKind.CARET_ASSIGN : TokenKind.CARET;
            case '!' -> match('=') ? TokenKind.NE : TokenKind.BANG;
            case '=' -> match('=') ? TokenKind.EQ : TokenKind.ASSIGN;
            case '<' -> match('<') ? (match('=') ? TokenKind.SHL_ASSIGN : TokenKind.SHL)
                    : match('=') ? TokenKind.LE : TokenKind.LT;
            case '>' -> match('>') ? (match('=') ? TokenKind.SHR_ASSIGN : TokenKind.SHR)
                    : match('=') ? TokenKind.GE : TokenKind.GT;
            default -> null;
        };
        if (k == null) {
            String shown = ch < ' ' || ch > '~' ? String.format("U+%04X", (int) ch) : "'" + ch + "'";
            diags.error(new SourcePos(file, l, c), "unexpected character " + shown);
            return null;
        }
        return new Token(k, src.substring(start, pos), l, c);
    }

    private boolean match(char expected) {
        if (peek(0) == expected) {
            advance();
            return true;
        }
        return false;
    }
}
