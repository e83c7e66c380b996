package org.waferscope.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the jar again with {@code -XX:+UseTransparentHugePages} when {@code java -jar} was
 * run without it on a Linux kernel that gives huge pages only to who asks ({@code madvise},
 * most distributions' default). A full-wafer program's load makes about 1.2 GB of fresh
 * arrays, and with 2 MB pages that costs about a third less CPU (docs/loading.md); the app
 * image and {@code ./mvnw javafx:run} pass the option themselves, but a jar cannot carry JVM
 * options. The first JVM only waits for the second and exits with its status; it loads
 * none of the app (about 0.1 CPU-seconds).
 *
 * <p>Not done when the option is already set either way (so {@code -XX:-UseTransparentHugePages}
 * turns this off too), when {@code WAFERSCOPE_HUGE_PAGES=off} is in the environment or
 * {@code -Dwaferscope.hugePages=off} on the command line, when the kernel's mode is
 * {@code always} or {@code never}, or when this JVM was not started on the jar's launcher
 * (a test calling {@code main}).
 */
final class HugePages {
    static final String FLAG = "-XX:+UseTransparentHugePages";
    private static final Path MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private HugePages() {
    }

    /** Runs the second JVM and returns its exit status, or -1 when this JVM should go on itself. */
    static int relaunch(String[] args) {
        List<String> given = List.of(args);
        if (given.contains("--help") || given.contains("-h") || given.contains("--version") || given.contains("-V")
                || !wanted()) {
            return -1;
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        List<String> command = command(self.command().orElse(null), self.arguments().orElse(null));
        if (command == null) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            // a signal that ends this JVM (not Ctrl-C, which the terminal sends to both) ends the app too
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            return waitFor(p);
        } catch (java.io.IOException e) {
            return -1; // start the app in this JVM instead
        }
    }

    private static int waitFor(Process p) {
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static boolean wanted() {
        return !"off".equalsIgnoreCase(System.getenv("WAFERSCOPE_HUGE_PAGES"))
                && !"off".equalsIgnoreCase(System.getProperty("waferscope.hugePages"))
                && madviseMode(read(MODE))
                && startedOnLauncher(System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""));
    }

    /** Whether the kernel's setting ({@code always [madvise] never}) gives huge pages only on request. */
    static boolean madviseMode(String setting) {
        return setting != null && setting.contains("[madvise]");
    }

    /** Whether the JVM's main class is this launcher, by class name or as the jar on the class path. */
    static boolean startedOnLauncher(String javaCommand, String classPath) {
        String main = javaCommand.split(" ", 2)[0];
        return main.equals(Launcher.class.getName()) || !main.isEmpty() && main.equals(classPath) && main.endsWith(".jar");
    }

    /**
     * The second JVM's command line: this one's, as the operating system has it, with the
     * option after the {@code java} command; null when the option was given already (either
     * way) or the command line cannot be read.
     */
    static List<String> command(String launcher, String[] given) {
        if (launcher == null || given == null || given.length == 0
                || java.util.Arrays.stream(given).anyMatch(a -> a.contains("UseTransparentHugePages"))) {
            return null;
        }
        List<String> c = new ArrayList<>();
        c.add(launcher);
        c.add(FLAG);
        c.add("-Dwaferscope.hugePages=off"); // the second JVM goes on itself
        c.addAll(List.of(given));
        return c;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException | SecurityException e) {
            return null;
        }
    }
}
