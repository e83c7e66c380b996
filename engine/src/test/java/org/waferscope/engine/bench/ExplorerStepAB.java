package org.waferscope.engine.bench;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.waferscope.engine.api.HostMachine;

/**
 * The explorer's stepping against {@code run}'s, and one build's explorer against another's,
 * in one JVM: each side runs the same program CYCLES cycles a turn, in turns whose order
 * rotates, timed by this thread's CPU, so that the machine's load and the process's JIT and
 * heap weigh on every side alike (across processes, or between the two halves of {@code bench
 * --explorer --with-run}, the same stepping moves by 10-20 %: docs/benchmarks.md, "Session 13").
 *
 * <pre>
 * java -Xmx9g -cp engine/target/test-classes:engine/target/classes:app/target/waferscope.jar \
 *     org.waferscope.engine.bench.ExplorerStepAB PROGRAM_DIR CYCLES ROUNDS NAME=DIR[:run] ... [PARAM=VALUE ...]
 * </pre>
 *
 * DIR is a build's {@code engine/target} ({@code classes} and {@code test-classes}, loaded first,
 * then this JVM's class path: the libraries, and this class's {@link ExplorerSide} where the
 * build has none); {@code :run} runs that side as {@code run} does, a bare wafer, else as the
 * explorer does ({@link ExplorerSide}). Each side holds a whole wafer: three full-wafer sides
 * need about 8 GB of heap. It prints each side's stepping and running CPU, the first side's
 * stepping CPU over each side's (its speed against the first's), and the state hashes, which
 * must be equal.
 */
public final class ExplorerStepAB {
    private ExplorerStepAB() {
    }

    private record Side(String name, Object driver, Method run, Method stepping, Method running, Method hash) {
        long call(Method m) throws Exception {
            return (long) m.invoke(driver);
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long cycles = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Map<String, String> params = new LinkedHashMap<>();
        List<String[]> builds = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv[1].contains(File.separator)) {
                builds.add(kv);
            } else {
                params.put(kv[0], kv[1]);
            }
        }
        List<Side> sides = new ArrayList<>();
        for (String[] b : builds) {
            boolean asRun = b[1].endsWith(":run");
            String dir = asRun ? b[1].substring(0, b[1].length() - 4) : b[1];
            Class<?> c = SnapshotCostAB.loaderOf(Path.of(dir)).loadClass(ExplorerSide.class.getName());
            Object driver = c.getConstructor(Path.class, Map.class, boolean.class).newInstance(folder, params, asRun);
            sides.add(new Side(b[0], driver, c.getMethod("run", long.class),
                    c.getMethod("steppingNanos"), c.getMethod("runningNanos"), c.getMethod("hash")));
        }
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + r + ":");
            for (int k = 0; k < sides.size(); k++) {
                Side s = sides.get((k + r) % sides.size());
                long before = s.call(s.stepping());
                s.run().invoke(s.driver(), cycles);
                line.append(String.format(Locale.ROOT, "  %s %.3f s", s.name(), (s.call(s.stepping()) - before) / 1e9));
            }
            System.out.println(line);
        }
        System.out.println("cpu: " + HostMachine.cpu());
        double first = sides.get(0).call(sides.get(0).stepping());
        for (Side s : sides) {
            long stepping = s.call(s.stepping());
            System.out.printf(Locale.ROOT, "%-14s stepping %.2f s CPU (speed x%.3f of %s), running %.2f s CPU; state %016x%n",
                    s.name(), stepping / 1e9, first / stepping, sides.get(0).name(), s.call(s.running()) / 1e9,
                    s.call(s.hash()));
        }
    }
}
