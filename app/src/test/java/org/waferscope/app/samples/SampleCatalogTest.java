package org.waferscope.app.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCatalogTest {
    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path root = tmp.resolve("classes");
        Path a = Files.createDirectories(root.resolve(SampleCatalog.ROOT).resolve("broadcast-chain"));
        Files.writeString(a.resolve("run.json"), "{\"title\": \"Broadcast chain\", \"summary\": \"4 PEs pass it on\"}");
        Files.writeString(a.resolve("layout.csl"), "layout {}");
        Path b = Files.createDirectories(root.resolve(SampleCatalog.ROOT).resolve("heat-diffusion"));
        Files.writeString(b.resolve("run.json"), "{\"title\": \"Heat\"}");
        Files.createDirectories(root.resolve(SampleCatalog.ROOT).resolve("not-a-sample"));
        return root;
    }

    @Test
    void followsTheTeachingOrderOfTheIndex() throws Exception {
        Path root = tree();
        Files.writeString(root.resolve(SampleCatalog.ROOT).resolve("index.txt"), "heat-diffusion\nbroadcast-chain\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertEquals(List.of("heat-diffusion", "broadcast-chain"),
                    new SampleCatalog(cl).samples().stream().map(Sample::name).toList());
        }
    }

    @Test
    void listsFoldersWithRunJsonAndOpensTheFirstLessonByDefault() throws Exception {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {tree().toUri().toURL()}, null)) {
            SampleCatalog c = new SampleCatalog(cl);
            List<Sample> all = c.samples();
            assertEquals(List.of("broadcast-chain", "heat-diffusion"), all.stream().map(Sample::name).toList());
            assertEquals("4 PEs pass it on", all.get(0).summary());
            assertEquals("broadcast-chain", c.defaultSample().orElseThrow().name());
            assertEquals(all.get(0).folder(), c.materialize(all.get(0)), "plain folders are used in place");
        }
    }

    @Test
    void samplesInsideAJarAreCopiedOutBeforeOpening() throws Exception {
        Path root = tree();
        Path jar = tmp.resolve("samples.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Path p : Files.walk(root).sorted().toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(Files.isDirectory(p) ? name + "/" : name));
                if (!Files.isDirectory(p)) {
                    z.write(Files.readAllBytes(p));
                }
                z.closeEntry();
            }
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            SampleCatalog c = new SampleCatalog(cl);
            Sample s = c.byName("broadcast-chain").orElseThrow();
            Path out = c.materialize(s);
            assertTrue(Files.isRegularFile(out.resolve("layout.csl")));
            assertEquals("broadcast-chain", out.getFileName().toString());
            assertEquals("layout {}", Files.readString(out.resolve("layout.csl")));
            assertEquals(out, c.materialize(s), "a second open reuses the copy instead of leaving another folder");
            c.deleteCopies();
            assertFalse(Files.exists(out.getParent()), "the copies' folder is deleted");
            Path again = c.materialize(s);
            assertTrue(Files.isRegularFile(again.resolve("layout.csl")), "after deleting, a new open copies afresh");
            c.deleteCopies();
        }
    }

    @Test
    void noSamplesIsAnEmptyList() throws Exception {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null)) {
            assertTrue(new SampleCatalog(cl).samples().isEmpty());
        }
    }
}
