package org.waferscope.app;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a {@link ClassArchive} in a background JVM of its own, after the run that recorded
 * its class list has ended, so that nobody waits for it: a static archive made from the list
 * ({@code -Xshare:dump}, about 3 CPU-seconds, at the lowest priority where {@code nice}
 * exists), checked by a JVM that must map it ({@code -Xshare:on}), then moved into place
 * atomically, so that a launch never sees half a file. Archives of older builds of the same
 * jar are deleted; a failure leaves a mark instead.
 *
 * <p>Why not {@code -XX:ArchiveClassesAtExit} on the user's run: JDK 17's dynamic archive keeps
 * the "queued for compilation" flag of methods that were waiting for the JIT when it was
 * written (JDK-8306460, fixed in 21), and those methods then never compile; a full-wafer load
 * took 11 CPU-seconds instead of 4. A static dump runs no app code, so it has no such flags.
 */
final class ClassArchiveWriter {
    /** The argument by which the check JVM only starts (on the new archive) and exits. */
    static final String CHECK = "--check";

    private ClassArchiveWriter() {
    }

    /** Arguments: java, jar, class list, archive; or {@link #CHECK}. */
    public static void main(String[] args) {
        if (args.length == 4) {
            write(args[0], Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        }
    }

    /** Starts the writer and returns whether it started. */
    static boolean startInBackground(String java, Path jar, Path list, Path archive) {
        List<String> c = new ArrayList<>();
        Path nice = Path.of("/usr/bin/nice");
        if (Files.isExecutable(nice)) {
            c.addAll(List.of(nice.toString(), "-n", "19"));
        }
        c.addAll(List.of(java, "-Xshare:auto", "-Xmx256m", "-cp", jar.toString(), ClassArchiveWriter.class.getName(), java,
                jar.toString(), list.toString(), archive.toString()));
        try {
            new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Makes the archive from the list; true when it is in place. The list is deleted either way. */
    static boolean write(String java, Path jar, Path list, Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + ".tmp" + ProcessHandle.current().pid());
        Path failed = archive.resolveSibling(archive.getFileName().toString().replaceFirst("\\.jsa$", ".failed"));
        try {
            boolean ok = run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + tmp, "-cp", jar.toString()))
                    && Files.isRegularFile(tmp)
                    && run(List.of(java, "-Xshare:on", "-XX:SharedArchiveFile=" + tmp, "-XX:+VerifySharedSpaces", "-cp",
                    jar.toString(), ClassArchiveWriter.class.getName(), CHECK));
            if (ok) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                dropOlderBuilds(archive);
            } else {
                Files.writeString(failed, "the class-data archive could not be made from " + list + "\n");
            }
            return ok;
        } catch (IOException | SecurityException e) {
            return false;
        } finally {
            delete(tmp);
            delete(list);
        }
    }

    private static boolean run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Deletes the archives of the same jar path and kind that another build or JDK wrote. */
    static void dropOlderBuilds(Path archive) {
        String file = archive.getFileName().toString();
        String sameJar = file.substring(0, file.lastIndexOf('-') + 1);
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(archive.getParent(), sameJar + "*")) {
            for (Path p : dir) {
                if (!p.getFileName().toString().equals(file) && !p.getFileName().toString().contains(".classlist.")) {
                    delete(p);
                }
            }
        } catch (IOException | SecurityException e) {
            // an old archive left behind costs disk space only
        }
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | SecurityException e) {
            // a stray file in the cache directory harms no launch
        }
    }
}
