package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.LayerChoice;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Simulator;
import org.waferscope.engine.sim.Wafer;

/**
 * {@code bench --cycles N} and {@code bench --cycles N --explorer}: the same program run for
 * N cycles either as {@code run} does (a bare wafer) or as the explorer does (the simulator
 * with its step-back snapshots, frames of the program's watched layer at the display rate,
 * and its heap budget), then, in the explorer's case, one step back. Run each in its own
 * process to compare their resident memory.
 */
final class ExplorerBench {
    private ExplorerBench() {
    }

    static void cli(WaferProgram p, int threads, long cycles, PrintWriter out) {
        long t0 = System.nanoTime();
        try (Wafer w = Wafer.load(p, threads)) {
            double load = seconds(t0);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            w.advance(cycles, false, false);
            double run = seconds(t1);
            double cpu = (cpuNanos() - c1) / 1e9;
            out.printf(Locale.ROOT, "cli       threads %d  load %.2f s  %d cycles in %.2f s = %.2f cycles/s, "
                    + "%.2f per CPU-second of this thread  state %016x%n",
                    threads, load, w.cycle(), run, w.cycle() / run, w.cycle() / cpu, w.stateHash());
        }
        printMemory(out);
    }

    static void explorer(WaferProgram p, int threads, long cycles, PrintWriter out) {
        try (Simulator sim = new Simulator(threads)) {
            long t0 = System.nanoTime();
            sim.load(p);
            FrameRequest request = FrameRequest.DEFAULT;
            if (!p.watch().isEmpty()) {
                LayerChoice c = LayerChoice.parse(p.watch());
                request = request.withLayer(c.layer()).withValue(c.value());
            }
            sim.post(new Command.Request(request));
            sim.tick();
            double load = seconds(t0);
            long frames0 = sim.latestFrame().number();
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            sim.post(new Command.Run());
            while (sim.latestFrame().cycle() < cycles && runnable(sim.state())) {
                sim.tick();
            }
            sim.post(new Command.Pause());
            sim.tick();
            double run = seconds(t1);
            double cpu = (cpuNanos() - c1) / 1e9;
            long done = sim.latestFrame().cycle();
            long frames = sim.latestFrame().number() - frames0;
            out.printf(Locale.ROOT, "explorer  threads %d  load %.2f s  %d cycles in %.2f s = %.2f cycles/s, "
                    + "%.2f per CPU-second of this thread  %d frames  state %016x%n",
                    threads, load, done, run, done / run, done / cpu, frames, sim.stateHash());
            Simulator.SnapshotFigures snaps = sim.snapshotFigures();
            out.printf(Locale.ROOT, "snapshots %d kept, %d MB, %.2f s taking them (%.0f %% of the run)%n", snaps.kept(),
                    snaps.bytes() >> 20, snaps.takenNanos() / 1e9, 100 * snaps.takenNanos() / 1e9 / run);
            for (long back : new long[] {1, 1, 10}) {
                long t2 = System.nanoTime();
                long c2 = cpuNanos();
                sim.post(new Command.StepBack(back));
                sim.tick();
                out.printf(Locale.ROOT, "step back %d cycle(s) to %d: %.2f s (%.2f s CPU)%n", back,
                        sim.latestFrame().cycle(), seconds(t2), (cpuNanos() - c2) / 1e9);
            }
        }
        printMemory(out);
    }

    private static boolean runnable(SimState s) {
        return s == SimState.RUNNING || s == SimState.LOADED || s == SimState.PAUSED;
    }

    private static void printMemory(PrintWriter out) {
        long[] rss = org.waferscope.engine.api.HostMachine.residentMb();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "memory    resident %d MB, peak %d MB; heap committed %d MB of at most %d MB%n",
                rss[0], rss[1], rt.totalMemory() >> 20, rt.maxMemory() >> 20);
    }

    /** This thread's CPU time: the figure that stays steady when other jobs share the cores. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
