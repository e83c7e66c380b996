package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.cluster.ClusterProgram;
import org.waferscope.engine.cluster.ClusterSpec;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.engine.program.WaferProgram;

/** The library as the gallery sees it: index.txt, and what every sample must carry. */
class SampleLibraryTest {

    /** The wafer programs of the index (a cluster program has its own test below). */
    static List<String> samples() throws IOException {
        return Samples.index().stream().filter(n -> !isCluster(n)).toList();
    }

    static boolean isCluster(String name) {
        return Samples.class.getClassLoader().getResource(Samples.ROOT + name + "/cluster.json") != null;
    }

    @Test
    void theIndexListsEverySampleFolderOnceInTeachingOrder() throws IOException, URISyntaxException {
        List<String> index = Samples.index();
        assertEquals(index.size(), new HashSet<>(index).size(), "no sample twice: " + index);
        assertEquals("broadcast-chain", index.get(0), "the gallery starts with the smallest program");
        Path root = Path.of(Samples.class.getClassLoader().getResource(Samples.ROOT + "index.txt").toURI()).getParent();
        Set<String> folders = new HashSet<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.exists(p.resolve("run.json")) || Files.exists(p.resolve("cluster.json")))
                    .forEach(p -> folders.add(p.getFileName().toString()));
        }
        assertEquals(folders, new HashSet<>(index), "index.txt and the sample folders agree");
    }

    @Test
    void aSizeIsWrittenWithTheTimesSignAsTheWindowWritesAFabrics() throws Exception {
        // "3 x 3" in the switches lesson beside the status bar's "5 × 1 fabric"
        Path root = Path.of(Samples.class.getClassLoader().getResource(Samples.ROOT + "index.txt").toURI()).getParent();
        java.util.regex.Pattern letterX = java.util.regex.Pattern.compile("\\b\\d[\\d,]* x \\d[\\d,]*|\\b\\d+x\\d+\\b");
        List<String> found = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                java.util.regex.Matcher m = letterX.matcher(Files.readString(f));
                while (m.find()) {
                    found.add(root.relativize(f) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleLoadsWithATitleSummaryAndALessonThatSaysWhatToWatchAndTry(String name) throws Exception {
        for (String arch : List.of("wse2", "wse3")) {
            WaferProgram p = Samples.load(name, java.util.Map.of(), arch);
            assertFalse(p.title().isBlank(), name + ": title");
            assertFalse(p.summary().isBlank(), name + ": summary");
            assertTrue(p.lesson().contains("What to watch"), name + ": the lesson says what to watch");
            assertTrue(p.lesson().contains("Things to try"), name + ": the lesson says what to try");
            for (String line : p.lesson().split("\n")) {
                assertTrue(line.length() <= 90, name + ": lesson line too long for the lesson pane: " + line);
            }
        }
    }

    /** A cluster program in the gallery opens in the Cluster view; its lesson is that view's. */
    @Test
    void theClusterProgramIsInTheGalleryWithALessonForTheClusterView() throws Exception {
        List<String> clusters = Samples.index().stream().filter(SampleLibraryTest::isCluster).toList();
        assertEquals(List.of("cluster-digits"), clusters);
        ClusterSpec spec = ClusterProgram.load(new ClasspathSource(Samples.class.getClassLoader(),
                Samples.ROOT + "cluster-digits")).spec();
        assertFalse(spec.title().isBlank());
        assertFalse(spec.summary().isBlank());
        for (String words : List.of("What to watch", "Things to try", "Cycles", "Layer phase", "Training step",
                "Click a system")) {
            assertTrue(spec.lesson().contains(words), "the lesson says: " + words);
        }
        for (String line : spec.lesson().split("\n")) {
            assertTrue(line.length() <= 90, "lesson line too long for the lesson pane: " + line);
        }
    }
}
