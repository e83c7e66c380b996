package org.waferscope.engine.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.api.HostMachine;

/**
 * What a snapshot and a restore cost the simulating thread, side by side in one JVM, stepped
 * and snapshotted in turns, timed by this thread's CPU time; and what each side holds. The
 * sides are this build with snapshot pieces kept as differences ({@code
 * waferscope.snapshotDeltas=on}) and as copies ({@code off}), or, named with {@code as:}, builds
 * of the engine each in a class loader of its own (as {@link InterleavedAB} loads them), with
 * system properties of their own while their snapshot store is made.
 *
 * <pre>
 * java -Xmx10g -cp engine/target/test-classes:engine/target/classes:app/target/waferscope.jar \
 *     org.waferscope.engine.bench.SnapshotCostAB PROGRAM_DIR EVERY ROUNDS [NAME=VALUE ...] \
 *     [as:SIDE=DIR[@KEY=VALUE,...] ...]
 * </pre>
 *
 * NAME=VALUE are the program's parameters; DIR is a build's {@code engine/target} (its
 * {@code classes} and {@code test-classes}; the rest of the class path, Jackson for the
 * program's {@code run.json}, comes from this JVM's). Each round steps every side EVERY cycles
 * (host steps included), takes a snapshot of each after its last, restores the one before (a
 * step back) and then the new one (back to the present), all timed, then lets the one before
 * go. Rounds alternate which side goes first. It prints each side's mean costs, the ratios to
 * the first side, and what the slabs hold; the state hashes printed at the end must be equal.
 */
public final class SnapshotCostAB {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private SnapshotCostAB() {
    }

    /** One wafer, of one build and settings, driven by reflection, and its figures. */
    private static final class Side {
        final String name;
        final Object wafer;
        final Method advance;
        final Method snapshotAfter;
        final Method restore;
        final Method fabricOf;
        final Method recycle;
        final Method held;
        final Method slabs;
        final Method index;
        final Method cycle;
        final Method hash;
        Object last;
        long snapCpu;
        /** A snapshot's wall time, and the whole process's CPU meanwhile: with a helper thread's share (PrepareAhead). */
        long snapWall;
        long snapProcess;
        long restoreCpu;
        int snaps;
        int restores;

        Side(String name, ClassLoader cl, Path folder, Map<String, String> params, Map<String, String> settings)
                throws Exception {
            this.name = name;
            Class<?> loader = cl.loadClass("org.waferscope.engine.program.ProgramLoader");
            Class<?> options = cl.loadClass("org.waferscope.engine.program.ProgramLoader$LoadOptions");
            Class<?> program = cl.loadClass("org.waferscope.engine.program.WaferProgram");
            Class<?> waferClass = cl.loadClass("org.waferscope.engine.sim.Wafer");
            Class<?> snapClass = cl.loadClass("org.waferscope.engine.sim.Wafer$Snapshot");
            Class<?> fabric = cl.loadClass("org.waferscope.engine.fabric.Fabric");
            Class<?> fabricSnap = cl.loadClass("org.waferscope.engine.fabric.FabricSnapshot");
            Object opts = options.getMethod("withParams", Map.class).invoke(options.getField("DEFAULTS").get(null), params);
            Object p = loader.getMethod("load", Path.class, options).invoke(null, folder, opts);
            wafer = waferClass.getMethod("load", program, int.class).invoke(null, p, 1);
            advance = waferClass.getMethod("advance", long.class, boolean.class, boolean.class);
            snapshotAfter = waferClass.getMethod("snapshot", snapClass);
            restore = waferClass.getMethod("restore", snapClass);
            fabricOf = snapClass.getMethod("fabric");
            recycle = fabricSnap.getMethod("recycle", fabricSnap);
            held = fabricSnap.getMethod("heldBytes", fabric);
            slabs = fabricSnap.getMethod("slabBytes", fabric);
            index = fabricSnap.getMethod("indexBytes", fabric);
            cycle = waferClass.getMethod("cycle");
            hash = waferClass.getMethod("stateHash");
            settings.forEach(System::setProperty);
            last = waferClass.getMethod("snapshot").invoke(wafer);   // the store is made now, with these settings
            settings.keySet().forEach(System::clearProperty);
        }

