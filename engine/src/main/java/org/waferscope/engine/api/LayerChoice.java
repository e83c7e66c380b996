package org.waferscope.engine.api;

import java.util.Locale;

/**
 * A layer as text names it, in the command line's {@code --layer} and a program's
 * {@code "watch"}: a layer's name ({@code utilization}, {@code task-state}, ...) or
 * {@code value:} and a {@link ValueQuery} ({@code value:T}, {@code value:sum(T)}).
 *
 * @param layer the layer
 * @param value for {@link MetricLayer#VALUE}, the variable; otherwise null
 */
public record LayerChoice(MetricLayer layer, ValueQuery value) {
    static final String NAMES = "utilization, sram, traffic, backpressure, task-state, route or value:SYMBOL "
            + "(value:SYMBOL[i], value:sum(SYMBOL), mean, min, max)";

    /** @throws IllegalArgumentException saying what was expected */
    public static LayerChoice parse(String text) {
        String t = text.strip();
        if (t.regionMatches(true, 0, "value:", 0, 6)) {
            return new LayerChoice(MetricLayer.VALUE, ValueQuery.parse(t.substring(6)));
        }
        try {
            MetricLayer l = MetricLayer.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (l == MetricLayer.VALUE) {
                throw new IllegalArgumentException("the value layer needs a variable: value:SYMBOL");
            }
            return new LayerChoice(l, null);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the value layer")) {
                throw e;
            }
            throw new IllegalArgumentException("expected " + NAMES + ", not " + text);
        }
    }

    /** The text form, as {@link #parse} reads it. */
    public String text() {
        return layer == MetricLayer.VALUE ? "value:" + value.text() : layer.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
