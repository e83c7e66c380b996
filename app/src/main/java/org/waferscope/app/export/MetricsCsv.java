package org.waferscope.app.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.arch.Direction;

/**
 * Writes a frame's layer as CSV, one row per PE: {@code x,y,value} and, for layers with
 * per-link values, one column per link direction. Comment lines first say what it is.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static void write(Frame f, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            write(f, w);
        }
    }

    public static void write(Frame f, Writer w) throws IOException {
        MetricLayer l = f.layer();
        w.write("# Waferscope metrics: " + l.title + (l.unit.isEmpty() ? "" : " (" + l.unit + ")")
                + (l == MetricLayer.ROUTE ? ", color " + f.routeColor() : "")
                + (l == MetricLayer.VALUE ? " " + (f.value() == null ? "(no variable chosen)" : f.value().title()
                + "; an empty value is a PE without the variable") : "") + "\n");
        w.write("# cycle " + f.cycle() + ", fabric " + f.width() + "x" + f.height() + ", state " + f.state() + "\n");
        boolean links = f.links() != null;
        w.write("x,y,value");
        if (links) {
            for (Direction d : Direction.LINKS) {
                w.write("," + d.name().toLowerCase(Locale.ROOT));
            }
        }
        w.write("\n");
        StringBuilder row = new StringBuilder(64);
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int pe = y * f.width() + x;
                row.setLength(0);
                row.append(x).append(',').append(y).append(',').append(number(f.values()[pe]));
                if (links) {
                    for (int d = 0; d < 4; d++) {
                        row.append(',').append(number(f.links()[pe * 4 + d]));
                    }
                }
                w.write(row.append('\n').toString());
            }
        }
    }

    private static String number(float v) {
        if (Float.isNaN(v)) {
            return "";
        }
        return v == (long) v ? Long.toString((long) v) : Float.toString(v);
    }
}
