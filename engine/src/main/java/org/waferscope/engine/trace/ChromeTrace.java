package org.waferscope.engine.trace;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.engine.api.TimelinePoint;

/**
 * Writes PE histories as Chrome trace-event JSON, the format Perfetto's UI and
 * chrome://tracing open. One microsecond of trace time is one cycle. Each PE is a process
 * ("PE (x, y)") with two threads: "CE" holds task slices with stalls nested in them,
 * "router" a one-cycle slice wherever wavelets crossed its links; flow events (s/f) link a
 * wavelet leaving one PE to its arrival at the neighbour. Process 0 ("fabric") carries the
 * recorded timeline as counters.
 */
public final class ChromeTrace {
    /** Flow arrows written at most; a trace of a busy fabric would otherwise be mostly arrows. */
    public static final int MAX_FLOWS = 200_000;
    private static final int CE = 1;
    private static final int ROUTER = 2;

    /** What a trace holds besides the tracks: where it came from and the fabric-wide counters. */
    public record Run(String program, int fabricWidth, long cycles, String status, List<TimelinePoint> timeline) {
    }

    /** Counts of what was written, for the command line's summary and tests. */
    public record Written(int taskSlices, int stalls, int linkSlices, int flows, boolean flowsCut) {
    }

    private ChromeTrace() {
    }

    public static Written write(OutputStream out, Run run, List<PeTrack> tracks) throws IOException {
        Map<Long, PeTrack> byPe = new HashMap<>();
        for (PeTrack t : tracks) {
            byPe.put(pe(t.x(), t.y(), run.fabricWidth()), t);
        }
        int slices = 0;
        int stalls = 0;
        int links = 0;
        int flows = 0;
        boolean cut = false;
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("otherData");
            g.writeStringField("program", run.program());
            g.writeNumberField("cycles", run.cycles());
            g.writeStringField("status", run.status());
            g.writeStringField("time", "1 us of trace time = 1 cycle");
            g.writeEndObject();
            g.writeArrayFieldStart("traceEvents");
            meta(g, "process_name", 0, 0, "fabric");
            counters(g, run.timeline());
            for (PeTrack t : tracks) {
                long pid = pid(t, run.fabricWidth());
                meta(g, "process_name", pid, 0, "PE (" + t.x() + ", " + t.y() + ")");
                sortIndex(g, pid);
                meta(g, "thread_name", pid, CE, "CE");
                meta(g, "thread_name", pid, ROUTER, "router");
                for (PeTrack.Slice s : t.taskSlices()) {
                    slice(g, pid, CE, s.start(), s.length(), s.name(), "task");
                    slices++;
                }
                for (PeTrack.Slice s : t.stalls()) {
                    slice(g, pid, CE, s.start(), s.length(), s.name(), "stall");
                    stalls++;
                }
            }
            for (PeTrack t : tracks) {
                long pid = pid(t, run.fabricWidth());
                for (int i = 0; i < t.cycles(); i++) {
                    int outBits = t.linkOut()[i];
                    int inBits = t.linkIn()[i];
                    if (outBits == 0 && inBits == 0) {
                        continue;
                    }
                    long c = t.firstCycle() + i;
                    slice(g, pid, ROUTER, c, 1, linkName(inBits, outBits), "link");
                    links++;
                    for (int d = 0; d < 4; d++) {
                        PeTrack to = (outBits & (1 << d)) != 0 ? byPe.get(neighbour(t, d, run.fabricWidth())) : null;
                        if (to == null) {
                            continue;
                        }
                        if (flows >= MAX_FLOWS) {
                            cut = true;
                            continue;
                        }
                        flows++;
                        flow(g, "s", flows, pid, c);
                        flow(g, "f", flows, pid(to, run.fabricWidth()), c);
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return new Written(slices, stalls, links, flows, cut);
    }

    private static long pe(int x, int y, int width) {
        return (long) y * width + x;
    }

    /** Process ids start at 1: 0 is the fabric's counters. */
    private static long pid(PeTrack t, int width) {
        return pe(t.x(), t.y(), width) + 1;
    }

    private static long neighbour(PeTrack t, int d, int width) {
        return switch (d) {
            case 0 -> pe(t.x(), t.y() - 1, width);
            case 1 -> pe(t.x(), t.y() + 1, width);
            case 2 -> t.x() + 1 < width ? pe(t.x() + 1, t.y(), width) : -1;
            default -> t.x() > 0 ? pe(t.x() - 1, t.y(), width) : -1;
        };
    }

    static String linkName(int in, int out) {
        StringBuilder b = new StringBuilder();
        if (in != 0) {
            b.append("in ").append(dirs(in));
        }
        if (out != 0) {
            b.append(b.isEmpty() ? "" : ", ").append("out ").append(dirs(out));
        }
        return b.toString();
    }

    private static String dirs(int mask) {
        StringBuilder b = new StringBuilder();
        for (int d = 0; d < 4; d++) {
            if ((mask & (1 << d)) != 0) {
                b.append(PeTrack.DIRECTIONS[d]);
            }
        }
        return b.toString();
    }

    private static void meta(JsonGenerator g, String what, long pid, int tid, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", what);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeObjectFieldStart("args");
        g.writeStringField("name", name);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void sortIndex(JsonGenerator g, long pid) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "M");
        g.writeStringField("name", "process_sort_index");
        g.writeNumberField("pid", pid);
        g.writeObjectFieldStart("args");
        g.writeNumberField("sort_index", pid);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void slice(JsonGenerator g, long pid, int tid, long ts, long dur, String name, String cat)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", "X");
        g.writeStringField("name", name);
        g.writeStringField("cat", cat);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", tid);
        g.writeNumberField("ts", ts);
        g.writeNumberField("dur", dur);
        g.writeEndObject();
    }

    private static void flow(JsonGenerator g, String ph, int id, long pid, long ts) throws IOException {
        g.writeStartObject();
        g.writeStringField("ph", ph);
        g.writeStringField("name", "wavelet");
        g.writeStringField("cat", "link");
        g.writeNumberField("id", id);
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", ROUTER);
        g.writeNumberField("ts", ts);
        if (ph.equals("f")) {
            g.writeStringField("bp", "e");
        }
        g.writeEndObject();
    }

    private static void counters(JsonGenerator g, List<TimelinePoint> timeline) throws IOException {
        for (TimelinePoint p : timeline) {
            g.writeStartObject();
            g.writeStringField("ph", "C");
            g.writeStringField("name", "fabric");
            g.writeNumberField("pid", 0);
            g.writeNumberField("tid", 0);
            g.writeNumberField("ts", p.cycle() - p.span());
            g.writeObjectFieldStart("args");
            g.writeNumberField("utilization %", Math.round(p.utilization() * 1000) / 10.0);
            g.writeNumberField("stalled %", Math.round(p.stalled() * 1000) / 10.0);
            g.writeNumberField("link hops per cycle", Math.round(p.hops() * 100) / 100.0);
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
