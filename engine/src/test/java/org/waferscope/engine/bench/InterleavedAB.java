package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.waferscope.engine.api.HostMachine;

/**
 * Two or more builds of the engine side by side in one JVM, stepped in turns on the
 * nearest-neighbour exchange, one thread, timed by the thread's CPU time: on a machine shared
 * with other builds this ranks versions a few per cent apart, where separate JMH runs swing by
 * 2x (docs/benchmarks.md, "Session 7"). Each version is a directory holding a build's
 * {@code classes} and {@code test-classes}, loaded in a class loader of its own with its own
 * fabric; rounds alternate which version goes first, and the first tenth (at least three) are
 * dropped while the JIT compiles each version's code.
 *
 * <pre>
 * java -Xmx4g -cp engine/target/test-classes:engine/target/classes org.waferscope.engine.bench.InterleavedAB \
 *     SIDE CYCLES ROUNDS NAME=DIR NAME=DIR ...
 * </pre>
 *
 * SIDE is the fabric's side (757 for the whole 757x996 WSE-2 wafer; {@code sparse} for the
 * whole wafer with the exchange on a 150x251 rectangle in its middle and every other PE
 * asleep, {@code FabricBench.engineSparse}'s workload, counted in busy PE-cycles), CYCLES the cycles per
 * turn (a multiple of the exchange's 13); a few hundred rounds are needed for a steady figure
 * (each version is compiled on its own). It prints, per version, PE-cycles per CPU-second,
 * the geometric mean of its per-round ratios to the first version, and its state hash, which
 * must be the same for all.
 */
public final class InterleavedAB {
    private InterleavedAB() {
    }

    /** One build: its own class loader and wafer, stepped by reflection. */
    private static final class Version {
        final String name;
        final Object wafer;
        final Method step;
        final Method hash;
        long cpu;
        long units;
        final List<Double> rates = new ArrayList<>();

        Version(String name, Path dir, int width, int height, boolean sparse) throws ReflectiveOperationException, java.io.IOException {
            this.name = name;
            URL[] urls = {dir.resolve("classes").toUri().toURL(), dir.resolve("test-classes").toUri().toURL()};
            ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> arch = cl.loadClass("org.waferscope.engine.arch.ArchProfile");
            Class<?> exchange = cl.loadClass("org.waferscope.engine.fixtures.NeighbourExchange");
            Class<?> options = cl.loadClass("org.waferscope.engine.fixtures.NeighbourExchange$Options");
            Class<?> layoutClass = cl.loadClass("org.waferscope.engine.fabric.FabricLayout");
            Class<?> waferClass = cl.loadClass("org.waferscope.engine.sim.Wafer");
            Object forever = options.getField("FOREVER").get(null);
            Object layout = sparse
                    ? exchange.getMethod("layout", int.class, int.class, int.class, int.class, int.class, int.class,
                            options, cl.loadClass("org.waferscope.engine.ir.PeProgram")).invoke(null, width, height,
                            (width - SPARSE_W) / 2, (height - SPARSE_H) / 2, SPARSE_W, SPARSE_H, forever,
                            exchange.getMethod("asleep").invoke(null))
                    : exchange.getMethod("layout", int.class, int.class, options).invoke(null, width, height, forever);
            wafer = waferClass.getMethod("of", arch, layoutClass, int.class)
                    .invoke(null, arch.getField("WSE2").get(null), layout, 1);
            Object port = waferClass.getMethod("port").invoke(wafer);
            port.getClass().getMethod("launch", String.class).invoke(port, "start");
            step = waferClass.getMethod("stepFabric", long.class);
            hash = waferClass.getMethod("stateHash");
            step.invoke(wafer, 30L);
        }
    }

    /** The exchange's rectangle on the sparse wafer, as in {@code FabricBench}: 37,650 PEs, 4.99 %. */
    private static final int SPARSE_W = 150;
    private static final int SPARSE_H = 251;

    public static void main(String[] args) throws Exception {
        boolean sparse = args[0].equals("sparse");
        int side = sparse ? 757 : Integer.parseInt(args[0]);
        long cycles = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int width = side;
        int height = side == 757 ? 996 : side;
        List<Version> versions = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] nameDir = args[i].split("=", 2);
            versions.add(new Version(nameDir[0], Path.of(nameDir[1]), width, height, sparse));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int dropped = Math.max(3, rounds / 10);
        long pes = sparse ? (long) SPARSE_W * SPARSE_H : (long) width * height;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < versions.size(); k++) {
                Version v = versions.get((k + r) % versions.size());
                long t0 = mx.getCurrentThreadCpuTime();
                v.step.invoke(v.wafer, cycles);
                long t = mx.getCurrentThreadCpuTime() - t0;
                if (r >= dropped) {
                    v.cpu += t;
                    v.units += pes * cycles;
                    v.rates.add(pes * cycles * 1e3 / t);
                }
            }
        }
        System.out.printf("%dx%d exchange%s, 1 thread, %d rounds of %d cycles (%d dropped); CPU: %s%n", width, height,
                sparse ? " on 150x251 PEs, the rest asleep (figures per busy PE-cycle)" : "", rounds, cycles, dropped,
                HostMachine.cpu());
        Version first = versions.get(0);
        for (Version v : versions) {
            List<Double> sorted = new ArrayList<>(v.rates);
            Collections.sort(sorted);
            double logs = 0;
            for (int i = 0; i < v.rates.size(); i++) {
                logs += Math.log(v.rates.get(i) / first.rates.get(i));
            }
            System.out.printf("%-10s %.2f M PE-cycles per CPU-second (median round %.2f M), %.1f cycles per CPU-second, "
                            + "%.1f ns per PE-cycle, x%.3f against %s (geomean of rounds), state hash %x%n", v.name,
                    v.units * 1e3 / v.cpu, sorted.get(sorted.size() / 2), v.units * 1e9 / pes / v.cpu,
                    v.cpu / (double) v.units, Math.exp(logs / v.rates.size()), first.name,
                    v.hash.invoke(v.wafer));
        }
    }
}
