package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the class-data archive lives, when a launch uses, records or skips it, and what a failed writer leaves. */
class ClassArchiveTest {
    @TempDir
    Path tmp;

    private Path jar() throws IOException {
        Path jar = tmp.resolve("waferscope.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
            Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        }
        return jar;
    }

    /** A launch that records with {@code a}, and the list its JVM wrote. */
    private static Path recorded(ClassArchive a) throws IOException {
        Path list = Path.of(a.options().get(0).substring("-XX:DumpLoadedClassList=".length()));
        Files.writeString(list, "java/lang/Object\n");
        return list;
    }

    @Test
    void aLaunchWithoutAnArchiveRecordsAndOneWithItUsesIt() throws IOException {
        Path cache = tmp.resolve("cache");
        ClassArchive a = ClassArchive.at(cache, jar(), "cli", "jdk-17");
        List<String> first = a.options();
        assertEquals(1, first.size());
        assertTrue(first.get(0).startsWith("-XX:DumpLoadedClassList=" + cache), first.get(0));
        Files.writeString(a.archive(), "archive");
        assertEquals(List.of("-XX:SharedArchiveFile=" + a.archive(), "-XX:+VerifySharedSpaces"),
                ClassArchive.at(cache, jar(), "cli", "jdk-17").options());
    }

    @Test
    void aSecondLaunchWhileTheFirstRecordsNeitherRecordsNorUses() throws IOException {
        Path cache = tmp.resolve("cache");
        Path list = recorded(ClassArchive.at(cache, jar(), "cli", "jdk-17"));
        ClassArchive second = ClassArchive.at(cache, jar(), "cli", "jdk-17");
        assertEquals(List.of(), second.options());
        Files.setLastModifiedTime(list, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000));
        assertFalse(second.underWay(System.currentTimeMillis()), "a list left by a launch that died long ago");
    }

    @Test
    void aRebuiltJarOrAnotherJdkOrKindGetsItsOwnArchive() throws IOException {
        Path cache = tmp.resolve("cache");
        Path before = ClassArchive.at(cache, jar(), "cli", "jdk-17").archive();
        assertEquals(before, ClassArchive.at(cache, jar(), "cli", "jdk-17").archive());
        assertNotEquals(before, ClassArchive.at(cache, jar(), "cli", "jdk-21").archive());
        assertNotEquals(before, ClassArchive.at(cache, jar(), "explorer", "jdk-17").archive());
        Files.setLastModifiedTime(jar(), FileTime.fromMillis(2_000_000));
        assertNotEquals(before, ClassArchive.at(cache, jar(), "cli", "jdk-17").archive());
        assertNull(ClassArchive.at(cache, tmp.resolve("gone.jar"), "cli", "jdk-17"));
    }

    @Test
    void aFailedRunRecordsNothingAndAFailedWriterIsNotTriedAgain() throws IOException {
        Path cache = tmp.resolve("cache");
        ClassArchive a = ClassArchive.at(cache, jar(), "explorer", "jdk-17");
        Path list = recorded(a);
        a.afterRun(1, "/no/such/java");
        assertFalse(Files.exists(list), "the list of a run that failed is dropped");

        Files.writeString(list, "java/lang/Object\n");
        assertFalse(ClassArchiveWriter.write(tmp.resolve("no-java").toString(), jar(), list, a.archive()));
        assertFalse(Files.exists(a.archive()));
        assertFalse(Files.exists(list));
        assertTrue(Files.exists(a.failedMark()));
        assertEquals(List.of(), ClassArchive.at(cache, jar(), "explorer", "jdk-17").options(), "neither used nor recorded");
    }

    @Test
    void aNewArchiveReplacesTheOlderBuildsOfTheSameJarOnly() throws IOException {
        Files.createDirectories(tmp.resolve("c"));
        Path kept = Files.writeString(tmp.resolve("c/cli-0000abcd-0000000000000002.jsa"), "new");
        Path older = Files.writeString(tmp.resolve("c/cli-0000abcd-0000000000000001.jsa"), "old");
        Path otherKind = Files.writeString(tmp.resolve("c/explorer-0000abcd-0000000000000001.jsa"), "x");
        Path otherJar = Files.writeString(tmp.resolve("c/cli-0000ffff-0000000000000001.jsa"), "x");
        ClassArchiveWriter.dropOlderBuilds(kept);
        assertTrue(Files.exists(kept));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(otherKind));
        assertTrue(Files.exists(otherJar));
    }

    @Test
    void theLaunchSaysWhichArchiveAndWhere() throws IOException {
        assertEquals("cli", ClassArchive.kind(new String[] {"bench", "allreduce"}));
        assertEquals("headless", ClassArchive.kind(new String[] {"--headless", "--screenshot", "x.png"}));
        assertEquals("explorer", ClassArchive.kind(new String[0]));
        assertEquals(Path.of("/x/waferscope/class-archives"), ClassArchive.cacheDir("/x", "/home/u"));
        assertEquals(Path.of("/home/u/.cache/waferscope/class-archives"), ClassArchive.cacheDir(null, "/home/u"));
        assertEquals(Path.of("/home/u/.cache/waferscope/class-archives"), ClassArchive.cacheDir("relative", "/home/u"));
        assertNull(ClassArchive.cacheDir(null, null));
        assertEquals(jar(), ClassArchive.singleJar(jar().toString()));
        assertNull(ClassArchive.singleJar(jar() + java.io.File.pathSeparator + "b.jar"));
        assertNull(ClassArchive.singleJar(tmp.resolve("classes").toString()));
        assertTrue(ClassArchive.namesAnArchive("-Xshare:off"));
        assertTrue(ClassArchive.namesAnArchive("-XX:SharedArchiveFile=/a.jsa"));
        assertFalse(ClassArchive.namesAnArchive("-Xmx8g"));
        assertTrue(ClassArchive.off("OFF"));
        assertFalse(ClassArchive.off(null));
    }
}
