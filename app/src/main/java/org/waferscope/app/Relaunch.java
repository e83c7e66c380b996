package org.waferscope.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the jar again in a second JVM with the options a jar cannot carry itself: huge
 * pages ({@link HugePages}, when asked for), a cap on the young generation
 * ({@link YoungGeneration}), G1's first marking threshold ({@link MarkingThreshold}) and the
 * class-data archive ({@link ClassArchive}). The first JVM loads none of the app: it waits for
 * the second, exits with its status and, on a run that recorded the classes it loaded, starts
 * the archive's writer in the background.
 *
 * <p>Not done when nothing is to be added, for {@code --help}/{@code --version}, in the second
 * JVM itself ({@code -Dwaferscope.relaunched=true}), or when this JVM was not started on the
 * jar's launcher by a {@code java} command (a test calling {@code main}, or an app image's
 * native launcher, whose command line takes no JVM options).
 */
final class Relaunch {
    /** Set on the second JVM's command line, so that it goes on itself. */
    static final String CHILD = "waferscope.relaunched";
    /** The first JVM's start (epoch milliseconds), so that start-up times count from the user's launch. */
    static final String LAUNCHED_AT = "waferscope.launchedAt";

    private Relaunch() {
    }

    /** Runs the second JVM and returns its exit status, or -1 when this JVM should go on itself. */
    static int run(String[] args) {
        List<String> given = List.of(args);
        if (Boolean.getBoolean(CHILD) || given.contains("--help") || given.contains("-h") || given.contains("--version")
                || given.contains("-V")
                || !startedOnLauncher(System.getProperty("sun.java.command", ""), System.getProperty("java.class.path", ""))) {
            return -1;
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        String javaCmd = self.command().orElse(null);
        List<String> line = self.arguments().map(List::of).orElse(List.of());
        if (!javaCommand(javaCmd) || line.isEmpty()) {
            return -1;
        }
        ClassArchive archive = ClassArchive.forLaunch(args, line);
        List<String> extra = new ArrayList<>(HugePages.options(line));
        extra.addAll(YoungGeneration.options(line, Runtime.getRuntime().maxMemory()));
        extra.addAll(MarkingThreshold.options(line));
        if (archive != null) {
            extra.addAll(archive.options());
        }
        if (extra.isEmpty()) {
            return -1;
        }
        long launchedAt = self.startInstant().map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
        try {
            Process p = new ProcessBuilder(command(javaCmd, extra, launchedAt, line)).inheritIO().start();
            // a signal that ends this JVM (not Ctrl-C, which the terminal sends to both) ends the app too
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            int status = waitFor(p);
            if (archive != null) {
                archive.afterRun(status, javaCmd);
            }
            return status;
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

    /** Whether the user turned one of the added options off: {@code ENV=off} in the environment or {@code -Dproperty=off}. */
    static boolean switchedOff(String env, String property) {
        return "off".equalsIgnoreCase(System.getenv(env)) || "off".equalsIgnoreCase(System.getProperty(property));
    }

    /** Whether the JVM's main class is this launcher, by class name or as the jar on the class path. */
    static boolean startedOnLauncher(String javaCommand, String classPath) {
        String main = javaCommand.split(" ", 2)[0];
        return main.equals(Launcher.class.getName()) || !main.isEmpty() && main.equals(classPath) && main.endsWith(".jar");
    }

    /** Whether the process was started by a {@code java} executable (which takes JVM options first). */
    static boolean javaCommand(String command) {
        if (command == null) {
            return false;
        }
        String name = java.nio.file.Path.of(command).getFileName().toString();
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw.exe");
    }

    /** The second JVM's command line: the extra options, then this one's, as the operating system has it. */
    static List<String> command(String java, List<String> extra, long launchedAt, List<String> given) {
        List<String> c = new ArrayList<>();
        c.add(java);
        c.addAll(extra);
        c.add("-D" + CHILD + "=true");
        c.add("-D" + LAUNCHED_AT + "=" + launchedAt);
        c.addAll(given);
        return c;
    }
}
