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
 *     SIDE CYCLES ROUNDS [threads=T] [step=K] [copies=C] NAME=DIR[@PASS[,KEY=VALUE...]] NAME=DIR[@PASS] ...
 * </pre>
 *
 * SIDE is the fabric's side (757 for the whole 757x996 WSE-2 wafer, all active), or WxH
 * (all active, W wide and H high, within the WSE-2's 757x996: e.g. 48x996, rows a 16th as long), or
 * {@code floor:WxH}: every PE running a scalar loop that sends nothing ({@code CycleShapes floor}), or
 * {@code sparse}: the whole wafer with the exchange on its middle 150x251 PEs and the others
 * asleep (the benchmark's engineSparse), or {@code sparse:WxH}: the same PEs at work on a
 * smaller fabric (757x400: a third of the wafer's heap, for runs without the shared lock). CYCLES are the cycles per turn (a multiple of the
 * exchange's 13 when all are active), in calls of K cycles (default: all at once); a few
 * hundred rounds are needed for a steady figure (each version is compiled on its own).
 * {@code @PASS} sets {@code waferscope.wavefront} while that version's wafer is built, so
 * one build can run against itself with and without wavefront passes; {@code @PASS,KEY=VALUE,...}
 * (PASS may be empty) also sets those system properties while it is built. On T threads (default
 * 1) the time is the process's CPU time, GC and compiler threads included, and the wall
 * time is printed too. {@code copies=C} (default 1) gives each version C wafers of its own, stepped one
 * after the other in each of its turns: where the arrays of one wafer land in memory moves a
 * version by up to 10 % at this machine's load (docs/benchmarks.md, "Session 9: the spread
 * between processes"), so C placements average that out. It prints, per version, PE-cycles (sparse: cycles) per CPU-second, the
 * geometric mean of its per-round ratios to the first version, and its state hash, which
 * must be the same for all.
 */
public final class InterleavedAB {
    private InterleavedAB() {
    }

    /** One build: its own class loader and wafer, stepped by reflection. */
    private static final class Version {
        final String name;
        final Object wafer;
        /** The wafers a turn steps: {@link #wafer} and its copies. */
        final List<Object> wafers = new ArrayList<>();
        final Method step;
        final Method hash;
        long cpu;
        long units;
        final List<Double> rates = new ArrayList<>();

        long wall;

        Version(String name, Path dir, int width, int height, boolean sparse, boolean floor, int threads, String pass,
                int copies)
                throws ReflectiveOperationException, java.io.IOException {
            this.name = name;
            String[] settings = pass == null ? new String[] {""} : pass.split(",");
            if (settings[0].isEmpty()) {
                System.clearProperty("waferscope.wavefront");
            } else {
                System.setProperty("waferscope.wavefront", settings[0]);
            }
            for (String key : SET) {
                System.clearProperty(key);   // an earlier version's settings are not this one's
            }
            for (int i = 1; i < settings.length; i++) {
                String[] kv = settings[i].split("=", 2);
                System.setProperty(kv[0], kv[1]);
                SET.add(kv[0]);
            }
            URL[] urls = {dir.resolve("classes").toUri().toURL(), dir.resolve("test-classes").toUri().toURL()};
            ClassLoader cl = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Class<?> arch = cl.loadClass("org.waferscope.engine.arch.ArchProfile");
            Class<?> exchange = cl.loadClass("org.waferscope.engine.fixtures.NeighbourExchange");
            Class<?> options = cl.loadClass("org.waferscope.engine.fixtures.NeighbourExchange$Options");
            Class<?> layoutClass = cl.loadClass("org.waferscope.engine.fabric.FabricLayout");
            Class<?> waferClass = cl.loadClass("org.waferscope.engine.sim.Wafer");
            Class<?> program = cl.loadClass("org.waferscope.engine.ir.PeProgram");
            Object forever = options.getField("FOREVER").get(null);
            Object layout = floor ? scalarLoops(cl, layoutClass, program, width, height) : sparse
                    ? exchange.getMethod("layout", int.class, int.class, int.class, int.class, int.class, int.class,
                            options, program).invoke(null, width, height, (width - SPARSE_W) / 2,
                            (height - SPARSE_H) / 2, SPARSE_W, SPARSE_H, forever,
                            exchange.getMethod("asleep").invoke(null))
                    : exchange.getMethod("layout", int.class, int.class, options).invoke(null, width, height, forever);
            step = waferClass.getMethod("stepFabric", long.class);
            hash = waferClass.getMethod("stateHash");
            for (int c = 0; c < copies; c++) {
                Object w = waferClass.getMethod("of", arch, layoutClass, int.class)
                        .invoke(null, arch.getField("WSE2").get(null), layout, threads);
                Object port = waferClass.getMethod("port").invoke(w);
                port.getClass().getMethod("launch", String.class).invoke(port, "start");
                step.invoke(w, 30L);
                wafers.add(w);
            }
            wafer = wafers.get(0);
        }
    }

    /** Every PE of a WxH layout running {@code CycleShapes.scalarLoop}: the floor of a busy PE-cycle. */
    private static Object scalarLoops(ClassLoader cl, Class<?> layoutClass, Class<?> program, int width, int height)
            throws ReflectiveOperationException {
        Method loop = cl.loadClass("org.waferscope.engine.fabric.CycleShapes").getDeclaredMethod("scalarLoop");
        loop.setAccessible(true);
        Object code = loop.invoke(null);
        Object layout = layoutClass.getConstructor(int.class, int.class).newInstance(width, height);
        Method set = layoutClass.getMethod("setTileCode", int.class, int.class, program);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                set.invoke(layout, x, y, code);
            }
        }
        return layout;
    }

    /** System properties some version's {@code @PASS,KEY=VALUE} set. */
    private static final java.util.Set<String> SET = new java.util.HashSet<>();

    /** The exchange's rectangle on the sparse wafer, as in FabricBench: 5 % of the WSE-2's PEs. */
    private static final int SPARSE_W = 150;
    private static final int SPARSE_H = 251;

    public static void main(String[] args) throws Exception {
        boolean sparse = args[0].startsWith("sparse");
        boolean floor = args[0].startsWith("floor:");
        String[] wh = (sparse ? args[0].substring("sparse".length()).replace(":", "")
                : floor ? args[0].substring("floor:".length()) : args[0]).split("x");
        int side = sparse && wh[0].isEmpty() ? 757 : Integer.parseInt(wh[0]);
        long cycles = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int width = side;
        int height = wh.length > 1 ? Integer.parseInt(wh[1]) : side == 757 ? 996 : side;
        int threads = 1;
        int copies = 1;
        long perCall = cycles;
        List<Version> versions = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] nameDir = args[i].split("=", 2);
            if (nameDir[0].equals("threads")) {
                threads = Integer.parseInt(nameDir[1]);
            } else if (nameDir[0].equals("copies")) {
                copies = Integer.parseInt(nameDir[1]);
            } else if (nameDir[0].equals("step")) {
                perCall = Long.parseLong(nameDir[1]);
            } else {
                String[] dirPass = nameDir[1].split("@", 2);
                versions.add(new Version(nameDir[0], Path.of(dirPass[0]), width, height, sparse, floor, threads,
                        dirPass.length > 1 ? dirPass[1] : null, copies));
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int dropped = Math.max(3, rounds / 10);
        // all active: PE-cycles; sparse: cycles
        long perCycle = sparse ? 1 : (long) width * height;
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < versions.size(); k++) {
                Version v = versions.get((k + r) % versions.size());
                long t0 = threads == 1 ? mx.getCurrentThreadCpuTime() : os.getProcessCpuTime();
                long w0 = System.nanoTime();
                for (Object w : v.wafers) {
                    for (long done = 0; done < cycles; done += perCall) {
                        v.step.invoke(w, Math.min(perCall, cycles - done));
                    }
                }
                long w = System.nanoTime() - w0;
                long t = (threads == 1 ? mx.getCurrentThreadCpuTime() : os.getProcessCpuTime()) - t0;
                if (r >= dropped) {
                    v.cpu += t;
                    v.wall += w;
                    v.units += perCycle * cycles * v.wafers.size();
                    v.rates.add(perCycle * cycles * v.wafers.size() * 1e3 / t);
                }
            }
        }
        System.out.printf("%dx%d %s%s, %d thread(s), %d rounds of %d cycles in calls of %d (%d dropped)%s; CPU: %s%n",
                width, height, floor ? "scalar loop" : "exchange", sparse ? " on 150x251 PEs, the rest asleep" : "",
                threads, rounds, cycles, perCall, dropped, copies > 1 ? ", " + copies + " wafers a version" : "", HostMachine.cpu());
        Version first = versions.get(0);
        for (Version v : versions) {
            for (Object w : v.wafers) {
                if (!v.hash.invoke(w).equals(v.hash.invoke(v.wafer))) {
                    System.out.printf("%s: its wafers' state hashes differ%n", v.name);
                }
            }
            List<Double> sorted = new ArrayList<>(v.rates);
            Collections.sort(sorted);
            double logs = 0;
            for (int i = 0; i < v.rates.size(); i++) {
                logs += Math.log(v.rates.get(i) / first.rates.get(i));
            }
            if (sparse) {
                System.out.printf("%-10s %.1f cycles per CPU-second (median round %.1f), %.1f per wall second, "
                                + "x%.3f against %s (geomean of rounds), state hash %x%n", v.name, v.units * 1e9 / v.cpu,
                        sorted.get(sorted.size() / 2) * 1e6, v.units * 1e9 / v.wall, Math.exp(logs / v.rates.size()),
                        first.name, v.hash.invoke(v.wafer));
            } else {
                System.out.printf("%-10s %.2f M PE-cycles per CPU-second (median round %.2f M), %.1f ns per PE-cycle, "
                                + "x%.3f against %s (geomean of rounds), state hash %x%n", v.name,
                        v.units * 1e3 / v.cpu, sorted.get(sorted.size() / 2), v.cpu / (double) v.units,
                        Math.exp(logs / v.rates.size()), first.name, v.hash.invoke(v.wafer));
            }
        }
    }
}
