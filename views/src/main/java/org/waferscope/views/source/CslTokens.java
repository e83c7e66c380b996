package org.waferscope.views.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a line of CSL into coloured spans for display. Not a parser: comments, strings,
 * builtins ({@code @name}), keywords, types and numbers are enough to make code readable.
 */
public final class CslTokens {
    /** What a span is, which names its CSS class. */
    public enum Kind { PLAIN, KEYWORD, TYPE, BUILTIN, NUMBER, STRING, COMMENT }

    public record Span(Kind kind, String text) {
    }

    private static final Set<String> KEYWORDS = Set.of("fn", "task", "var", "const", "param", "comptime", "if",
            "else", "while", "for", "return", "layout", "and", "or", "true", "false", "export", "extern", "struct");
    private static final Set<String> TYPES = Set.of("bool", "i8", "i16", "i32", "u8", "u16", "u32", "f16", "f32",
            "void", "color", "comptime_struct", "data_task_id", "local_task_id", "control_task_id", "input_queue",
            "output_queue", "mem1d_dsd", "mem4d_dsd", "fabin_dsd", "fabout_dsd", "type");

    private CslTokens() {
    }

    public static List<Span> split(String line) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            int j;
            Kind kind;
            if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
                j = n;
                kind = Kind.COMMENT;
            } else if (c == '"') {
                j = line.indexOf('"', i + 1);
                j = j < 0 ? n : j + 1;
                kind = Kind.STRING;
            } else if (c == '@' || Character.isJavaIdentifierStart(c)) {
                j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(line.charAt(j))) {
                    j++;
                }
                String w = line.substring(i, j);
                kind = c == '@' ? Kind.BUILTIN : KEYWORDS.contains(w) ? Kind.KEYWORD
                        : TYPES.contains(w) ? Kind.TYPE : Kind.PLAIN;
            } else if (Character.isDigit(c)) {
                j = i + 1;
                while (j < n && (Character.isLetterOrDigit(line.charAt(j)) || line.charAt(j) == '.')) {
                    j++;
                }
                kind = Kind.NUMBER;
            } else {
                j = i + 1;
                while (j < n && !startsToken(line, j)) {
                    j++;
                }
                kind = Kind.PLAIN;
            }
            out.add(new Span(kind, line.substring(i, j)));
            i = j;
        }
        return out;
    }

    private static boolean startsToken(String line, int j) {
        char c = line.charAt(j);
        return c == '"' || c == '@' || Character.isJavaIdentifierStart(c) || Character.isDigit(c)
                || (c == '/' && j + 1 < line.length() && line.charAt(j + 1) == '/');
    }
}
