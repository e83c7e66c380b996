package org.waferscope.engine.sim;

import org.waferscope.engine.api.FabricStats;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fabric.LayerSampler;

/**
 * Builds the numbered frames the views pull: the requested layer, fabric totals, and the
 * timeline, sampled once per published frame. Simulation thread only.
 */
final class FrameAssembler {
    private final Wafer wafer;
    private final LayerSampler sampler;
    private final int programPes;

    FrameAssembler(Wafer wafer) {
        this.wafer = wafer;
        this.sampler = new LayerSampler(wafer.fabric());
        this.programPes = Math.max(1, FabricMetrics.programPes(wafer.fabric()));
    }

    /** After a restore: the cycle went backwards, so rate windows start again from here (the wafer rewinds its timeline). */
    void rewound() {
        sampler.reset();
    }

    Frame build(long number, SimState state, FrameRequest request, double cyclesPerSecond, String message) {
        Fabric f = wafer.fabric();
        long inFlight = FabricMetrics.waveletsInFlight(f);
        LayerSampler.Sample s = sampler.sample(request.layer(), request.routeColor(), request.wholeRun());
        FabricStats stats = new FabricStats(programPes, FabricMetrics.workingPes(f), inFlight,
                wafer.totalLinkHops(), wafer.tasksStarted(), f.profile.seconds(f.cycle()), cyclesPerSecond,
                wafer.hostActivity(), f.profile.name());
        return new Frame(number, f.cycle(), state, f.width, f.height, request.layer(), request.routeColor(), s.values(),
                s.min(), s.max(), s.links(), stats, wafer.timeline().points(programPes), message);
    }
}
