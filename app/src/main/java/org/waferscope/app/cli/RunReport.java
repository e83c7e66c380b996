package org.waferscope.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.host.CheckResult;
import org.waferscope.engine.host.HostStep;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.RunResult;

/** What {@code run} prints: a readable summary, or one JSON object. */
final class RunReport {
    private final String program;
    private final WaferProgram p;
    private final RunResult r;
    private final int threads;
    /** Bands the fabric was split into: fewer than the threads asked for when it has fewer 64-PE words. */
    private final int workers;

    RunReport(String program, WaferProgram p, RunResult r, int threads, int workers) {
        this.program = program;
        this.p = p;
        this.r = r;
        this.threads = threads;
        this.workers = workers;
    }

    void text(PrintWriter out) {
        String used = workers == threads ? "" : ", " + workers + " used (a worker takes at least 64 PEs)";
        out.printf(Locale.ROOT, "%s  [%s, %d × %d PEs, %d thread%s%s]%n", p.title(), p.profile().name(),
                p.layout().width(), p.layout().height(), threads, threads == 1 ? "" : "s", used);
        for (ConsoleLine l : r.console()) {
            if (l.kind() == ConsoleLine.Kind.PRINT) {
                out.println(line(l));
            }
        }
        for (CheckResult c : r.checks()) {
            // the verdict heads the line, so the outcome does not say it again ("PASS check y passed")
            out.println((c.pass() ? "PASS check " + c.name() + " " : "FAIL check " + c.name() + ": ") + c.outcome());
        }
        long planned = p.steps().stream().filter(s -> s instanceof HostStep.Check).count();
        if (planned == 0) {
            out.println("no checks: this program's run.json checks nothing, so a run to its end exits 0");
        } else if (r.checks().size() < planned) {
            out.println("checks not reached: " + (planned - r.checks().size()) + " of " + planned
                    + " did not run, as the run stopped before them");
        }
        if (!r.report().isEmpty()) {
            String head = r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            // a report that opens with its own "deadlock ..." line heads itself: no "deadlock:" above it
            boolean headed = r.report().get(0).startsWith(head);
            if (!headed) {
                out.println(head + ":");
            }
            for (int i = 0; i < r.report().size(); i++) {
                out.println((headed && i == 0 ? "" : "  ") + r.report().get(i));
            }
        }
        out.printf(Locale.ROOT, "status        %s%n", r.status());
        out.printf(Locale.ROOT, "cycles        %,d (%.3f us at %.2f GHz)%n", r.cycles(), p.profile().seconds(r.cycles()) * 1e6,
                p.profile().clockHz() / 1e9);
        out.printf(Locale.ROOT, "wavelet hops  %,d%n", r.linkHops());
        out.printf(Locale.ROOT, "wall time     %.3f s (%,.0f cycles/s)%n", r.wallSeconds(), r.cyclesPerSecond());
        out.printf(Locale.ROOT, "state hash    %016x%n", r.stateHash());
    }

    /** A console line without the newline a program's format string may end with. */
    private static String line(ConsoleLine l) {
        String s = l.toString();
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Params as JSON numbers and booleans where they are such (the loader keeps them as text), by name. */
    static Map<String, Object> typed(Map<String, String> params) {
        Map<String, Object> out = new java.util.TreeMap<>();
        params.forEach((k, v) -> {
            Object t = v;
            if (v.equals("true") || v.equals("false")) {
                t = Boolean.valueOf(v);
            } else if (v.matches("-?[0-9]{1,18}")) {
                t = Long.valueOf(v);
            } else if (v.matches("-?[0-9.]+([eE][-+]?[0-9]+)?")) {
                try {
                    t = Double.valueOf(v);
                } catch (NumberFormatException e) {
                    t = v;
                }
            }
            out.put(k, t);
        });
        return out;
    }

    /** What --json prints for a program that cannot run: its errors, each with its position. */
    static String invalid(String program, List<org.waferscope.engine.csl.Diagnostic> errors, int dropped) {
        return failed(program, "INVALID", errors, dropped);
    }

    /** What --json prints for a run that never started: a status and its errors, each with its position. */
    static String failed(String program, String status, List<org.waferscope.engine.csl.Diagnostic> errors,
                         int dropped) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("program", program);
        o.put("status", status);
        List<Map<String, Object>> list = new ArrayList<>();
        for (org.waferscope.engine.csl.Diagnostic d : errors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", d.pos().file());
            m.put("line", d.pos().line());
            m.put("column", d.pos().column());
            m.put("message", d.message());
            list.add(m);
        }
        o.put("errors", list);
        o.put("moreErrors", dropped);
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("program", program);
        o.put("title", p.title());
        o.put("arch", p.profile().name());
        Map<String, Object> fabric = new LinkedHashMap<>();
        fabric.put("width", p.layout().width());
        fabric.put("height", p.layout().height());
        o.put("fabric", fabric);
        o.put("params", typed(p.params()));
        o.put("threads", threads);
        o.put("workers", workers);
        o.put("status", r.status().name());
        o.put("cycles", r.cycles());
        o.put("simulatedSeconds", p.profile().seconds(r.cycles()));
        o.put("stateHash", String.format("%016x", r.stateHash()));
        List<Map<String, Object>> checks = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("pass", c.pass());
            m.put("maxAbsError", Double.isFinite(c.maxAbsError()) ? c.maxAbsError() : null);
            m.put("mismatches", c.mismatches());
            checks.add(m);
        }
        o.put("checks", checks);
        o.put("wavelets", r.linkHops());
        o.put("wallSeconds", r.wallSeconds());
        o.put("cyclesPerSecond", r.cyclesPerSecond());
        List<String> prints = new ArrayList<>();
        for (ConsoleLine l : r.console()) {
            if (l.kind() == ConsoleLine.Kind.PRINT) {
                prints.add(line(l));
            }
        }
        o.put("console", prints);
        o.put("report", r.report());
        try {
            return new ObjectMapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
