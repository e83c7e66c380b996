package org.waferscope.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.api.HostMachine;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/**
 * One process's engine speed, window by window, beside plain loops timed right after each
 * window, and where the fabric's big arrays landed: run as many processes in a row, it tells
 * whether the 2.5x spread between processes of the same jar (docs/benchmarks.md, "Session 8,
 * at the end") belongs to the process (its heap layout, its compiled code) or to the moment
 * (docs/speed-spread.md, which shows what it found). Everything is timed by this thread's
 * CPU time.
 *
 * <pre>
 * java -Xmx9g -cp engine/target/test-classes:engine/target/classes:app/target/waferscope.jar \
 *     org.waferscope.engine.bench.SpreadProbe PROGRAM_DIR CYCLES WINDOW [NAME=VALUE ...]
 * java ... org.waferscope.engine.bench.SpreadProbe monitor SECONDS
 * </pre>
 *
 * It loads the program folder with the layout params given (two copies, stepped in turns,
 * with {@code -Dspread.twin=true}; a full collection after the loads with {@code -Dspread.gc=true}), runs CYCLES cycles in windows of WINDOW cycles and after
 * each window times the controls: a chase of dependent reads through 64 MB and through 8 MB,
 * a sum over 64 MB, sixteen chases at once, and a chain of multiplies in registers. It prints
 * one {@code win} line per window (with each copy's system time, page faults and involuntary
 * context switches), one {@code addr} line per big array of each fabric (its address modulo
 * 4 KiB and 2 MiB), the huge pages the process holds ({@code mem}) and each copy's total and
 * state hash ({@code sum}). {@code monitor} runs the controls alone with the time of day, to
 * run beside a probe in another process. {@code -Dspread.stderr=true} prints on standard
 * error, so that the JVM's own printing on standard output cannot cut a line.
 */
public final class SpreadProbe {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final int CONTROL_INTS = 16 << 20; // 64 MB
    private static final int L3_INTS = 2 << 20; // 8 MB: past the L2, within the L3
    /** Standard error with {@code -Dspread.stderr=true}, so that the JVM's own printing on standard output cannot cut a line. */
    private static final java.io.PrintStream OUT = Boolean.getBoolean("spread.stderr") ? System.err : System.out;

