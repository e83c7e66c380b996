package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.waferscope.engine.api.HostMachine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.WorkerWaits;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.Wafer;

/**
 * Where the CPU of a multi-threaded step goes, on the sparse full wafer (the benchmark's
 * engineSparse: the exchange on the middle 150x251 PEs, the rest asleep): one wafer per
 * thread count, stepped in turns in one JVM, each worker timed by its own thread's CPU time.
 * It prints, per thread count, the CPU per cycle of each worker and of all of them (against
 * one worker's: the parallel overhead), the wall time per cycle, each worker's share of
 * the PE-cycles computed, and what each waited for or did alone ({@link WorkerWaits}).
 *
 * <pre>
 * flock /tmp/bigrun.lock java -Xmx9g -cp engine/target/test-classes:engine/target/classes \
 *     org.waferscope.engine.bench.SparseSplit ROUNDS [cycles=50] [step=50] [threads=1,2] [size=757x996]
 * </pre>
 *
 * {@code size=WxH} runs a smaller fabric around the same 150x251 PEs at work (757x400 fits
 * two wafers in 3 GB of heap, for runs without the shared lock).
 *
 * The first tenth of the rounds (at least three) are dropped while the JIT compiles.
 */
public final class SparseSplit {
    private SparseSplit() {
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** One wafer on some threads, and the CPU its workers used. */
    private static final class Run {
        final int threads;
        final Wafer wafer;
        final CycleStepper stepper;
        final List<Thread> workers = new ArrayList<>();
        final long[] cpu;
        long wall;
        long cycles;
        long[][] waitsAtStart;
        long[] visitedAtStart;

        Run(int threads, int w, int h) throws ReflectiveOperationException {
            this.threads = threads;
            Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
            ArchProfile a = ArchProfile.WSE2;
            wafer = Wafer.of(a, NeighbourExchange.layout(w, h, (w - FabricBench.SPARSE_W) / 2,
                    (h - FabricBench.SPARSE_H) / 2, FabricBench.SPARSE_W, FabricBench.SPARSE_H,
                    NeighbourExchange.Options.FOREVER, NeighbourExchange.asleep()), threads);
            workers.add(Thread.currentThread());
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.getName().startsWith("wafer-worker-")) {
                    workers.add(t);
                }
            }
            Field f = Wafer.class.getDeclaredField("stepper");
            f.setAccessible(true);
            stepper = (CycleStepper) f.get(wafer);
            cpu = new long[workers.size()];
            wafer.port().launch("start");
            wafer.stepFabric(30);
        }

        long[] cpuNow() {
            long[] now = new long[workers.size()];
            for (int i = 0; i < now.length; i++) {
                now[i] = MX.getThreadCpuTime(workers.get(i).getId());
            }
            return now;
        }

        void mark() {
            WorkerWaits ww = stepper.waits();
            ww.timeWaits();
            waitsAtStart = new long[ww.workers()][3 * WorkerWaits.NAMES.length];
            visitedAtStart = new long[ww.workers()];
            for (int id = 0; id < ww.workers(); id++) {
                visitedAtStart[id] = ww.visited(id);
                for (int k = 0; k < WorkerWaits.NAMES.length; k++) {
                    waitsAtStart[id][3 * k] = ww.count(id, k);
                    waitsAtStart[id][3 * k + 1] = ww.nanos(id, k);
                    waitsAtStart[id][3 * k + 2] = ww.cpu(id, k);
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        long cycles = 50;
        long perCall = 50;
        String[] counts = {"1", "2"};
        int width = ArchProfile.WSE2.fabricWidth();
        int height = ArchProfile.WSE2.fabricHeight();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "cycles" -> cycles = Long.parseLong(kv[1]);
                case "step" -> perCall = Long.parseLong(kv[1]);
                case "threads" -> counts = kv[1].split(",");
                case "size" -> {
                    width = Integer.parseInt(kv[1].split("x")[0]);
                    height = Integer.parseInt(kv[1].split("x")[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<Run> runs = new ArrayList<>();
        for (String c : counts) {
            runs.add(new Run(Integer.parseInt(c), width, height));
        }
        int dropped = Math.max(3, rounds / 10);
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < runs.size(); k++) {
                Run run = runs.get((k + r) % runs.size());
                if (r == dropped) {
                    run.mark();
                }
                long[] c0 = run.cpuNow();
                long w0 = System.nanoTime();
                for (long done = 0; done < cycles; done += perCall) {
                    run.wafer.stepFabric(Math.min(perCall, cycles - done));
                }
                long w = System.nanoTime() - w0;
                long[] c1 = run.cpuNow();
                if (r >= dropped) {
                    for (int i = 0; i < c0.length; i++) {
                        run.cpu[i] += c1[i] - c0[i];
                    }
                    run.wall += w;
                    run.cycles += cycles;
                }
            }
        }
        System.out.printf("sparse %dx%d (exchange on 150x251), %d rounds of %d cycles in calls of %d (%d dropped); "
                + "load %.1f; CPU: %s%n", width, height, rounds, cycles, perCall, dropped,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), HostMachine.cpu());
        double oneWorker = 0;
        for (Run run : runs) {
            report(run, run.threads == 1 ? 0 : oneWorker);
            if (run.threads == 1) {
                oneWorker = sum(run.cpu) / (double) run.cycles;
            }
        }
    }

    private static long sum(long[] xs) {
        long s = 0;
        for (long x : xs) {
            s += x;
        }
        return s;
    }

    private static void report(Run run, double oneWorkerCpuPerCycle) {
        double perCycle = sum(run.cpu) / (double) run.cycles;
        StringBuilder split = new StringBuilder();
        for (int i = 0; i < run.cpu.length; i++) {
            split.append(String.format(" w%d %.3f", i, run.cpu[i] / 1e6 / run.cycles));
        }
        System.out.printf("%d thread(s): %.1f cycles per CPU-second of the workers, %.1f per wall second; CPU ms per "
                        + "cycle:%s = %.3f%s; state hash %x%n", run.threads, 1e9 / perCycle, run.cycles * 1e9 / run.wall,
                split, perCycle / 1e6, oneWorkerCpuPerCycle > 0
                        ? String.format(" (x%.3f of one worker's)", perCycle / oneWorkerCpuPerCycle) : "",
                run.wafer.stateHash());
        WorkerWaits ww = run.stepper.waits();
        long total = 0;
        for (int id = 0; id < ww.workers(); id++) {
            total += ww.visited(id) - run.visitedAtStart[id];
        }
        for (int id = 0; id < ww.workers(); id++) {
            StringBuilder line = new StringBuilder(String.format("   w%d: %.1f %% of the PE-cycles", id,
                    100.0 * (ww.visited(id) - run.visitedAtStart[id]) / Math.max(1, total)));
            for (int k = 0; k < WorkerWaits.NAMES.length; k++) {
                long n = ww.count(id, k) - run.waitsAtStart[id][3 * k];
                long ns = ww.nanos(id, k) - run.waitsAtStart[id][3 * k + 1];
                long cpu = ww.cpu(id, k) - run.waitsAtStart[id][3 * k + 2];
                if (n > 0) {
                    line.append(String.format("; %s %.2f a cycle, wall %.3f, CPU %.3f ms a cycle", WorkerWaits.NAMES[k],
                            n / (double) run.cycles, ns / 1e6 / run.cycles, cpu / 1e6 / run.cycles));
                }
            }
            System.out.println(line);
        }
    }
}
