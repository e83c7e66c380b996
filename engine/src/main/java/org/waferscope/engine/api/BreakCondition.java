package org.waferscope.engine.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison of one element of a PE's global with a number, as a breakpoint condition:
 * {@code sum > 100}, {@code y[2] == 0}, or, for a symbol breakpoint, just {@code > 3}
 * (the symbol itself) or {@code [2] == 0}.
 *
 * @param symbol the global's name
 * @param index  the element (0 for a scalar)
 * @param op     one of {@code == != < <= > >=}
 * @param value  what the element is compared with (as a double, for ints and floats alike)
 */
public record BreakCondition(String symbol, int index, String op, double value) {
    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z_0-9]*)?\\s*(?:\\[\\s*(\\d+)\\s*\\])?\\s*(==|!=|<=|>=|<|>)\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*");

    /**
     * Parses {@code text}; a missing name means {@code defaultSymbol} (null: the name is required).
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static BreakCondition parse(String text, String defaultSymbol) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a comparison such as 'sum > 100' or 'y[2] == 0', found '"
                    + text.trim() + "'");
        }
        String name = m.group(1) != null ? m.group(1) : defaultSymbol;
        if (name == null) {
            throw new IllegalArgumentException("expected a variable name before '" + m.group(3) + "' in '" + text.trim() + "'");
        }
        int index = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        double v;
        try {
            v = Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number after '" + m.group(3) + "', found '" + m.group(4) + "'");
        }
        return new BreakCondition(name, index, m.group(3), v);
    }

    /** Whether {@code actual} meets the comparison. */
    public boolean test(double actual) {
        return switch (op) {
            case "==" -> actual == value;
            case "!=" -> actual != value;
            case "<" -> actual < value;
            case "<=" -> actual <= value;
            case ">" -> actual > value;
            default -> actual >= value;
        };
    }
}
