package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.FrameRequest;
import org.waferscope.engine.api.SimState;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.HistoryBytes;
import org.waferscope.engine.sim.RunCosts;
import org.waferscope.engine.sim.Simulator;
import org.waferscope.engine.sim.SnapshotFigures;
import org.waferscope.engine.sim.StepBackFigures;
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

    /** Runs as {@code run} does; returns cycles per CPU-second of this thread. */
    static double cli(WaferProgram p, int threads, long cycles, PrintWriter out) {
        long t0 = System.nanoTime();
        try (Wafer w = Wafer.load(p, threads)) {
            double load = seconds(t0);
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            long p1 = processCpuNanos();
            w.advance(cycles, false, false);
            double run = seconds(t1);
            double cpu = (cpuNanos() - c1) / 1e9;
            double all = (processCpuNanos() - p1) / 1e9;
            out.printf(Locale.ROOT, "cli       threads %d  load %.2f s  %d cycles in %.2f s = %.2f cycles/s, "
                    + "%.2f per CPU-second of this thread, %.2f of the process  state %016x%n",
                    threads, load, w.cycle(), run, w.cycle() / run, w.cycle() / cpu, w.cycle() / all, w.stateHash());
            printMemory(out);
            printLive(out, 0);
            return w.cycle() / cpu;
        }
    }

    /** Runs as the explorer does, then steps back; returns cycles per CPU-second of this thread while running. */
    static double explorer(WaferProgram p, int threads, long cycles, PrintWriter out) {
        try (Simulator sim = new Simulator(threads)) {
            long t0 = System.nanoTime();
            sim.load(p);
            sim.post(new Command.Request(FrameRequest.watching(p.watch())));
            sim.tick();
            double load = seconds(t0);
            long frames0 = sim.latestFrame().number();
            // "run to cycle N", as a user would: the run pauses at exactly the cycle the CLI runs to
            sim.post(new Command.SetBreakpoints(List.of(new Breakpoint.AtCycle(cycles))));
            long t1 = System.nanoTime();
            long c1 = cpuNanos();
            long p1 = processCpuNanos();
            long full1 = fullCollections()[0];
            sim.post(new Command.Run());
            sim.tick();
            while (sim.state() == SimState.RUNNING) {
                sim.tick();
            }
            double run = seconds(t1);
            double cpu = (cpuNanos() - c1) / 1e9;
            double all = (processCpuNanos() - p1) / 1e9;
            long done = sim.latestFrame().cycle();
            long frames = sim.latestFrame().number() - frames0;
            out.printf(Locale.ROOT, "explorer  threads %d  load %.2f s  %d cycles in %.2f s = %.2f cycles/s, "
                    + "%.2f per CPU-second of this thread, %.2f of the process  %d frames  %d full collections  "
                    + "state %016x%n", threads, load, done, run, done / run, done / cpu, done / all, frames,
                    fullCollections()[0] - full1, sim.stateHash());
            SnapshotFigures snaps = sim.snapshotFigures();
            out.printf(Locale.ROOT, "snapshots %d taken, %d kept, %d MB, %.2f s taking them (%.0f %% of the run; "
                    + "%.2f s CPU, %.0f %% of the thread's; %.2f s CPU of the helper beside it), %d MB copied into "
                    + "dropped ones' slots%n", snaps.taken(), snaps.kept(), snaps.bytes() >> 20, snaps.takenNanos() / 1e9,
                    100 * snaps.takenNanos() / 1e9 / run, snaps.takenCpuNanos() / 1e9, 100 * snaps.takenCpuNanos() / 1e9 / cpu,
                    snaps.helperCpuNanos() / 1e9, snaps.reusedBytes() >> 20);
            printCosts(sim.runCosts(), out);
            // clicked at once, before the loop prepares anything: what the run's snapshots alone give
            stepBack(sim, 1, " at once", out);
            // then a student steps back one cycle at a time, and looks at the wafer in between,
            // which the explorer's loop spends preparing the next
            for (long back : new long[] {1, 1, 10, 1, 1}) {
                long t3 = System.nanoTime();
                long c3 = cpuNanos();
                long h3 = helperCpuNanos();
                sim.tick();   // paused with nothing to do: what the explorer's loop does while the user looks
                out.printf(Locale.ROOT, "paused    prepared the next step back in %.2f s (%.2f s CPU, %.2f s of the helper)%n",
                        seconds(t3), (cpuNanos() - c3) / 1e9, (helperCpuNanos() - h3) / 1e9);
                stepBack(sim, back, "", out);
            }
            printMemory(out);
            idle(sim, out);
            HistoryBytes h = sim.historyBytes();
            out.printf(Locale.ROOT, "history   %d MB of a %d MB budget (counted %d MB): snapshots' slabs %d MB (near "
                    + "snapshot's copy %d MB), their slots' index %d MB, their lists %d MB, slabs made ahead %d MB, "
                    + "re-run stepper %d MB%n", h.total() >> 20, h.budget() >> 20, h.counted() >> 20, h.slabs() >> 20,
                    h.near() >> 20, h.index() >> 20, h.lists() >> 20, h.ahead() >> 20, h.rerun() >> 20);
            printLive(out, h.total());
            return done / cpu;
        }
    }

    /**
     * {@code --explorer --with-run}: both in this process, the bare run first, so that their
     * ratio is not one of two processes (which differ by up to 2.5× on a shared machine).
     */
    static void both(WaferProgram p, int threads, long cycles, PrintWriter out) {
        double run = cli(p, threads, cycles, out);
        double explorer = explorer(p, threads, cycles, out);
        out.printf(Locale.ROOT, "in this process: the explorer %.2f cycles per CPU-second of the simulating thread, `run` %.2f:"
                + " %.1f %%%n", explorer, run, 100 * explorer / run);
    }

    /**
     * Paused after the steps back, as when a user looks at the wafer: the loop's turns every
     * 250 ms (as {@code Simulator.start}'s loop waits), the first preparing the next step back,
     * the others for up to 6 s after it: the wafer idle at one cycle for 3 s, they may give the
     * heap back (what {@code ps} shows then).
     */
    private static void idle(Simulator sim, PrintWriter out) {
        long t0 = System.nanoTime();
        long[] full = fullCollections();
        sim.tick();   // the preparation, however long it takes; then the quiet
        long t1 = System.nanoTime();
        while (fullCollections()[0] == full[0] && seconds(t1) < 6) {
            sim.tick();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long[] rss = org.waferscope.engine.api.HostMachine.residentMb();
        out.printf(Locale.ROOT, "idle      paused %.2f s, %d full collection(s) in %.2f s; then resident %d MB, heap "
                + "committed %d MB%n", seconds(t0), fullCollections()[0] - full[0], (fullCollections()[1] - full[1]) / 1e3,
                rss[0], Runtime.getRuntime().totalMemory() >> 20);
    }

    /** Full collections so far: their count and milliseconds (G1's "Old Generation" collector counts only those). */
    private static long[] fullCollections() {
        long[] sum = new long[2];
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b.getName().contains("Old") || b.getName().contains("MarkSweep")) {
                sum[0] += b.getCollectionCount();
                sum[1] += b.getCollectionTime();
            }
        }
        return sum;
    }

    /** Steps back {@code back} cycles and says what it cost. */
    private static void stepBack(Simulator sim, long back, String how, PrintWriter out) {
        long t2 = System.nanoTime();
        long c2 = cpuNanos();
        long h2 = helperCpuNanos();
        long s2 = sim.snapshotFigures().helperCpuNanos();
        sim.post(new Command.StepBack(back));
        sim.tick();
        StepBackFigures f = sim.stepBackFigures();
        out.printf(Locale.ROOT, "step back %d cycle(s)%s to %d: %.2f s (%.2f s CPU, %.2f s of %d helper(s), %.2f s of the "
                + "snapshot helper)  restore of cycle %d %.2f s CPU; re-ran %d cycles on %d worker(s) in %.2f s (%.2f s CPU)%s%n",
                back, how, sim.latestFrame().cycle(), seconds(t2), (cpuNanos() - c2) / 1e9,
                (helperCpuNanos() - h2) / 1e9, f.workers() - 1, (sim.snapshotFigures().helperCpuNanos() - s2) / 1e9,
                f.from(), f.restoreCpuNanos() / 1e9,
                f.rerunCycles(), f.workers(), f.rerunNanos() / 1e9, f.rerunCpuNanos() / 1e9,
                f.keptNear() ? String.format(Locale.ROOT, "; kept a snapshot near it (%.2f s CPU)",
                        f.keepCpuNanos() / 1e9) : "");
    }

    /**
     * Where the simulating thread's CPU went while running: within one process, stepping's share
     * is how fast the explorer runs against {@code run} (which spends only the stepping), a
     * figure that separate processes, moving by more than the explorer's overhead, cannot give.
     */
    private static void printCosts(RunCosts c, PrintWriter out) {
        out.printf(Locale.ROOT, "thread    running %.2f s CPU: stepping %.2f s (%.1f %%), snapshots %.2f s (%.1f %%, %d taken), "
                + "frames %.2f s (%.1f %%, %d), other %.2f s (%.1f %%): in this process the explorer runs at about "
                + "%.1f %% of `run`'s speed; stepping in %d steps of the wafer; then %.2f s CPU stopping (a snapshot "
                + "before the last cycle, for a step back at once)%n", c.runningCpuNanos() / 1e9,
                c.steppingCpuNanos() / 1e9, c.percent(c.steppingCpuNanos()), c.snapshotCpuNanos() / 1e9,
                c.percent(c.snapshotCpuNanos()), c.snapshots(), c.frameCpuNanos() / 1e9, c.percent(c.frameCpuNanos()),
                c.frames(), c.otherCpuNanos() / 1e9, c.percent(c.otherCpuNanos()), 100 * c.steppingShare(), c.steps(),
                c.preparingCpuNanos() / 1e9);
    }

    /** The live heap after a full collection, and of it what {@code history} bytes time travel holds. */
    private static void printLive(PrintWriter out, long history) {
        System.gc();
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean()
                .getHeapMemoryUsage();
        java.lang.management.MemoryUsage other = java.lang.management.ManagementFactory.getMemoryMXBean()
                .getNonHeapMemoryUsage();
        out.printf(Locale.ROOT, "live      heap %d MB after a full collection (time travel %d MB, the rest %d MB), "
                + "non-heap %d MB; then resident %d MB%n", heap.getUsed() >> 20, history >> 20,
                (heap.getUsed() - history) >> 20, other.getCommitted() >> 20,
                org.waferscope.engine.api.HostMachine.residentMb()[0]);
    }

    private static void printMemory(PrintWriter out) {
        long[] rss = org.waferscope.engine.api.HostMachine.residentMb();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "memory    resident %d MB, peak %d MB; heap committed %d MB of at most %d MB%n",
                rss[0], rss[1], rt.totalMemory() >> 20, rt.maxMemory() >> 20);
    }

    /**
     * The whole process's CPU time: with the garbage collector's and the compiler's threads,
     * which a snapshot's copies keep busy while the simulating thread's own figure leaves them out.
     */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** The CPU time of the stepper's helper workers ("wafer-worker-N"), which a step back's re-run may use. */
    private static long helperCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("wafer-worker-")) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** This thread's CPU time: the figure that stays steady when other jobs share the cores. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
