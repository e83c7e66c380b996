package org.waferscope.views.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.CoreSnapshot.Counters;
import org.waferscope.engine.api.CoreSnapshot.QueueRow;
import org.waferscope.engine.api.CoreSnapshot.SymbolValue;
import org.waferscope.views.inspector.InspectorRows.NameValue;
import org.waferscope.views.inspector.InspectorRows.QueueLine;
import org.waferscope.views.inspector.InspectorRows.RouteLine;

/** Derives the inspector's table rows from a snapshot's records. */
final class InspectorLines {
    private InspectorLines() {
    }

    static List<QueueLine> queues(CoreSnapshot s) {
        List<QueueLine> out = new ArrayList<>();
        for (QueueRow q : s.inputQueues()) {
            out.add(line("in", q));
        }
        for (QueueRow q : s.outputQueues()) {
            out.add(line("out", q));
        }
        return out;
    }

    private static QueueLine line(String dir, QueueRow q) {
        String payloads = q.payloads().stream().map(p -> String.format(Locale.ROOT, "0x%08X", p))
                .collect(Collectors.joining(" "));
        return new QueueLine(dir, q.id(), q.color() < 0 ? "—" : Integer.toString(q.color()),
                q.payloads().size() + " / " + q.depth(), payloads);
    }

    static List<RouteLine> routes(CoreSnapshot s) {
        return s.routes().stream().map(r -> new RouteLine(r.color(),
                r.position() < r.positions().size() ? r.positions().get(r.position()) : "", r.position(),
                String.join("  |  ", r.positions()), r.ringMode(), r.filter() == null ? "" : r.filter(),
                r.buffered())).toList();
    }

    static List<NameValue> counters(Counters c) {
        long total = c.compute() + c.fabric() + c.stalledInput() + c.stalledBackpressure() + c.idle();
        return List.of(
                cycles("compute", c.compute(), total),
                cycles("fabric send/receive", c.fabric(), total),
                cycles("stalled on input", c.stalledInput(), total),
                cycles("stalled on back-pressure", c.stalledBackpressure(), total),
                cycles("idle", c.idle(), total),
                new NameValue("tasks run (all of its tasks)", count(c.tasksRun())),   // beside one task's runs in Tasks
                new NameValue("wavelets sent", count(c.waveletsSent())),
                new NameValue("wavelets received", count(c.waveletsReceived())));
    }

    private static NameValue cycles(String name, long v, long total) {
        String pct = total > 0 ? String.format(Locale.ROOT, "  (%.1f %%)", 100.0 * v / total) : "";
        return new NameValue(name + " cycles", count(v) + pct);
    }

    private static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String typeText(SymbolValue v) {
        StringBuilder sb = new StringBuilder(v.type().cslName());
        if (v.dims() != null && v.dims().length > 0) {
            sb.insert(0, "]").insert(0, java.util.Arrays.stream(v.dims()).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", "))).insert(0, "[");
        }
        return sb.toString();
    }
}
