package org.waferscope.engine.api;

import java.util.Locale;

/**
 * A layer as text names it, in the command line's {@code --layer} and a program's
 * {@code "watch"}: a layer's name ({@code utilization}, {@code task-state}, ...) or
 * {@code value:} and a {@link ValueQuery} ({@code value:T}, {@code value:sum(T)}), with
 * {@code @row} after it when a 1-D array is a row of something (mandelbrot's pixels of an
 * image row), so that zoomed in each PE draws it as one row rather than as a square, or
 * {@code @halo} when the array is a tile inside a one-cell halo for a 5-point stencil
 * (heat-diffusion's T): the halo's four corners are no data of the program (nothing reads
 * or writes them), so zoomed in they are drawn as "no value", not as the value they hold.
 *
 * @param layer  the layer
 * @param value  for {@link MetricLayer#VALUE}, the variable; otherwise null
 * @param asRow  for the value layer, whether 1-D arrays are drawn as one row per PE
 * @param halo   for the value layer, whether the array's tile is drawn with its corners as no value
 */
public record LayerChoice(MetricLayer layer, ValueQuery value, boolean asRow, boolean halo) {
    static final String NAMES = "utilization, sram, traffic, backpressure, task-state, route or value:SYMBOL "
            + "(value:SYMBOL[i], value:sum(SYMBOL), mean, min, max; @row after it draws arrays as rows, "
            + "@halo draws a haloed tile's corners as no value)";

    public LayerChoice(MetricLayer layer, ValueQuery value, boolean asRow) {
        this(layer, value, asRow, false);
    }

    /** @throws IllegalArgumentException saying what was expected */
    public static LayerChoice parse(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "value:", 0, 6)) {
            String q = t.substring(6);
            boolean row = q.endsWith("@row");
            boolean halo = q.endsWith("@halo");
            String symbol = row ? q.substring(0, q.length() - 4) : halo ? q.substring(0, q.length() - 5) : q;
            return new LayerChoice(MetricLayer.VALUE, ValueQuery.parse(symbol), row, halo);
        }
        try {
            MetricLayer l = MetricLayer.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (l == MetricLayer.VALUE) {
                throw new IllegalArgumentException("the value layer needs a variable: value:SYMBOL");
            }
            return new LayerChoice(l, null, false);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the value layer")) {
                throw e;
            }
            throw new IllegalArgumentException("expected " + NAMES + ", not " + text);
        }
    }

    /** The text form, as {@link #parse} reads it. */
    public String text() {
        return layer == MetricLayer.VALUE ? "value:" + value.text() + (asRow ? "@row" : "") + (halo ? "@halo" : "") : layer.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
