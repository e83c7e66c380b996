package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.waferscope.engine.api.HostMachine;

/**
 * Two or more builds of {@link ModelFloor} side by side in one JVM, one thread, in turns (the
 * order rotating each round), timed by the thread's CPU time: how layouts of the kernel rank,
 * as {@link InterleavedAB} ranks builds of the engine. Each build is a directory holding
 * {@code classes} and {@code test-classes}, loaded in a class loader of its own.
 *
 * <pre>
 * java -Xmx4g -cp engine/target/test-classes:engine/target/classes org.waferscope.engine.bench.FloorLayoutAB \
 *     FW FH X0 Y0 W H CYCLES ROUNDS DIR DIR ...
 * </pre>
 *
 * The exchange runs on the W×H rectangle at (X0, Y0) of an FW×FH fabric; each turn runs CYCLES
 * cycles. It prints ns per PE-cycle of the rectangle for each build and the geometric mean of
 * its per-round ratio to the first build, the first tenth of the rounds (at least three) dropped.
 */
public final class FloorLayoutAB {
    private FloorLayoutAB() {
    }

    public static void main(String[] a) throws ReflectiveOperationException, java.io.IOException {
        int[] shape = new int[6];
        for (int k = 0; k < 6; k++) {
            shape[k] = Integer.parseInt(a[k]);
        }
        long cycles = Long.parseLong(a[6]);
        int rounds = Integer.parseInt(a[7]);
        int builds = a.length - 8;
        Object[] floors = new Object[builds];
        Method[] steps = new Method[builds];
        for (int k = 0; k < builds; k++) {
            Path d = Path.of(a[8 + k]);
            URL[] urls = {d.resolve("test-classes").toUri().toURL(), d.resolve("classes").toUri().toURL()};
            Class<?> c = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())
                    .loadClass(ModelFloor.class.getName());
            floors[k] = c.getConstructor(int.class, int.class, int.class, int.class, int.class, int.class)
                    .newInstance(shape[0], shape[1], shape[2], shape[3], shape[4], shape[5]);
            steps[k] = c.getMethod("step", long.class);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[builds];
        double[] logRatio = new double[builds];
        int dropped = Math.max(3, rounds / 10);
        for (int r = 0; r < rounds; r++) {
            long[] t = new long[builds];
            for (int j = 0; j < builds; j++) {
                int k = (j + r) % builds;
                long t0 = mx.getCurrentThreadCpuTime();
                steps[k].invoke(floors[k], cycles);
                t[k] = mx.getCurrentThreadCpuTime() - t0;
            }
            if (r >= dropped) {
                for (int k = 0; k < builds; k++) {
                    cpu[k] += t[k];
                    logRatio[k] += Math.log((double) t[0] / t[k]);
                }
            }
        }
        System.out.printf("%dx%d at (%d, %d) of %dx%d, %d rounds of %d cycles (%d dropped); CPU: %s; load average %.2f%n",
                shape[4], shape[5], shape[2], shape[3], shape[0], shape[1], rounds, cycles, dropped, HostMachine.cpu(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long peCycles = (long) (rounds - dropped) * cycles * shape[4] * shape[5];
        for (int k = 0; k < builds; k++) {
            System.out.printf("%s: %.2f ns per PE-cycle, x%.3f against the first%n", a[8 + k],
                    (double) cpu[k] / peCycles, Math.exp(logRatio[k] / (rounds - dropped)));
        }
    }
}
