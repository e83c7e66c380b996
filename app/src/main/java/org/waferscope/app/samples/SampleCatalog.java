package org.waferscope.app.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lists the sample folders (those holding a {@code run.json}, or a cluster program's
 * {@code cluster.json}) found on the class path under
 * {@code org/waferscope/samples/}, in the teaching order of its {@code index.txt} (others
 * after, by name), whether in a directory (running from the build) or
 * inside the application jar. A sample in a jar is copied to a temporary folder before it
 * is opened, so the front end always reads ordinary files.
 */
public final class SampleCatalog {
    public static final String ROOT = "org/waferscope/samples";
    /** The sample opened at start-up, if present; else the first one. */

    private final ClassLoader loader;
    private final ObjectMapper json = new ObjectMapper();
    /** Where samples from the jar are copied, made at the first copy; null until then. */
    private Path copies;

    public SampleCatalog(ClassLoader loader) {
        this.loader = loader;
    }

    public List<Sample> samples() {
        Path root = root();
        if (root == null) {
            return List.of();
        }
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                Path run = d.resolve("run.json");
                Path cluster = d.resolve("cluster.json");   // a cluster program opens in the Cluster view
                if (Files.isRegularFile(run)) {
                    out.add(describe(d, run));
                } else if (Files.isRegularFile(cluster)) {
                    out.add(describe(d, cluster));
                }
            }
            List<String> order = teachingOrder(root);
            out.sort(Comparator.comparingInt((Sample s) -> order.contains(s.name()) ? order.indexOf(s.name())
                    : order.size()).thenComparing(Sample::name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The sample to open when no program is named: the first lesson, so a newcomer starts at the start. */
    public Optional<Sample> defaultSample() {
        return samples().stream().findFirst();
    }

    public Optional<Sample> byName(String name) {
        return samples().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * What the samples that ship someone else's data owe its makers: each sample's
     * {@code NOTICE}, by sample name, in teaching order, its lines joined into one paragraph.
     */
    public Map<String, String> notices() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Sample s : samples()) {
            Path notice = s.folder().resolve("NOTICE");
            if (Files.isRegularFile(notice)) {
                try {
                    out.put(s.name(), Files.readString(notice).strip().replaceAll("\\s*\\R\\s*", " "));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** What to tell someone who named a sample that is not there: the names there are, in teaching order, and the likeliest. */
    public String unknown(String name) {
        List<String> names = samples().stream().map(Sample::name).toList();
        return "no sample named " + name + "; the samples are " + String.join(", ", names)
                + org.waferscope.engine.csl.eval.NameHint.didYouMean(name, names);
    }

    /**
     * As {@link #unknown}, for a command that runs a program on the wafer ({@code run}, {@code check},
     * {@code export-trace}, {@code compare}, {@code bench}): those refuse a cluster program, which
     * is named apart as {@code train}'s.
     */
    public String unknownOnTheWafer(String name) {
        List<Sample> all = samples();
        List<String> wafer = all.stream().filter(s -> !isCluster(s)).map(Sample::name).toList();
        List<String> cluster = all.stream().filter(SampleCatalog::isCluster).map(Sample::name).toList();
        return "no sample named " + name + "; the samples are " + String.join(", ", wafer)
                + (cluster.isEmpty() ? "" : ", and for train: " + String.join(", ", cluster))
                + org.waferscope.engine.csl.eval.NameHint.didYouMean(name, all.stream().map(Sample::name).toList());
    }

    private static boolean isCluster(Sample s) {
        return !Files.isRegularFile(s.folder().resolve("run.json"));
    }

    /**
     * A folder of ordinary files with the sample's contents. A sample inside the jar is copied
     * once into this catalog's temporary folder (the jar does not change while the app runs,
     * so opening it again reuses the copy); the folder goes when the JVM exits, or at
     * {@link #deleteCopies()}.
     */
    public synchronized Path materialize(Sample s) throws IOException {
        if (s.folder().getFileSystem() == FileSystems.getDefault()) {
            return s.folder();
        }
        if (copies == null) {
            copies = Files.createTempDirectory("waferscope-");
            Path mine = copies;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(mine), "waferscope-sample-copies"));
        }
        // The folder keeps the sample's name: messages and the window title name the sample.
        Path dir = copies.resolve(s.name());
        if (Files.isDirectory(dir)) {
            return dir;
        }
        FolderCopy.copy(s.folder(), dir);
        return dir;
    }

    /** Deletes the copies {@link #materialize} made; the next one copies afresh. */
    public synchronized void deleteCopies() {
        if (copies != null) {
            deleteTree(copies);
            copies = null;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // a file still open elsewhere: the OS's temp cleaning will take it
        }
    }

    /** The samples' {@code index.txt}: folder names in the order a workshop meets them. */
    private static List<String> teachingOrder(Path root) throws IOException {
        Path index = root.resolve("index.txt");
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        return Files.readAllLines(index).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private Sample describe(Path dir, Path run) {
        String name = dir.getFileName().toString().replace("/", "");
        String title = name;
        String summary = "";
        try {
            JsonNode n = json.readTree(Files.readString(run));
            title = n.path("title").asText(name);
            summary = n.path("summary").asText("");
        } catch (IOException e) {
            summary = "run.json unreadable: " + e.getMessage();
        }
        return new Sample(name, title, summary, dir);
    }

    private Path root() {
        URL url = loader.getResource(ROOT);
        if (url == null) {
            return null;
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath(ROOT);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            return null;
        }
    }
}
