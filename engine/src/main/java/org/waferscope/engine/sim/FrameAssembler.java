package org.waferscope.engine.sim;

import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fabric.LayerSampler;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.values.ValueSampler;

/**
 * Builds the numbered frames the views pull: the requested layer (a program variable's values for
 * the value layer), fabric totals, and the recorded timeline. Simulation thread only.
 */
final class FrameAssembler {
    private final Wafer wafer;
    private final LayerSampler sampler;
    private final ValueSampler values;
    private final int programPes;

    FrameAssembler(Wafer wafer) {
        this.wafer = wafer;
        this.sampler = new LayerSampler(wafer.fabric());
        this.values = new ValueSampler(wafer.fabric());
        this.programPes = Math.max(1, FabricMetrics.programPes(wafer.fabric()));
    }

    /** After a restore: the cycle went backwards, so rate windows start again from here (the wafer rewinds its timeline). */
    void rewound() {
        sampler.reset();
    }

    /** The frame shown before any program is on the wafer. */
    static Frame noWafer(long number, SimState state, FrameRequest request, String message) {
        return new Frame(number, 0, state, 1, 1, request.layer(), request.routeColor(), new float[1], 0, 1, null,
                FabricStats.NONE, java.util.List.of(), message);
    }

    Frame build(long number, SimState state, FrameRequest request, double cyclesPerSecond, String message) {
        Fabric f = wafer.fabric();
        // running totals the steppers keep, cycle by cycle: sweeping the channels and links took
        // half of a full-wafer frame
        long inFlight = wafer.timeline().waveletsHeld();
        boolean value = request.layer() == MetricLayer.VALUE;
        LayerSampler.Sample s = value ? null : sampler.sample(request.layer(), request.routeColor(), request.wholeRun());
        FabricStats stats = new FabricStats(programPes, FabricMetrics.workingPes(f), inFlight,
                wafer.timeline().totals().hops(), wafer.tasksStarted(), f.profile.seconds(f.cycle()), cyclesPerSecond,
                wafer.hostStatus(), f.profile.name());
        if (value) {
            ValueSampler.Result r = values.sample(request.value());
            return new Frame(number, f.cycle(), state, f.width, f.height, MetricLayer.VALUE, request.routeColor(),
                    r.values(), r.min(), r.max(), null, stats, wafer.timeline().points(programPes), message, null, r.sample());
        }
        return new Frame(number, f.cycle(), state, f.width, f.height, request.layer(), request.routeColor(), s.values(),
                s.min(), s.max(), s.links(), stats, wafer.timeline().points(programPes), message);
    }
}
