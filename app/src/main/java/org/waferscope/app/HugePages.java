package org.waferscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the jar's second JVM ({@link Relaunch}) gets {@code -XX:+UseTransparentHugePages}:
 * when {@code java -jar} was run without it on a Linux kernel that gives huge pages only to
 * who asks ({@code madvise}, most distributions' default). A full-wafer program's load makes
 * about 1.2 GB of fresh arrays, and with 2 MB pages that costs about a third less CPU
 * (docs/loading.md); the app image and {@code ./mvnw javafx:run} pass the option themselves,
 * but a jar cannot carry JVM options.
 *
 * <p>Not wanted when the option is already set either way (so {@code -XX:-UseTransparentHugePages}
 * turns this off too), when {@code WAFERSCOPE_HUGE_PAGES=off} is in the environment or
 * {@code -Dwaferscope.hugePages=off} on the command line, or when the kernel's mode is
 * {@code always} or {@code never}.
 */
final class HugePages {
    static final String FLAG = "-XX:+UseTransparentHugePages";
    private static final Path MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private HugePages() {
    }

    /** The options this adds to the second JVM's command line: the flag, or none. */
    static List<String> options(List<String> jvmGiven) {
        return wanted() && jvmGiven.stream().noneMatch(a -> a.contains("UseTransparentHugePages")) ? List.of(FLAG)
                : List.of();
    }

    static boolean wanted() {
        return !Relaunch.switchedOff("WAFERSCOPE_HUGE_PAGES", "waferscope.hugePages") && madviseMode(read(MODE));
    }

    /** Whether the kernel's setting ({@code always [madvise] never}) gives huge pages only on request. */
    static boolean madviseMode(String setting) {
        return setting != null && setting.contains("[madvise]");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
    }
}
