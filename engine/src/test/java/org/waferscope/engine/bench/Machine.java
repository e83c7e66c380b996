package org.waferscope.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU a benchmark ran on, printed with every result: speed figures mean little without
 * it (the same engine does twice as many PE-cycles per second on some hosts as on others).
 */
final class Machine {
    private Machine() {
    }

    private static final String DESCRIPTION = describe();

    /** For example "AMD EPYC, 2 cores, cache size 1024 KB"; what /proc/cpuinfo says, or the OS's name where it is missing. */
    static String cpu() {
        return DESCRIPTION;
    }

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
            // not Linux: fall back to what the JVM knows
        }
        if (model == null) {
            model = System.getProperty("os.arch") + " (" + System.getProperty("os.name") + ")";
        }
        return model + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + (cache != null ? ", cache size " + cache : "");
    }
}
