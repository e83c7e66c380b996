package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.waferscope.engine.api.HostMachine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fixtures.NeighbourExchange;
import org.waferscope.engine.sim.Wafer;

/**
 * The engine against its floor ({@link ModelFloor}) on the same exchange, in one JVM, one thread,
 * in turns, timed by the thread's CPU time as {@link InterleavedAB} does; optionally the bare
 * stencil ({@link BareStencil}) over the same grid in the same turns, the benchmark's yardstick.
 *
 * <pre>
 * java -Xmx4g -cp engine/target/test-classes:engine/target/classes org.waferscope.engine.bench.ModelFloorAB \
 *     SHAPE CYCLES ROUNDS [step=K] [threads=T] [stencil] [phases] [features] [words] [direct] [tables]
 * </pre>
 *
 * SHAPE is {@code WxH} (the exchange on every PE of a W×H fabric), or {@code sparse} (the
 * benchmark's 150×251 exchange in the middle of the 757×996 wafer, the rest asleep), or
 * {@code sparse:WxH} (the same rectangle on a smaller fabric). The engine is stepped K cycles a
 * call (default all CYCLES at once); the kernel steps CYCLES at once. It prints ns per PE-cycle
 * (sparse: per busy PE-cycle, the rectangle's) for each, their ratio per round (geometric mean,
 * the first tenth of the rounds dropped while the JIT compiles), and checks at the end that both
 * ran the same cycles to the same iteration counts and values. {@code phases} adds the kernel
 * with a commit pass; {@code features} adds one kernel for each of the engine's features
 * ({@link FloorFeature}) alone, the bitmaps over the two phases they need, the descriptors over
 * the SRAM they address, the compute engine's features together (SRAM, descriptors, tasks and
 * the interpreter), the router's and the step's (session 18's five) together, and all but
 * {@link FloorFeature#SRAM_WORDS}, {@link FloorFeature#DIRECT_OPS} and {@link FloorFeature#VISIT_TABLES};
 * {@code words} the SRAM as bytes against the SRAM as words; {@code direct} the SRAM, its ops by
 * descriptors and by direct slots; {@code tables} the two phases, with the visit's tables, and
 * with the router's state word too;
 * each timed in the same turns and set against the plain kernel. On one thread every kernel
 * timed is loaded in a class loader of its own ({@link IsolatedFloor}).
 */
public final class ModelFloorAB {
    private ModelFloorAB() {
    }

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int SPARSE_W = 150;
    private static final int SPARSE_H = 251;

