package org.waferscope.engine.api;

import java.util.Locale;

/**
 * Which program variable the value layer shows, and how one number per PE is made of it:
 * the whole array (one PE's colour is the mean; zoomed in each PE shows every element), one
 * element, or a reduction. The text forms are those of the command line's
 * {@code --layer value:...}: {@code T}, {@code T[3]}, {@code sum(T)}, {@code max(T)},
 * {@code min(T)}, {@code mean(T)}.
 *
 * @param symbol the global's CSL name
 * @param reduce how the array becomes one number per PE
 * @param index  for {@link Reduce#ELEMENT}, the element; otherwise 0
 * @param tiles  the PEs whose whole arrays the next frames should carry (the part of the
 *               fabric zoomed in far enough to draw them), or null for none
 */
public record ValueQuery(String symbol, Reduce reduce, int index, Window tiles) {
    /** One number per PE out of an array (a scalar is an array of one). */
    public enum Reduce {
        ARRAY("whole array"), ELEMENT("element"), SUM("sum"), MEAN("mean"), MIN("min"), MAX("max");

        public final String label;

        Reduce(String label) {
            this.label = label;
        }
    }

    /** A rectangle of PEs: columns {@code x .. x+width-1}, rows {@code y .. y+height-1}. */
    public record Window(int x, int y, int width, int height) {
        public int pes() {
            return width * height;
        }
    }

    public ValueQuery {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("a value query needs a symbol name");
        }
        if (index < 0) {
            throw new IllegalArgumentException("element index " + index + " is negative");
        }
        index = reduce == Reduce.ELEMENT ? index : 0;
    }

    /** The whole array of {@code symbol} (its mean per PE; element by element when zoomed in). */
    public static ValueQuery of(String symbol) {
        return new ValueQuery(symbol, Reduce.ARRAY, 0, null);
    }

    public ValueQuery withTiles(Window w) {
        return new ValueQuery(symbol, reduce, index, w);
    }

    /**
     * Reads {@code T}, {@code T[3]} or {@code sum(T)} (sum, mean, min, max).
     *
     * @throws IllegalArgumentException naming the column where the text stops making sense
     */
    public static ValueQuery parse(String text) {
        String t = text.strip();
        int open = t.indexOf('(');
        if (open > 0) {
            if (!t.endsWith(")")) {
                throw bad(text, t.length(), "a closing ')'");
            }
            String fn = t.substring(0, open).strip().toLowerCase(Locale.ROOT);
            Reduce r = switch (fn) {
                case "sum" -> Reduce.SUM;
                case "mean" -> Reduce.MEAN;
                case "min" -> Reduce.MIN;
                case "max" -> Reduce.MAX;
                default -> throw bad(text, 1, "sum, mean, min or max before '('");
            };
            return new ValueQuery(name(text, t.substring(open + 1, t.length() - 1).strip(), open + 2), r, 0, null);
        }
        int bracket = t.indexOf('[');
        if (bracket > 0) {
            if (!t.endsWith("]")) {
                throw bad(text, t.length(), "a closing ']'");
            }
            String idx = t.substring(bracket + 1, t.length() - 1).strip();
            int i;
            try {
                i = Integer.parseInt(idx);
            } catch (NumberFormatException e) {
                throw bad(text, bracket + 2, "an element index (0, 1, ...)");
            }
            if (i < 0) {
                throw bad(text, bracket + 2, "an element index of 0 or more");
            }
            return new ValueQuery(name(text, t.substring(0, bracket).strip(), 1), Reduce.ELEMENT, i, null);
        }
        return of(name(text, t, 1));
    }

    private static String name(String text, String n, int col) {
        if (n.isEmpty() || !n.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw bad(text, col, "a variable name");
        }
        return n;
    }

    private static IllegalArgumentException bad(String text, int col, String expected) {
        return new IllegalArgumentException("value:" + text + ":" + col + ": expected " + expected);
    }

    /** The text form, as {@link #parse} reads it. */
    public String text() {
        return switch (reduce) {
            case ARRAY -> symbol;
            case ELEMENT -> symbol + "[" + index + "]";
            default -> reduce.name().toLowerCase(Locale.ROOT) + "(" + symbol + ")";
        };
    }
}
