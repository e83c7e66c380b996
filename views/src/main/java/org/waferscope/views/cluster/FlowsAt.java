package org.waferscope.views.cluster;

import java.util.HashMap;
import java.util.Map;
import org.waferscope.engine.api.ClusterFrame;

/** What moves and what computes at one instant of a step's schedule, in bytes per second. */
final class FlowsAt {
    double memoryDown;
    double memoryUp;
    double down;
    double up;
    String memoryActivity = "";
    String caption = "";
    private final Map<String, String> systems = new HashMap<>();

    static FlowsAt of(ClusterFrame f, double t) {
        FlowsAt a = new FlowsAt();
        StringBuilder caption = new StringBuilder();
        for (ClusterFrame.Bar b : f.bars()) {
            if (t < b.start() || t >= b.end()) {
                continue;
            }
            String what = b.kind().toLowerCase(java.util.Locale.ROOT) + " L" + b.layer();
            switch (b.kind()) {
                case "READ" -> {
                    a.memoryDown += b.rate();
                    a.memoryActivity = what;
                }
                case "UPDATE" -> a.memoryActivity = what;
                case "BROADCAST" -> a.down += b.rate();
                case "REDUCE" -> {
                    a.up += b.rate();
                    a.memoryUp += b.rate();
                }
                default -> a.systems.put(b.row(), what);
            }
            if (!b.row().startsWith("CS-") && caption.indexOf(what) < 0) {
                caption.append(caption.length() == 0 ? "" : ", ").append(b.row()).append(": ").append(what);
            }
        }
        a.caption = caption.toString();
        return a;
    }

    String systemActivity(String name) {
        return systems.getOrDefault(name, "");
    }
}