    public static void main(String[] args) throws ReflectiveOperationException {
        String shape = args[0];
        long cycles = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        long perCall = cycles;
        boolean stencil = false;
        List<Set<FloorFeature>> variants = new ArrayList<>();
        int threads = 1;
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("step=")) {
                perCall = Long.parseLong(args[i].substring(5));
            } else if (args[i].startsWith("threads=")) {
                threads = Integer.parseInt(args[i].substring(8));
            } else if (args[i].equals("stencil")) {
                stencil = true;
            } else if (args[i].equals("phases")) {
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE));
            } else if (args[i].equals("features")) {
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE));
                variants.add(EnumSet.of(FloorFeature.CHANNELS));
                variants.add(EnumSet.of(FloorFeature.ROUTES));
                variants.add(EnumSet.of(FloorFeature.INTERPRETER));
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE, FloorFeature.UPKEEP));
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES));
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES, FloorFeature.DSD));
                variants.add(EnumSet.of(FloorFeature.TASKS));
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE, FloorFeature.TABLES));
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES, FloorFeature.DSD, FloorFeature.TASKS,
                        FloorFeature.INTERPRETER));
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE, FloorFeature.CHANNELS, FloorFeature.ROUTES,
                        FloorFeature.UPKEEP, FloorFeature.INTERPRETER));
                variants.add(EnumSet.complementOf(EnumSet.of(FloorFeature.SRAM_WORDS, FloorFeature.DIRECT_OPS,
                        FloorFeature.VISIT_TABLES)));
            } else if (args[i].equals("words")) {
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES));
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES, FloorFeature.SRAM_WORDS));
            } else if (args[i].equals("direct")) {
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES));
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES, FloorFeature.DSD));
                variants.add(EnumSet.of(FloorFeature.SRAM_BYTES, FloorFeature.DIRECT_OPS));
            } else if (args[i].equals("tables")) {
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE));
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE, FloorFeature.VISIT_TABLES));
                variants.add(EnumSet.of(FloorFeature.TWO_PHASE, FloorFeature.TABLES));
            } else {
                throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        boolean sparse = shape.startsWith("sparse");
        String[] wh = sparse ? (shape.equals("sparse") ? new String[] {"757", "996"}
                : shape.substring("sparse:".length()).split("x")) : shape.split("x");
        int fw = Integer.parseInt(wh[0]);
        int fh = Integer.parseInt(wh[1]);
        int x0 = sparse ? (fw - SPARSE_W) / 2 : 0;
        int y0 = sparse ? (fh - SPARSE_H) / 2 : 0;
        int w = sparse ? SPARSE_W : fw;
        int h = sparse ? SPARSE_H : fh;
        FabricLayout layout = sparse ? NeighbourExchange.layout(fw, fh, x0, y0, w, h,
                NeighbourExchange.Options.FOREVER, NeighbourExchange.asleep())
                : NeighbourExchange.layout(fw, fh, NeighbourExchange.Options.FOREVER);
        System.out.printf("CPU: %s; load average %.2f%n", HostMachine.cpu(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long pes = (long) w * h;
        ModelFloor floor = new ModelFloor(fw, fh, x0, y0, w, h);
        try (Wafer wafer = Wafer.of(ArchProfile.WSE2, layout, threads);
             BareStencil grid = stencil ? new BareStencil(fw, fh, 1) : null) {
            wafer.port().launch("start");
            wafer.stepFabric(30);
            floor.step(30);
            int slots = 3 + variants.size();
            IsolatedFloor plain = IsolatedFloor.load(fw, fh, x0, y0, w, h, EnumSet.noneOf(FloorFeature.class));
            plain.step(30);
            IsolatedFloor[] kernels = new IsolatedFloor[variants.size()];
            List<List<Double>> variantRatios = new ArrayList<>();
            for (int k = 0; k < kernels.length; k++) {
                kernels[k] = IsolatedFloor.load(fw, fh, x0, y0, w, h, variants.get(k));
                kernels[k].step(30);
                variantRatios.add(new ArrayList<>());
            }
            long[] wall = new long[slots];
            int dropped = Math.max(3, rounds / 10);
            long[] cpu = new long[slots];
            List<Double> ratios = new ArrayList<>();
            int tooShort = 0;
            List<Double> stencilRatios = new ArrayList<>();
            int sweeps = stencil ? (int) Math.max(1, cycles * pes / ((long) fw * fh)) : 0;
            for (int r = 0; r < rounds; r++) {
                long[] t = new long[slots];
                for (int k = 0; k < slots; k++) {
                    // turns rotating, and every other round reversed: each kernel after each other one
                    int which = r % 2 == 0 ? (k + r / 2) % slots : (slots - 1 - k + r / 2) % slots;
                    long t0 = cpuTime(threads);
                    long w0 = System.nanoTime();
                    if (which == 0) {
                        for (long done = 0; done < cycles; done += perCall) {
                            wafer.stepFabric(Math.min(perCall, cycles - done));
                        }
                    } else if (which == 1) {
                        if (threads > 1) {
                            // its helper threads only for its turn, as the engine's park between calls
                            try (ModelFloorBands bands = new ModelFloorBands(floor, threads)) {
                                bands.step(cycles);
                            }
                        } else {
                            plain.step(cycles);
                        }
                    } else if (which == 2) {
                        for (int s = 0; s < sweeps; s++) {
                            grid.sweep();
                        }
                    } else if (which >= 3) {
                        kernels[which - 3].step(cycles);
                    }
                    t[which] = cpuTime(threads) - t0;
                    if (r >= dropped) {
                        wall[which] += System.nanoTime() - w0;
                    }
                }
                if (r >= dropped) {
                    for (int k = 0; k < slots; k++) {
                        cpu[k] += t[k];
                    }
                    if (t[0] <= 0 || t[1] <= 0) {
                        // the process's CPU clock ticks coarsely: a turn shorter than a tick reads 0,
                        // and a round's ratio over it would be infinite
                        tooShort++;
                        continue;
                    }
                    ratios.add((double) t[0] / t[1]);
                    for (int k = 0; k < kernels.length; k++) {
                        variantRatios.get(k).add((double) t[3 + k] / t[1]);
                    }
                    if (stencil && t[2] > 0) {
                        stencilRatios.add((t[1] / (double) (cycles * pes)) / (t[2] / ((double) sweeps * fw * fh)));
                    }
                }
            }
            if (tooShort > 0) {
                System.out.printf("%d round(s) left out of the geomeans: a turn was shorter than a tick of the"
                        + " process's CPU clock (make the rounds longer)%n", tooShort);
            }
            long counted = (long) (rounds - dropped) * cycles * pes;
            System.out.printf("%s, exchange on %dx%d at (%d, %d), %d thread(s) (%s CPU time), %d rounds of %d cycles"
                    + " (engine in calls of %d, %d rounds dropped)%n", shape, w, h, x0, y0, threads,
                    threads == 1 ? "the thread's" : "the process's", rounds, cycles, perCall, dropped);
            long wallCycles = (long) (rounds - dropped) * cycles;
            System.out.printf("cycles per wall second: engine %.1f, floor %.1f%n", wallCycles * 1e9 / wall[0],
                    wallCycles * 1e9 / wall[1]);
            System.out.printf("engine %.1f ns per busy PE-cycle, floor %.1f ns: engine / floor %.2f (geomean of rounds %.2f)%n",
                    (double) cpu[0] / counted, (double) cpu[1] / counted, (double) cpu[0] / cpu[1], geomean(ratios));
            if (stencil) {
                double stencilNs = (double) cpu[2] / ((long) (rounds - dropped) * sweeps * fw * fh);
                System.out.printf("bare stencil %.2f ns per point-update: engine / stencil %.3f, floor / stencil %.3f"
                        + " (as the benchmark's ratio: stencil time over the other's; floor's geomean %.3f)%n", stencilNs,
                        stencilNs / ((double) cpu[0] / counted), stencilNs / ((double) cpu[1] / counted),
                        1 / geomean(stencilRatios));
                System.out.println("(stencil probe " + grid.probe() + ")");
            }
            for (int k = 0; k < kernels.length; k++) {
                double ns = (double) cpu[3 + k] / counted;
                System.out.printf("floor with %s %.1f ns: against the plain floor %.3f (geomean of rounds %.3f),"
                        + " +%.1f ns, %.1f%% of the engine's excess%n", variants.get(k), ns, (double) cpu[3 + k] / cpu[1],
                        geomean(variantRatios.get(k)), ns - (double) cpu[1] / counted,
                        100 * (double) (cpu[3 + k] - cpu[1]) / (cpu[0] - cpu[1]));
                System.out.println(sameWork(wafer, kernels[k], fw, fh));
            }
            System.out.println(sameWork(wafer, threads > 1 ? IsolatedFloor.of(floor) : plain, fw, fh));
        }
    }

    /** Whether engine and floor stand at the same cycle with the same iterations and values everywhere. */
    private static String sameWork(Wafer wafer, IsolatedFloor floor, int fw, int fh) {
        if (wafer.cycle() != floor.cycle()) {
            throw new IllegalStateException("engine at cycle " + wafer.cycle() + ", floor at " + floor.cycle());
        }
        var f = wafer.fabric();
        long iterations = 0;
        for (int y = 0; y < fh; y++) {
            for (int x = 0; x < fw; x++) {
                int i = floor.index(x, y);
                if (i < 0) {
                    continue;
                }
                int p = f.pe(x, y);
                var program = f.programOf(p);
                byte[] m = f.sramOf(p);
                int it = org.waferscope.engine.fabric.Sram.readInt(m, program.symbol("iterations").get().address());
                int xv = org.waferscope.engine.fabric.Sram.readInt(m, program.symbol("x").get().address());
                if (it != floor.iterations(x, y) || xv != Float.floatToRawIntBits(floor.x(x, y))) {
                    throw new IllegalStateException("PE (" + x + ", " + y + ") differs at cycle " + floor.cycle());
                }
                iterations += it;
            }
        }
        return "same work: both at cycle " + floor.cycle() + ", " + iterations + " iterations in all, every x equal";
    }

    /** The thread's CPU time on one thread; on several, the process's (its spinning helpers, GC and compiler included). */
    private static long cpuTime(int threads) {
        return threads == 1 ? MX.getCurrentThreadCpuTime()
                : ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime();
    }

    private static double geomean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += Math.log(x);
        }
        return Math.exp(s / xs.size());
    }
}
