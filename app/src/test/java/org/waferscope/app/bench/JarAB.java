package org.waferscope.app.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two builds of the app's jar side by side in one JVM, each in a class loader of its own,
 * running the same {@code bench} command in turns: the whole program as a user runs it
 * (load, host steps, checks), where {@code engine.bench.InterleavedAB} steps only the
 * nearest-neighbour exchange. On this project's machines the same jar's speed moves up to
 * 2.5x from one process to the next (docs/speed-spread.md), so separate processes cannot tell
 * two builds a few per cent apart; turns in one process can. A tool run by hand:
 *
 * <pre>
 * java -Xmx12g -Dwaferscope.relaunched=true -cp app/target/test-classes org.waferscope.app.bench.JarAB \
 *     ROUNDS BASE.jar END.jar bench allreduce --param width=757 --param height=996 --cycles 6000
 * </pre>
 *
 * Rounds alternate which jar goes first; the first round is dropped (each jar's code is
 * compiled on its own). It prints each turn's {@code cli} line, then the end's speed per
 * CPU-second of the simulating thread against base's, round by round, and their geometric
 * mean. {@code -Dwaferscope.relaunched=true} keeps the command from starting a JVM of its own.
 */
public final class JarAB {
    private JarAB() {
    }

    private static final Pattern PER_CPU = Pattern.compile("([0-9.]+) per CPU-second of this thread");

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path[] jars = {Path.of(args[1]), Path.of(args[2])};
        String[] names = {"base", "end"};
        String[] command = Arrays.copyOfRange(args, 3, args.length);
        Method[] execute = new Method[2];
        for (int k = 0; k < 2; k++) {
            ClassLoader cl = new URLClassLoader(new URL[] {jars[k].toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            execute[k] = cl.loadClass("org.waferscope.app.cli.WaferscopeCli")
                    .getMethod("execute", String[].class, PrintWriter.class, PrintWriter.class);
        }
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double[] speed = new double[2];
            for (int i = 0; i < 2; i++) {
                int k = (i + r) % 2;
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                Object code = execute[k].invoke(null, command, new PrintWriter(out, true), new PrintWriter(err, true));
                if (!Integer.valueOf(0).equals(code)) {
                    throw new IllegalStateException(names[k] + " exited with " + code + ": " + err);
                }
                String cli = out.toString().lines().filter(l -> l.startsWith("cli")).findFirst()
                        .orElseThrow(() -> new IllegalStateException(names[k] + " printed no cli line: " + out));
                Matcher m = PER_CPU.matcher(cli);
                if (!m.find()) {
                    throw new IllegalStateException(names[k] + "'s cli line gives no speed: " + cli);
                }
                speed[k] = Double.parseDouble(m.group(1));
                System.out.printf("round %d %-4s %s%n", r, names[k], cli);
                System.gc();
            }
            if (r > 0) {
                ratios.add(speed[1] / speed[0]);
            }
        }
        double logs = 0;
        StringBuilder each = new StringBuilder();
        for (double x : ratios) {
            logs += Math.log(x);
            each.append(String.format(" %.3f", x));
        }
        System.out.printf("end / base per CPU-second, rounds 1..%d:%s; geomean x%.3f%n", rounds - 1, each,
                Math.exp(logs / Math.max(1, ratios.size())));
    }
}
