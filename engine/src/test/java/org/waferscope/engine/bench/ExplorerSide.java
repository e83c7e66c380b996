package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.LayerChoice;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Simulator;
import org.waferscope.engine.sim.Wafer;

/**
 * One side of {@link ExplorerStepAB}: a program run as the explorer runs it (the simulator,
 * its snapshots and frames, "run to cycle N" as a user would) or as {@code run} does (a bare
 * wafer), in the class loader of the build being measured, which {@link ExplorerStepAB}
 * drives by reflection (the builds share no class).
 */
public final class ExplorerSide {
    private final Simulator sim;
    private final Wafer bare;
    private long target;
    private long bareNanos;

    public ExplorerSide(Path folder, Map<String, String> params, boolean asRun) throws Exception {
        WaferProgram p = ProgramLoader.load(folder, ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        if (asRun) {
            bare = Wafer.load(p, 1);
            sim = null;
            return;
        }
        bare = null;
        sim = new Simulator(1);
        sim.load(p);
        sim.post(new Command.Request(watching(p.watch())));
        sim.tick();
    }

    /** {@code FrameRequest.watching}, which builds before session 13, measured against, do not have. */
    private static FrameRequest watching(String watch) {
        LayerChoice c = watch.isEmpty() ? null : LayerChoice.parse(watch);
        return c == null ? FrameRequest.DEFAULT : FrameRequest.DEFAULT.withLayer(c.layer()).withValue(c.value());
    }

    /** Runs {@code cycles} more cycles: to a cycle breakpoint in the explorer's loop, or in one call of the bare wafer. */
    public void run(long cycles) {
        target += cycles;
        if (bare != null) {
            long c0 = cpu();
            bare.advance(cycles, false, false);
            bareNanos += cpu() - c0;
            return;
        }
        sim.post(new Command.SetBreakpoints(List.of(new Breakpoint.AtCycle(target))));
        sim.post(new Command.Run());
        sim.tick();
        while (sim.state() == SimState.RUNNING) {
            sim.tick();
        }
    }

    /** CPU of this thread spent stepping the wafer so far: all a bare run spends. */
    public long steppingNanos() {
        return bare != null ? bareNanos : sim.runCosts().steppingCpuNanos();
    }

    /** CPU of this thread spent while running so far, snapshots and frames included. */
    public long runningNanos() {
        return bare != null ? bareNanos : sim.runCosts().runningCpuNanos();
    }

    public long cycle() {
        return bare != null ? bare.cycle() : sim.latestFrame().cycle();
    }

    public long hash() {
        return bare != null ? bare.stateHash() : sim.stateHash();
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
