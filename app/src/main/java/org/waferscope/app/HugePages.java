package org.waferscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether the jar's second JVM ({@link Relaunch}) gets {@code -XX:+UseTransparentHugePages}:
 * only when asked for, with {@code WAFERSCOPE_HUGE_PAGES=on} in the environment or
 * {@code -Dwaferscope.hugePages=on} on the command line, on a Linux kernel that gives huge
 * pages only to who asks ({@code madvise}, most distributions' default).
 *
 * <p>Asked for by default until session 12, when a full-wafer load's 1.2 GB of fresh arrays
 * cost a third less CPU with 2 MB pages. On the 2-vCPU virtual machine of session 13 they cost
 * 3 to 7 times more than 4 KB pages whenever the kernel hands out huge pages the host has not
 * backed yet (640 MB of fresh arrays: 2.2–3.4 CPU-s, against 0.4–0.6 with small pages, and
 * 0.16 only when the pages had just been freed by another JVM), and a cold full-wafer load's
 * CPU rose with them (docs/benchmarks.md, "Session 13"): what they save depends on the
 * machine under it, so they are left to who has measured it.
 *
 * <p>Not added when the option is already set either way, or when the kernel's mode is
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
        return askedFor(System.getenv("WAFERSCOPE_HUGE_PAGES"), System.getProperty("waferscope.hugePages"))
                && madviseMode(read(MODE));
    }

    /** Whether the environment's or the command line's setting asks for huge pages ({@code on}). */
    static boolean askedFor(String env, String property) {
        return "on".equalsIgnoreCase(env) || "on".equalsIgnoreCase(property);
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
