package org.waferscope.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.trace.RunComparison;
import org.waferscope.engine.trace.RunSummary;

/** The {@code compare} command's output, as text for people or one JSON object for scripts. */
public final class CompareReport {
    private final String labelA;
    private final String labelB;
    private final RunComparison c;

    public CompareReport(String labelA, String labelB, RunComparison c) {
        this.labelA = labelA;
        this.labelB = labelB;
        this.c = c;
    }

    public void text(PrintWriter out) {
        RunSummary a = c.a();
        RunSummary b = c.b();
        out.printf("A: %s%nB: %s%n", labelA, labelB);
        out.printf(Locale.ROOT, "%-26s %14s %14s %14s%n", "", "A", "B", "B - A");
        row(out, "cycles", a.cycles(), b.cycles());
        out.printf(Locale.ROOT, "%-26s %14s %14s%n", "status", a.status(), b.status());
        String shapeA = a.width() + " × " + a.height();
        String shapeB = b.width() + " × " + b.height();
        out.printf(Locale.ROOT, "%-26s %14s %14s %14s%n", "fabric", shapeA, shapeB, shapeA.equals(shapeB) ? "same" : "differs");
        row(out, "link hops", a.linkHops(), b.linkHops());
        row(out, "tasks started", a.tasksStarted(), b.tasksStarted());
        for (RunComparison.CheckDiff d : c.checks()) {
            out.printf(Locale.ROOT, "%-26s %14s %14s %14s%n  %s%n", "check", pass(d.passA()), pass(d.passB()),
                    java.util.Objects.equals(d.passA(), d.passB()) ? "same" : "differs", d.name());
        }
        out.println("layers over the whole run (mean per PE; |B - A| per PE):");
        for (RunComparison.LayerDiff l : c.layers()) {
            // B - A signed as the counts' rows above sign theirs ("+435", "+0")
            out.printf(Locale.ROOT, "  %-24s %14.3f %14.3f %+14.3f  %s%n", name(l), l.meanA(), l.meanB(),
                    l.meanB() - l.meanA(), perPe(l));
        }
        out.println(c.identical() ? "the two runs are identical" : "the runs differ");
    }

    /** The per-PE difference: only where the fabrics match, PE for PE; enough digits to see a small one. */
    static String perPe(RunComparison.LayerDiff l) {
        if (!l.sameShape()) {
            return "fabrics differ in shape: no PE-by-PE difference";
        }
        if (l.differingPes() == 0) {
            return "no PE differs";
        }
        return String.format(Locale.ROOT, "max |B-A| %.3g, %d PE%s differ%s", l.maxAbsDiff(), l.differingPes(),
                l.differingPes() == 1 ? "" : "s", l.differingPes() == 1 ? "s" : "");
    }

    private static String name(RunComparison.LayerDiff l) {
        return l.layer().name().toLowerCase(Locale.ROOT) + " (" + l.unit() + ")";
    }

    private static void row(PrintWriter out, String what, long a, long b) {
        out.printf(Locale.ROOT, "%-26s %,14d %,14d %+,14d%n", what, a, b, b - a);
    }

    private static String pass(Boolean p) {
        return p == null ? "-" : p ? "pass" : "FAIL";
    }

    String json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", run(labelA, c.a()));
        m.put("b", run(labelB, c.b()));
        m.put("cycleDifference", c.cycleDifference());
        List<Map<String, Object>> checks = new ArrayList<>();
        for (RunComparison.CheckDiff d : c.checks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", d.name());
            x.put("passA", d.passA());
            x.put("passB", d.passB());
            checks.add(x);
        }
        m.put("checks", checks);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (RunComparison.LayerDiff l : c.layers()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("layer", l.layer().name().toLowerCase(Locale.ROOT));
            x.put("unit", l.unit());
            x.put("meanA", l.meanA());
            x.put("meanB", l.meanB());
            x.put("maxAbsDiff", l.maxAbsDiff());
            x.put("meanAbsDiff", l.meanAbsDiff());
            x.put("differingPes", l.sameShape() ? l.differingPes() : null);
            layers.add(x);
        }
        m.put("layers", layers);
        m.put("identical", c.identical());
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> run(String label, RunSummary r) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("program", label);
        x.put("title", r.title());
        x.put("width", r.width());
        x.put("height", r.height());
        x.put("cycles", r.cycles());
        x.put("status", r.status());
        x.put("linkHops", r.linkHops());
        x.put("tasksStarted", r.tasksStarted());
        return x;
    }
}
