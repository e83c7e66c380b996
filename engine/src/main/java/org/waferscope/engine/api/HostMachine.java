package org.waferscope.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a measurement ran on, printed with every benchmark and {@code bench} result: a
 * speed means little without it (the same engine does twice as many PE-cycles per second on
 * some hosts as on others). Also the process's resident memory, as the kernel counts it.
 */
public final class HostMachine {
    private HostMachine() {
    }

    private static final String CPU = describe();

    /** For example "AMD EPYC, 2 cores, cache size 1024 KB", read once. */
    public static String cpu() {
        return CPU;
    }

    /** /proc/cpuinfo's words, or the OS's name without it. */
    private static String describe() {
        String model = null;
        String cache = null;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (model == null && line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (cache == null && line.startsWith("cache size")) {
                    cache = line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: what the JVM knows will do
        }
        if (model == null) {
            model = System.getProperty("os.arch") + " (" + System.getProperty("os.name") + ")";
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + (cache != null ? ", cache size " + cache : "");
    }

    /** Resident set now and at its peak, in MB ("VmRSS"/"VmHWM" of /proc/self/status); -1 where unknown. */
    public static long[] residentMb() {
        long rss = -1;
        long peak = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kb(line) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new long[] {rss, peak};
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
