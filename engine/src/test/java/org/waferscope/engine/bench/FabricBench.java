package org.waferscope.engine.bench;

import org.waferscope.engine.api.HostMachine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.CycleStepper;
import org.waferscope.engine.sim.Wafer;

/**
 * The engine's speed and memory on the full wafer, in one JMH invocation (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl engine test-compile exec:exec -Dbench.args="FabricBench"
 * </pre>
 *
 * <ul>
 *   <li>{@link #engineAllActive}: every PE of the 757x996 WSE-2 grid runs the
 *       nearest-neighbour exchange; scores are PE-cycles per second, on 1 and 2 threads
 *       (the thread scaling target), stepped one cycle a call or 52 (see {@link FullWafer});</li>
 *   <li>{@link #bareStencil}: a plain Java 5-point stencil over the same grid with 64 bytes
 *       of state per point; scores are point-updates per second (the yardstick);</li>
 *   <li>{@link #engineSparse}: the full wafer with the exchange running on 5 % of its PEs
 *       and the others asleep, in steps of 50 cycles and of 1; scores are cycles per second;</li>
 *   <li>{@link #engineBySize}: the exchange on 32x32, 128x128 and 512x512 fabrics, one
 *       thread: the cost per PE-cycle in cache and out of it;</li>
 *   <li>{@link #meshAtRate}: a 64x64 mesh, each PE exchanging with its four neighbours at a
 *       set rate, one thread: the workload network simulators such as BookSim2 run; scores
 *       are node-cycles per second;</li>
 *   <li>{@link #wse3FitsIn4g}: builds a 762x1172 WSE-3 fabric running the exchange in a
 *       JVM limited to 4 GB of heap and runs 100 cycles; it prints the heap used.</li>
 * </ul>
 *
 * Forks inherit the launcher's -Xmx6g except the WSE-3 memory check, which sets -Xmx4g.
 * Single-threaded runs also print their throughput per CPU-second ({@link CpuClock}), the
 * steadier figure when other jobs share the cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 5)
public class FabricBench {
    static final ArchProfile WSE2 = ArchProfile.WSE2;
    static final int PES = WSE2.fabricWidth() * WSE2.fabricHeight();
    /** The exchange's rectangle in the sparse run: 150x251 = 37,650 PEs, 4.99 % of 753,972. */
    static final int SPARSE_W = 150;
    static final int SPARSE_H = 251;
    static final int SPARSE_CYCLES = 50;

    static void printHeap(String what) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%n[%s] heap used after GC: %,d MB of %,d MB max; CPU: %s%n", what,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, HostMachine.cpu());
    }

    /**
     * A benchmark's state whose single-threaded iterations also print their throughput per
     * CPU-second ({@link CpuClock}); the benchmark method adds its work to {@code clock.units}.
     */
    public abstract static class Clocked {
        final CpuClock clock = new CpuClock();

        /** What the [cpu] line says was measured, or null when this trial runs on several threads. */
        abstract String clockLabel();

        abstract String clockUnit();

        @Setup(Level.Iteration)
        public void startClock() {
            clock.start();
        }

        @TearDown(Level.Iteration)
        public void reportClock() {
            if (clockLabel() != null) {
                clock.report(clockLabel(), clockUnit());
            }
        }
    }

    /**
     * The whole wafer with every PE running the exchange, stepped {@code perStep} cycles a call.
     * {@code perStep=1} is how the explorer single-steps, and what this benchmark measured
     * up to session 8: every call pays a step's fixed costs, and no wavefront pass can run
     * (a pass needs two cycles in one step). {@code perStep=52} (four rounds of the exchange's
     * 13 cycles) is how a run steps: the stepper may then run several cycles in one pass over
     * the rows (temporal blocking, docs/temporal-blocking.md), if the rows in flight fit the
     * cache and the heap has room for the passes' undo. The full wafer's rows do not fit
     * (session 9: passes measured 0.82x); since session 20 its passes walk column tiles
     * instead (bands of a quarter row whose rows in flight fit), x1.35 on one thread. Either
     * way the wafer ends in the same state. The yardstick, {@link #bareStencil}, is a plain
     * sweep per time step with no temporal blocking of its own, so the ratio at
     * {@code perStep=52} is the engine as a run steps it against an unblocked stencil, and at
     * {@code perStep=1} the engine as the explorer single-steps it. Both ratios are in
     * docs/benchmarks.md.
     */
    @State(Scope.Benchmark)
    public static class FullWafer extends Clocked {
        @Param({"1", "2"})
        public int threads;
        /** Cycles per call to the stepper; a divisor of {@link #ALL_ACTIVE_CYCLES}. */
        @Param({"1", "52"})
        public int perStep;
        Wafer wafer;

        @Override
        String clockLabel() {
            return threads == 1 ? "engine, all PEs active, " + perStep + " cycle(s) per step, 1 thread" : null;
        }

        @Override
        String clockUnit() {
            return "PE-cycles";
        }

        @Setup(Level.Trial)
        public void build() {
            if (perStep < 1 || ALL_ACTIVE_CYCLES % perStep != 0) {
                throw new IllegalArgumentException("perStep must divide " + ALL_ACTIVE_CYCLES + ": " + perStep);
            }
            wafer = Wafer.of(WSE2, NeighbourExchange.layout(WSE2.fabricWidth(), WSE2.fabricHeight(),
                    NeighbourExchange.Options.FOREVER), threads);
            wafer.port().launch("start");
            wafer.stepFabric(30);
            printHeap("full WSE-2 wafer, " + threads + " thread(s)");
        }

        @TearDown(Level.Trial)
        public void close() {
            CycleStepper.Result r = wafer.stepFabric(1);
            System.out.printf("[full WSE-2 wafer] %,d of %,d PEs active at cycle %,d; CPU: %s%n", r.lastActivePes(), PES,
                    wafer.cycle(), HostMachine.cpu());
            wafer.close();
        }
    }

    /** Cycles of the whole wafer an invocation of {@link #engineAllActive} runs. */
    static final int ALL_ACTIVE_CYCLES = 52;

    /**
     * {@value #ALL_ACTIVE_CYCLES} cycles of the whole wafer, every PE active, in calls of
     * {@code perStep}: the score is PE-cycles per second.
     */
    @Benchmark
    @OperationsPerInvocation(ALL_ACTIVE_CYCLES * 757 * 996)
    public CycleStepper.Result engineAllActive(FullWafer s) {
        s.clock.units += (long) ALL_ACTIVE_CYCLES * PES;
        CycleStepper.Result r = null;
        for (int done = 0; done < ALL_ACTIVE_CYCLES; done += s.perStep) {
            r = s.wafer.stepFabric(s.perStep);
        }
        return r;
    }

    @State(Scope.Benchmark)
    public static class Grid extends Clocked {
        @Param({"1", "2"})
        public int threads;
        BareStencil grid;

        @Override
        String clockLabel() {
            return threads == 1 ? "bare stencil, 1 thread" : null;
        }

        @Override
        String clockUnit() {
            return "point-updates";
        }

        @Setup(Level.Trial)
        public void build() {
            grid = new BareStencil(WSE2.fabricWidth(), WSE2.fabricHeight(), threads);
        }

        @TearDown(Level.Trial)
        public void close() {
            grid.close();
        }
    }

    /** One sweep of the bare stencil: the score is point-updates per second. */
    @Benchmark
    @OperationsPerInvocation(757 * 996)
    public float bareStencil(Grid g) {
        g.clock.units += PES;
        g.grid.sweep();
        return g.grid.probe();
    }

    /**
     * The full wafer with about 5 % of its PEs at work: the exchange on a 150x251 rectangle in
     * the middle, every other PE launched too, stalled on a receive that never comes and so
     * asleep ({@link NeighbourExchange#asleep()}), as most PEs of a reduction are while they
     * wait. {@code perStep} cycles per call to the stepper: 50 for a run, 1 for the explorer
     * stepping a full wafer one cycle per frame, where what a step costs besides its cycles shows.
     * {@code fabric=alone} runs the same 150x251 PEs on a fabric of their own, with nothing
     * around them: what the sparse wafer would cost if the other 95 % cost nothing at all.
     */
    @State(Scope.Benchmark)
    public static class Sparse extends Clocked {
        @Param({"1", "2"})
        public int threads;
        @Param({"50", "1"})
        public int perStep;
        /** "wafer" (the full wafer), or "alone" (only the exchange's rectangle). */
        @Param({"wafer"})
        public String fabric;
        Wafer wafer;

        @Override
        String clockLabel() {
            return threads == 1 ? "engine, sparse " + fabric + ", " + perStep + " cycle(s) per step, 1 thread" : null;
        }

        @Override
        String clockUnit() {
            return "cycles";
        }

        @Setup(Level.Trial)
        public void build() {
            int w = WSE2.fabricWidth();
            int h = WSE2.fabricHeight();
            FabricLayout l = fabric.equals("alone")
                    ? NeighbourExchange.layout(SPARSE_W, SPARSE_H, NeighbourExchange.Options.FOREVER)
                    : NeighbourExchange.layout(w, h, (w - SPARSE_W) / 2, (h - SPARSE_H) / 2, SPARSE_W, SPARSE_H,
                    NeighbourExchange.Options.FOREVER, NeighbourExchange.asleep());
            wafer = Wafer.of(WSE2, l, threads);
            wafer.port().launch("start");
            wafer.stepFabric(30);
            printHeap("sparse WSE-2 " + fabric + ", " + threads + " thread(s)");
        }

        @TearDown(Level.Trial)
        public void close() {
            long before = FabricMetrics.totalBusy(wafer.fabric());
            wafer.stepFabric(1);
            long busy = FabricMetrics.totalBusy(wafer.fabric()) - before;
            System.out.printf("[sparse WSE-2 %s] %,d PEs busy in a cycle, %.2f %% of the %,d of a wafer; CPU: %s%n",
                    fabric, busy, 100.0 * busy / PES, PES, HostMachine.cpu());
            wafer.close();
        }
    }

    /**
     * {@value #SPARSE_CYCLES} cycles of the full wafer with about 5 % of its PEs busy, in steps
     * of {@code perStep}: the score is cycles per second.
     */
    @Benchmark
    @OperationsPerInvocation(SPARSE_CYCLES)
    public CycleStepper.Result engineSparse(Sparse s) {
        s.clock.units += SPARSE_CYCLES;
        CycleStepper.Result r = null;
        for (int done = 0; done < SPARSE_CYCLES; done += s.perStep) {
            r = s.wafer.stepFabric(s.perStep);
        }
        return r;
    }

    /**
     * The exchange on a side x side fabric, one thread: how the cost of a PE-cycle grows
     * once the state outgrows the caches. 32x32 (about 1.7 MB of state) fits a core's L2,
     * 128x128 (about 28 MB) the shared L3, 512x512 neither.
     */
    @State(Scope.Benchmark)
    public static class BySize extends Clocked {
        static final int CYCLES = 20;
        @Param({"32", "128", "512"})
        public int side;
        Wafer wafer;

        @Override
        String clockLabel() {
            return "engine, " + side + "x" + side + " PEs, 1 thread";
        }

        @Override
        String clockUnit() {
            return "PE-cycles";
        }

        @Setup(Level.Trial)
        public void build() {
            wafer = Wafer.of(WSE2, NeighbourExchange.layout(side, side, NeighbourExchange.Options.FOREVER), 1);
            wafer.port().launch("start");
            wafer.stepFabric(30);
        }

        @TearDown(Level.Trial)
        public void close() {
            wafer.close();
        }
    }

    /**
     * {@value BySize#CYCLES} cycles of the exchange on a side x side fabric, one thread: the
     * score is cycles per second; the [cpu] lines give PE-cycles per CPU-second.
     */
    @Benchmark
    @OperationsPerInvocation(BySize.CYCLES)
    public CycleStepper.Result engineBySize(BySize s) {
        s.clock.units += (long) s.side * s.side * BySize.CYCLES;
        return s.wafer.stepFabric(BySize.CYCLES);
    }

    /**
     * The exchange on a {@value MeshAtRate#SIDE}x{@value MeshAtRate#SIDE} mesh, one thread, each
     * PE sending one wavelet to each neighbour every about 13 + {@code gap} cycles: the workload
     * a network simulator such as BookSim2 runs (a 2-D mesh, neighbour traffic at a set
     * injection rate), so its node-cycles per second compare directly. gap=210 gives about
     * 0.0175 link hops per node-cycle, the load of Game of Life at 64x64.
     */
    @State(Scope.Benchmark)
    public static class MeshAtRate extends Clocked {
        static final int SIDE = 64;
        static final int CYCLES = 200;
        @Param({"0", "210"})
        public int gap;
        Wafer wafer;
        long hopsAtStart;
        long cycleAtStart;

        @Override
        String clockLabel() {
            return "mesh " + SIDE + "x" + SIDE + " at gap " + gap + ", 1 thread";
        }

        @Override
        String clockUnit() {
            return "node-cycles";
        }

        @Setup(Level.Trial)
        public void build() {
            wafer = Wafer.of(WSE2, NeighbourExchange.layout(SIDE, SIDE, NeighbourExchange.Options.atRate(gap)), 1);
            wafer.port().launch("start");
            wafer.stepFabric(300);
            hopsAtStart = wafer.totalLinkHops();
            cycleAtStart = wafer.cycle();
        }

        @TearDown(Level.Trial)
        public void close() {
            double perNodeCycle = (double) (wafer.totalLinkHops() - hopsAtStart)
                    / ((wafer.cycle() - cycleAtStart) * (double) SIDE * SIDE);
            System.out.printf("%n[mesh %dx%d, gap %d] %.4f link hops per node-cycle over %,d cycles; CPU: %s%n", SIDE,
                    SIDE, gap, perNodeCycle, wafer.cycle() - cycleAtStart, HostMachine.cpu());
            wafer.close();
        }
    }

    /** {@value MeshAtRate#CYCLES} cycles of the mesh at a set rate: the score is node-cycles per second. */
    @Benchmark
    @OperationsPerInvocation(MeshAtRate.CYCLES * MeshAtRate.SIDE * MeshAtRate.SIDE)
    public CycleStepper.Result meshAtRate(MeshAtRate s) {
        s.clock.units += (long) MeshAtRate.CYCLES * MeshAtRate.SIDE * MeshAtRate.SIDE;
        return s.wafer.stepFabric(MeshAtRate.CYCLES);
    }

    /** The whole WSE-3 wafer in 4 GB of heap: builds, runs 100 cycles, prints the heap used. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(value = 1, jvmArgs = {"-Xmx4g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long wse3FitsIn4g() {
        ArchProfile wse3 = ArchProfile.WSE3;
        try (Wafer w = Wafer.of(wse3, NeighbourExchange.layout(wse3.fabricWidth(), wse3.fabricHeight(),
                NeighbourExchange.Options.FOREVER), 2)) {
            w.port().launch("start");
            CycleStepper.Result r = w.stepFabric(100);
            printHeap("full WSE-3 wafer " + wse3.fabricWidth() + "x" + wse3.fabricHeight() + ", "
                    + r.lastActivePes() + " PEs active after " + w.cycle() + " cycles");
            return w.stateHash();
        }
    }
}
