package org.waferscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A class-data sharing archive of the jar's classes, kept in the user's cache directory, that
 * the second JVM ({@link Relaunch}) maps instead of loading, verifying and linking about
 * 2,500 classes from the jar and the JDK (docs/loading.md, "Class-data sharing").
 *
 * <p>The first run of a jar with a JDK records which classes it loads
 * ({@code -XX:DumpLoadedClassList}); when it ends well, {@link ClassArchiveWriter} makes the
 * archive from that list in the background, checks that a JVM maps it, and puts it in place
 * by an atomic move. Later runs use it with {@code -XX:+VerifySharedSpaces}, so a damaged
 * file is ignored (the JVM then runs without sharing, as it would without the archive). The
 * file's name holds the jar's path, size and time and the JDK's, so a rebuilt jar or another
 * JDK records and writes its own; the explorer, a headless screenshot and the command line
 * load different classes and get one archive each. A writer that failed leaves a mark, and
 * that jar is not tried again. Off with {@code WAFERSCOPE_CDS=off} or
 * {@code -Dwaferscope.cds=off}, or when the command line names an archive itself.
 */
final class ClassArchive {
    private final Path dir;
    private final Path jar;
    private final String name;
    private Path recording;

    private ClassArchive(Path dir, Path jar, String name) {
        this.dir = dir;
        this.jar = jar;
        this.name = name;
    }

    /** The archive for this launch, or null when there is none to use or make. */
    static ClassArchive forLaunch(String[] appArgs, List<String> line) {
        if (off(System.getenv("WAFERSCOPE_CDS")) || off(System.getProperty("waferscope.cds"))
                || line.stream().anyMatch(ClassArchive::namesAnArchive)
                || !System.getProperty("java.vm.name", "").contains("HotSpot")
                && !System.getProperty("java.vm.name", "").contains("OpenJDK")) {
            return null;
        }
        Path jar = singleJar(System.getProperty("java.class.path", ""));
        Path dir = cacheDir(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
        if (jar == null || dir == null) {
            return null;
        }
        return at(dir, jar, kind(appArgs), System.getProperty("java.home") + " " + System.getProperty("java.vm.version"));
    }

    /** The archive for {@code jar} run as {@code kind} on the JDK {@code jvm}, in {@code dir}; null when the jar cannot be read. */
    static ClassArchive at(Path dir, Path jar, String kind, String jvm) {
        try {
            Path abs = jar.toAbsolutePath().normalize();
            long version = (Files.size(abs) * 31 + Files.getLastModifiedTime(abs).toMillis()) * 31 + jvm.hashCode();
            return new ClassArchive(dir, abs, String.format(Locale.ROOT, "%s-%08x-%016x", kind, abs.toString().hashCode(),
                    version));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    static boolean off(String setting) {
        return "off".equalsIgnoreCase(setting) || "false".equalsIgnoreCase(setting);
    }

    /** Options by which the user chose class-data sharing themselves. */
    static boolean namesAnArchive(String option) {
        return option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:DumpLoadedClassList") || option.startsWith("-XX:ArchiveClassesAtExit")
                || option.startsWith("-XX:SharedClassListFile");
    }

    /** The jar when the class path is one jar file (as for {@code java -jar}), else null. */
    static Path singleJar(String classPath) {
        if (classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return null;
        }
        Path p = Path.of(classPath);
        return Files.isRegularFile(p) ? p : null;
    }

    /** The directory for the archives ({@code $XDG_CACHE_HOME}, else {@code ~/.cache}), or null. */
    static Path cacheDir(String xdgCache, String home) {
        if (xdgCache != null && !xdgCache.isBlank() && Path.of(xdgCache).isAbsolute()) {
            return Path.of(xdgCache, "waferscope", "class-archives");
        }
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "waferscope", "class-archives");
    }

    /** Which classes a run loads: the command line's, a headless explorer's, or a windowed explorer's. */
    static String kind(String[] appArgs) {
        List<String> args = List.of(appArgs);
        if (!args.isEmpty() && Launcher.COMMANDS.contains(args.get(0))) {
            return "cli";
        }
        return args.contains(AppOptions.HEADLESS) ? "headless" : "explorer";
    }

    Path archive() {
        return dir.resolve(name + ".jsa");
    }

    Path failedMark() {
        return dir.resolve(name + ".failed");
    }

    /**
     * The second JVM's options: use the archive when it is there, else record the classes
     * this run loads (unless writing it failed before, or the cache cannot be written).
     */
    List<String> options() {
        if (Files.isRegularFile(archive())) {
            return List.of("-XX:SharedArchiveFile=" + archive(), "-XX:+VerifySharedSpaces");
        }
        if (Files.exists(failedMark()) || underWay(System.currentTimeMillis())) {
            return List.of();
        }
        try {
            Files.createDirectories(dir);
            recording = dir.resolve(name + ".classlist." + ProcessHandle.current().pid());
            return List.of("-XX:DumpLoadedClassList=" + recording);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /**
     * Whether another launch is recording or writing this archive (its list or its writer's
     * file is less than an hour old): on a busy machine the writer, at the lowest priority,
     * can take minutes, and every launch meanwhile would record and write it again.
     */
    boolean underWay(long now) {
        try (java.nio.file.DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + ".*")) {
            for (Path p : files) {
                String f = p.getFileName().toString();
                if ((f.contains(".classlist.") || f.contains(".jsa.tmp"))
                        && now - Files.getLastModifiedTime(p).toMillis() < java.util.concurrent.TimeUnit.HOURS.toMillis(1)) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false; // no directory yet: nothing under way
        }
        return false;
    }

    /** After the second JVM ended with {@code status}: writes the archive from a good run's list, in the background. */
    void afterRun(int status, String java) {
        if (recording == null) {
            return;
        }
        boolean listed = false;
        try {
            listed = status == 0 && Files.size(recording) > 0;
        } catch (IOException e) {
            // no list: nothing to write
        }
        if (!listed || !ClassArchiveWriter.startInBackground(java, jar, recording, archive())) {
            ClassArchiveWriter.delete(recording);
        }
    }
}