    private SpreadProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("monitor")) {
            monitor(Long.parseLong(args[1]));
            return;
        }
        Path folder = Path.of(args[0]);
        long cycles = Long.parseLong(args[1]);
        long window = Long.parseLong(args[2]);
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            params.put(kv[0], kv[1]);
        }
        int[] control = chain(CONTROL_INTS);
        int[] inL3 = chain(L3_INTS);
        WaferProgram p = ProgramLoader.load(folder, ProgramLoader.LoadOptions.DEFAULTS.withParams(params));
        int copies = Boolean.getBoolean("spread.twin") ? 2 : 1;
        List<Wafer> wafers = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            wafers.add(Wafer.load(p, 1));
        }
        if (Boolean.getBoolean("spread.gc")) {
            System.gc(); // every copy's small objects moved by one full collection, not only the first copy's
        }
        List<Double> chase = new ArrayList<>();
        long[] cpuAll = new long[copies];
        long done = 0;
        for (int k = 0; done < cycles; k++) {
            long n = Math.min(window, cycles - done);
            double[] rate = new double[copies];
            StringBuilder how = new StringBuilder();
            for (int j = 0; j < copies; j++) {
                int i = (j + k) % copies; // alternate which copy goes first
                long[] s0 = threadStat();
                long u0 = MX.getCurrentThreadUserTime();
                long t0 = MX.getCurrentThreadCpuTime();
                wafers.get(i).advance(n, false, false);
                long t = MX.getCurrentThreadCpuTime() - t0;
                long u = MX.getCurrentThreadUserTime() - u0;
                long[] s1 = threadStat();
                cpuAll[i] += t;
                rate[i] = n * 1e9 / t;
                how.append(String.format(Locale.ROOT, " copy%d sys %.1f %% faults %d switches %d", i,
                        100.0 * (t - u) / t, s1[0] - s0[0], s1[1] - s0[1]));
            }
            done += n;
            double ns = chaseNanos(control);
            double l3 = chaseNanos(inL3);
            double gbs = sumGbs(control);
            double alu = aluNanos();
            double mlp = parallelNanos(control);
            chase.add(ns);
            StringBuilder rates = new StringBuilder();
            for (double r : rate) {
                rates.append(String.format(Locale.ROOT, " %.1f", r));
            }
            OUT.printf(Locale.ROOT, "win %d at %d ms epoch %d cycles %d engine%s cycles/cpu-s chase %.1f ns l3 %.1f ns sum %.2f GB/s alu %.3f ns mlp %.2f ns%s%n",
                    k, ManagementFactory.getRuntimeMXBean().getUptime(), System.currentTimeMillis(), done, rates, ns, l3, gbs, alu, mlp, how);
        }
        for (int i = 0; i < copies; i++) {
            arrays(wafers.get(i).fabric(), "fabric" + i);
        }
        for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/smaps_rollup"))) {
            if (line.startsWith("AnonHugePages") || line.startsWith("Rss")) {
                OUT.println("mem " + line.replaceAll("\\s+", " "));
            }
        }
        for (int i = 0; i < copies; i++) {
            OUT.printf(Locale.ROOT, "sum engine %.1f cycles/cpu-s over %d cycles, median chase %.1f ns, state %016x, cpu %s%n",
                    done * 1e9 / cpuAll[i], done, median(chase), wafers.get(i).stateHash(), HostMachine.cpu());
            wafers.get(i).close();
        }
    }

    /**
     * The controls alone, one round after another for {@code seconds}, with the time of day: run
     * beside a probe in another process to see whether its slow windows are the machine's.
     */
    private static void monitor(long seconds) {
        int[] control = chain(CONTROL_INTS);
        long end = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < end) {
            OUT.printf(Locale.ROOT, "mon epoch %d chase %.1f ns mlp %.2f ns alu %.3f ns%n", System.currentTimeMillis(),
                    chaseNanos(control), parallelNanos(control), aluNanos());
        }
    }

    /** A random cycle through {@code n} ints: each read's index is the last read's value. */
    private static int[] chain(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(42);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[order[i]] = order[(i + 1) % n];
        }
        return next;
    }

    static int sink;

    private static double chaseNanos(int[] next) {
        int reads = 1 << 20;
        int at = 0;
        long t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < reads; i++) {
            at = next[at];
        }
        long t = MX.getCurrentThreadCpuTime() - t0;
        sink += at;
        return t / (double) reads;
    }

    /**
     * Sixteen chases through the same chain at once: reads from memory that the core can
     * overlap, as the engine's are, so this falls when the core's queues are shared (an SMT
     * sibling) or the memory is busy, where one chase alone barely moves.
     */
    private static double parallelNanos(int[] next) {
        int rounds = 1 << 16;
        int[] at = new int[16];
        for (int j = 0; j < 16; j++) {
            at[j] = j * 1_000_003 % next.length;
        }
        long t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            for (int j = 0; j < 16; j++) {
                at[j] = next[at[j]];
            }
        }
        long t = MX.getCurrentThreadCpuTime() - t0;
        sink += at[3];
        return t / (16.0 * rounds);
    }

    /** This thread's minor page faults and involuntary context switches so far (zeros where /proc cannot tell). */
    private static long[] threadStat() {
        long[] r = new long[2];
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/thread-self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            r[0] = Long.parseLong(f[7]); // minflt, the 10th field
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/thread-self/status"))) {
                if (line.startsWith("nonvoluntary_ctxt_switches")) {
                    r[1] = Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return r;
        }
        return r;
    }

    /** A chain of dependent multiplies and shifts in registers: the core's clock, and what an SMT sibling takes of it. */
    private static double aluNanos() {
        int steps = 20_000_000;
        long x = 88172645463325252L;
        long t0 = MX.getCurrentThreadCpuTime();
        for (int i = 0; i < steps; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            x ^= x >>> 29;
        }
        long t = MX.getCurrentThreadCpuTime() - t0;
        sink += (int) x;
        return t / (double) steps;
    }

    private static double sumGbs(int[] a) {
        long t0 = MX.getCurrentThreadCpuTime();
        long s = 0;
        for (int rep = 0; rep < 2; rep++) {
            for (int v : a) {
                s += v;
            }
        }
        long t = MX.getCurrentThreadCpuTime() - t0;
        sink += (int) s;
        return 2.0 * a.length * 4 / t;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        java.util.Collections.sort(s);
        return s.get(s.size() / 2);
    }

    /** Prints the address of every array of at least 64 KB reachable from the fabric within two fields. */
    private static void arrays(Object fabric, String name) throws ReflectiveOperationException {
        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        sun.misc.Unsafe u = (sun.misc.Unsafe) f.get(null);
        walk(u, fabric, name, 0, new IdentityHashMap<>());
    }

    private static void walk(sun.misc.Unsafe u, Object o, String path, int depth, Map<Object, Boolean> seen)
            throws IllegalAccessException {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        Class<?> c = o.getClass();
        if (c.isArray()) {
            long bytes = bytes(o);
            if (bytes >= 64 << 10) {
                long a = address(u, o);
                OUT.printf(Locale.ROOT, "addr %s %s %d bytes at %x mod4k %d mod2m %d%n", path,
                        c.getComponentType().getSimpleName(), bytes, a, a & 4095, a & ((2 << 20) - 1));
            }
            return;
        }
        if (depth > 2 || !c.getName().startsWith("org.waferscope")) {
            return;
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                } catch (RuntimeException e) {
                    continue;
                }
                walk(u, f.get(o), path + "." + f.getName(), depth + 1, seen);
            }
        }
    }

    private static long bytes(Object a) {
        Class<?> t = a.getClass().getComponentType();
        int each = t == long.class || t == double.class ? 8 : t == byte.class || t == boolean.class ? 1
                : t == short.class || t == char.class ? 2 : 4;
        return (long) each * java.lang.reflect.Array.getLength(a);
    }

    private static long address(sun.misc.Unsafe u, Object a) {
        Object[] holder = {a};
        long base = u.arrayBaseOffset(Object[].class);
        long narrow = u.getInt(holder, base) & 0xffffffffL;
        return narrow << 3; // zero-based compressed oops (heap under 32 GB)
    }
}