        void round(long every) throws Exception {
            advance.invoke(wafer, every, false, false);
            long c0 = MX.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            long p0 = processCpu();
            Object s = snapshotAfter.invoke(wafer, last);
            long c1 = MX.getCurrentThreadCpuTime();
            snapWall += System.nanoTime() - w0;
            snapProcess += processCpu() - p0;
            restore.invoke(wafer, last);
            restore.invoke(wafer, s);
            long c2 = MX.getCurrentThreadCpuTime();
            snapCpu += c1 - c0;
            restoreCpu += c2 - c1;
            snaps++;
            restores += 2;
            recycle.invoke(null, fabricOf.invoke(last));   // the one before goes, as the explorer's thinning lets them go
            last = s;
        }

        long mb(Method m) throws Exception {
            return (long) m.invoke(null, wafer.getClass().getMethod("fabric").invoke(wafer)) >> 20;
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long every = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Map<String, String> params = new LinkedHashMap<>();
        List<String[]> builds = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith("as:")) {
                builds.add(args[i].substring(3).split("=", 2));
            } else {
                String[] kv = args[i].split("=", 2);
                params.put(kv[0], kv[1]);
            }
        }
        List<Side> sides = new ArrayList<>();
        ClassLoader here = SnapshotCostAB.class.getClassLoader();
        if (builds.isEmpty()) {
            sides.add(new Side("differences", here, folder, params, Map.of("waferscope.snapshotDeltas", "on")));
            sides.add(new Side("copies", here, folder, params, Map.of("waferscope.snapshotDeltas", "off")));
        }
        for (String[] b : builds) {
            String[] dirSettings = b[1].split("@", 2);
            Map<String, String> settings = new LinkedHashMap<>();
            if (dirSettings.length > 1) {
                for (String kv : dirSettings[1].split(",")) {
                    String[] x = kv.split("=", 2);
                    settings.put(x[0], x[1]);
                }
            }
            sides.add(new Side(b[0], loaderOf(Path.of(dirSettings[0])), folder, params, settings));
        }
        for (int r = 0; r < rounds; r++) {
            // rotate which goes first, so that none always finds the caches another left
            for (int k = 0; k < sides.size(); k++) {
                sides.get((k + r) % sides.size()).round(every);
            }
        }
        System.out.println("cpu: " + HostMachine.cpu());
        Side first = sides.get(0);
        for (Side s : sides) {
            double snap = s.snapCpu / 1e9 / s.snaps;
            double restore = s.restoreCpu / 1e9 / s.restores;
            System.out.printf(Locale.ROOT, "%-12s %d snapshots: %.3f s CPU each (x%.2f; wall %.3f s, process CPU %.3f s); "
                            + "%d restores: %.3f s CPU each (x%.2f); held %d MB, slabs %d MB, index %d MB; cycle %d, state %016x%n",
                    s.name, s.snaps, snap, snap / (first.snapCpu / 1e9 / first.snaps), s.snapWall / 1e9 / s.snaps,
                    s.snapProcess / 1e9 / s.snaps, s.restores, restore,
                    restore / (first.restoreCpu / 1e9 / first.restores), s.mb(s.held), s.mb(s.slabs), s.mb(s.index),
                    (long) s.cycle.invoke(s.wafer), (long) s.hash.invoke(s.wafer));
        }
    }

    /** The whole process's CPU time (every thread's), or 0 where the JVM does not say. */
    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** A class loader of build {@code dir}'s engine classes first, then this JVM's class path (the libraries). */
    static ClassLoader loaderOf(Path dir) throws java.io.IOException {
        List<URL> urls = new ArrayList<>(List.of(dir.resolve("classes").toUri().toURL(),
                dir.resolve("test-classes").toUri().toURL()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
