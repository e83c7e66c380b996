package org.waferscope.engine.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.api.TimelinePoint;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fabric.LayerSampler;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.values.ValueSampler;

/**
 * Builds the numbered frames the views pull: the requested layer, fabric totals, and the
 * timeline, sampled once per published frame. Simulation thread only.
 */
final class FrameAssembler {
    private static final int TIMELINE_POINTS = 600;

    private final Wafer wafer;
    private final LayerSampler sampler;
    private final ValueSampler values;
    private final int programPes;
    private final ArrayDeque<TimelinePoint> timeline = new ArrayDeque<>();
    private long lastCycle = -1;
    private long lastBusy;
    private long lastSelectedBusy;
    private int lastSelected = -1;

    FrameAssembler(Wafer wafer) {
        this.wafer = wafer;
        this.sampler = new LayerSampler(wafer.fabric());
        this.values = new ValueSampler(wafer.fabric());
        this.programPes = Math.max(1, FabricMetrics.programPes(wafer.fabric()));
    }

    /** After a restore: the cycle went backwards, so windows and the timeline start again from here. */
    void rewound() {
        sampler.reset();
        timeline.removeIf(t -> t.cycle() > wafer.cycle());
        lastCycle = -1;
    }

    Frame build(long number, SimState state, FrameRequest request, double cyclesPerSecond, String message) {
        Fabric f = wafer.fabric();
        int selected = request.selectedX() >= 0 && request.selectedX() < f.width && request.selectedY() >= 0
                && request.selectedY() < f.height ? f.pe(request.selectedX(), request.selectedY()) : -1;
        // one pass over every buffer per frame (on a full wafer, millions of them), shared by both uses
        long inFlight = FabricMetrics.waveletsInFlight(f);
        sampleTimeline(f, selected, inFlight);
        boolean value = request.layer() == MetricLayer.VALUE;
        LayerSampler.Sample s = value ? null : sampler.sample(request.layer(), request.routeColor(), request.wholeRun());
        FabricStats stats = new FabricStats(programPes, FabricMetrics.activePes(f), inFlight,
                wafer.totalLinkHops(), wafer.tasksStarted(), f.profile.seconds(f.cycle()), cyclesPerSecond,
                wafer.hostActivity(), f.profile.name());
        if (value) {
            ValueSampler.Result r = values.sample(request.value());
            return new Frame(number, f.cycle(), state, f.width, f.height, MetricLayer.VALUE, request.routeColor(),
                    r.values(), r.min(), r.max(), null, stats, new ArrayList<>(timeline), message, r.sample());
        }
        return new Frame(number, f.cycle(), state, f.width, f.height, request.layer(), request.routeColor(), s.values(),
                s.min(), s.max(), s.links(), stats, new ArrayList<>(timeline), message);
    }

    private void sampleTimeline(Fabric f, int selected, long inFlight) {
        long now = f.cycle();
        long busy = FabricMetrics.totalBusy(f);
        long selBusy = selected >= 0 ? FabricMetrics.busyOf(f, selected) : 0;
        if (lastCycle >= 0 && now > lastCycle) {
            long window = now - lastCycle;
            float util = (float) (busy - lastBusy) / ((float) window * programPes);
            float sel = selected >= 0 && selected == lastSelected ? (float) (selBusy - lastSelectedBusy) / window : -1;
            timeline.addLast(new TimelinePoint(now, util, (int) inFlight, sel));
            while (timeline.size() > TIMELINE_POINTS) {
                timeline.removeFirst();
            }
        }
        if (now != lastCycle || selected != lastSelected) {
            lastCycle = now;
            lastBusy = busy;
            lastSelectedBusy = selBusy;
            lastSelected = selected;
        }
    }
}
