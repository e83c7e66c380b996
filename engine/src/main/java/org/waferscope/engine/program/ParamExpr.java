package org.waferscope.engine.program;

import java.util.Map;

/**
 * Integer expressions over layout params, as run.json writes sizes: {@code "M / kernel_y_dim"},
 * {@code "$k * 2 + 1"}. Operators {@code + - * / %} and parentheses; names may carry a
 * leading {@code $}. Evaluated in 64 bits; overflow and division by zero are errors.
 */
final class ParamExpr {
    private final String text;
    private final Map<String, String> params;
    private int at;

    private ParamExpr(String text, Map<String, String> params) {
        this.text = text;
        this.params = params;
    }

    /** The value, or an {@link IllegalArgumentException} saying what is wrong. */
    static long eval(String text, Map<String, String> params) {
        if (text.length() > 500) {
            throw new IllegalArgumentException("expression is too long");
        }
        ParamExpr p = new ParamExpr(text, params);
        long v = p.sum(0);
        p.space();
        if (p.at != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.charAt(p.at) + "' in \"" + text + "\"");
        }
        return v;
    }

    private void space() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private boolean eat(char c) {
        space();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private long sum(int depth) {
        long v = product(depth);
        while (true) {
            if (eat('+')) {
                v = Math.addExact(v, product(depth));
            } else if (eat('-')) {
                v = Math.subtractExact(v, product(depth));
            } else {
                return v;
            }
        }
    }

    private long product(int depth) {
        long v = unary(depth);
        while (true) {
            if (eat('*')) {
                v = Math.multiplyExact(v, unary(depth));
            } else if (eat('/') || peekPercent()) {
                boolean rem = text.charAt(at - 1) == '%';
                long d = unary(depth);
                if (d == 0) {
                    throw new IllegalArgumentException("division by zero in \"" + text + "\"");
                }
                v = rem ? v % d : v / d;
            } else {
                return v;
            }
        }
    }

    private boolean peekPercent() {
        return eat('%');
    }

    private long unary(int depth) {
        if (depth > 50) {
            throw new IllegalArgumentException("expression nested too deeply");
        }
        if (eat('-')) {
            return Math.negateExact(unary(depth + 1));
        }
        if (eat('(')) {
            long v = sum(depth + 1);
            if (!eat(')')) {
                throw new IllegalArgumentException("missing ')' in \"" + text + "\"");
            }
            return v;
        }
        space();
        int start = at;
        if (at < text.length() && Character.isDigit(text.charAt(at))) {
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            try {
                return Long.parseLong(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("number too large in \"" + text + "\"");
            }
        }
        if (at < text.length() && text.charAt(at) == '$') {
            at++;
            start = at;
        }
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("expected a number or a param name in \"" + text + "\"");
        }
        String name = text.substring(start, at);
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown param '" + name + "'; the layout's params are " + params.keySet());
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("param '" + name + "' is " + v + ", not an integer");
        }
    }
}
