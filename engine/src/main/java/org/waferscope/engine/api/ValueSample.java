package org.waferscope.engine.api;

import org.waferscope.engine.arch.ElementType;

/**
 * What the value layer read for a {@link ValueQuery}, beside the frame's one number per PE
 * (NaN where a PE has no such variable). Owned by the frame.
 *
 * @param query     what was asked, as answered
 * @param type      the variable's element type (from the first PE program that has it)
 * @param length    elements per PE (the longest where programs differ)
 * @param dims      the declared shape, e.g. {36}; {} for a scalar
 * @param pes       how many PEs have the variable
 * @param tiles     the window of PEs whose whole arrays {@code elements} holds, or null
 * @param elements  for each PE of {@code tiles}, row-major, its {@code length} elements
 *                  (NaN past a shorter array or on a PE without it); empty without tiles
 * @param elementMin the low end of the range {@code elements} are coloured on: the smallest of
 *                  them, or when one element is chosen, that element's smallest over the PEs
 *                  (0 when none)
 * @param elementMax the high end, alike
 * @param problem   why nothing could be read ("no PE has a variable X", an index out of
 *                  range), or ""
 */
public record ValueSample(ValueQuery query, ElementType type, int length, int[] dims, int pes,
                          ValueQuery.Window tiles, float[] elements, float elementMin, float elementMax,
                          String problem) {

    /** An answer that read nothing, saying why. */
    public static ValueSample missing(ValueQuery q, String problem) {
        return new ValueSample(q, ElementType.F32, 0, new int[0], 0, null, new float[0], 0, 0, problem);
    }

    /** "T · [36]f32", "sum(T) · [36]f32": what the legend calls the layer. */
    public String title() {
        if (type == null || pes == 0) {
            return query.text();
        }
        StringBuilder shape = new StringBuilder();
        for (int d : dims) {
            shape.append('[').append(d).append(']');
        }
        return query.text() + " · " + shape + type.cslName();
    }

    /** Element {@code i} of PE (x, y) inside {@code tiles}, or NaN. */
    public float element(int x, int y, int i) {
        if (tiles == null || x < tiles.x() || y < tiles.y() || x >= tiles.x() + tiles.width()
                || y >= tiles.y() + tiles.height() || i < 0 || i >= length) {
            return Float.NaN;
        }
        return elements[((y - tiles.y()) * tiles.width() + (x - tiles.x())) * length + i];
    }
}
