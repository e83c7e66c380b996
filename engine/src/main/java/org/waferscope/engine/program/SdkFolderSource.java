package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * A folder of the public Cerebras SDK examples, opened as it is. Its build script
 * ({@code commands_wse2.sh}, else {@code commands_wse3.sh}) names the layout file and its
 * params; CSL file names resolve beside the layout file (the SDK compiles from there), every
 * other file beside the script. The host steps are the folder's own {@code run.json}, else
 * the ones Waferscope bundles for that example (see {@link SdkBundled}).
 */
public final class SdkFolderSource implements ProgramSource {
    private final FolderSource folder;
    private final SdkCommands commands;
    private final String layoutDir;
    private final String layoutFile;
    private final byte[] bundledRunJson;

    private SdkFolderSource(FolderSource folder, SdkCommands commands, byte[] bundledRunJson) {
        this.folder = folder;
        this.commands = commands;
        int slash = commands.layout().lastIndexOf('/');
        this.layoutDir = slash < 0 ? "" : commands.layout().substring(0, slash + 1);
        this.layoutFile = commands.layout().substring(slash + 1);
        this.bundledRunJson = bundledRunJson;
    }

    /**
     * The SDK view of {@code dir}, or null when it has no build script with a cslc command (a
     * Waferscope folder, which has a {@code layout.csl} and {@code run.json} of its own).
     *
     * @param wse3 prefer {@code commands_wse3.sh}
     */
    public static SdkFolderSource open(Path dir, boolean wse3) throws IOException, ProgramLoadException {
        return open(dir, wse3, SdkChoice.FIRST);
    }

    /**
     * As {@link #open(Path, boolean)}, with the build (and run variant) of the script to open.
     *
     * @throws ProgramLoadException when the script has no such build or variant
     */
    public static SdkFolderSource open(Path dir, boolean wse3, SdkChoice choice) throws IOException, ProgramLoadException {
        FolderSource f = new FolderSource(dir);
        Script s = script(f, wse3);
        if (s == null) {
            return null;
        }
        if (choice.build() > s.builds().size()) {
            throw refused(s, "the build script has " + s.builds().size() + " build" + (s.builds().size() == 1 ? "" : "s")
                    + " (cslc commands); --build " + choice.spec() + " names none");
        }
        SdkBuild b = s.builds().get(choice.build() - 1);
        if (!choice.variant().isEmpty() && b.variants().stream().map(SdkChoice::key).noneMatch(choice.variant()::equals)) {
            throw refused(s, "build " + b.number() + " " + b.label() + " is run with " + b.variants().stream()
                    .map(v -> v.isEmpty() ? "run.py" : "run.py " + v).toList() + "; --build " + choice.spec()
                    + " names no run of it");
        }
        byte[] own = Files.isRegularFile(f.folder().resolve(RunJson.FILE)) ? null : SdkBundled.runJson(f.name(), choice);
        return new SdkFolderSource(f, b.commands(), own);
    }

    /**
     * What a user can open of an SDK example folder: each build of its script, and each run
     * variant of a build that has host steps of its own (the bundled {@code run-N-VARIANT.json});
     * empty for a folder that is not an SDK example.
     */
    public static List<Choice> choices(Path dir, boolean wse3) throws IOException {
        FolderSource f = new FolderSource(dir);
        Script s = script(f, wse3);
        if (s == null) {
            return List.of();
        }
        boolean ownSteps = Files.isRegularFile(f.folder().resolve(RunJson.FILE));
        List<Choice> out = new ArrayList<>();
        for (SdkBuild b : s.builds()) {
            out.add(new Choice(new SdkChoice(b.number(), ""), b.label()));
            for (String v : b.variants()) {
                String key = SdkChoice.key(v);
                if (!key.isEmpty() && !ownSteps && SdkBundled.hasVariant(f.name(), b.number(), key)) {
                    out.add(new Choice(new SdkChoice(b.number(), key), b.label() + " " + v));
                }
            }
        }
        return out;
    }

    /**
     * For a folder whose build script compiles several programs, opened without choosing: "NAME:
     * its build script compiles 3 programs (build 1 [..], ...); build 1 " then {@code taken} ("is
     * open", "runs"), for the explorer's console and the command line alike; null for a folder
     * of one program, or one whose script cannot be read (its load says what is wrong).
     */
    public static String firstOfSeveral(Path dir, String taken) {
        List<Choice> choices;
        try {
            choices = choices(dir, false);
        } catch (IOException e) {
            return null;
        }
        if (choices.size() < 2) {
            return null;
        }
        return dir.getFileName() + ": its build script compiles " + choices.size() + " programs ("
                + String.join(", ", choices.stream().map(c -> c.named(" ")).toList())
                + "); build " + choices.get(0).choice().spec() + " " + taken + ".";
    }

    /** One thing to open: the choice, and how to show it ({@code [DIM:2,Nz:4,FP:1] --inverse}). */
    public record Choice(SdkChoice choice, String label) {
        /** "build 2:inverse" then {@code gap} then its label, as lists of builds show it. */
        public String named(String gap) {
            return "build " + choice.spec() + gap + label;
        }
    }

    private record Script(String name, List<SdkBuild> builds) {
    }

    /** The build script to read (commands_wse2.sh, else commands_wse3.sh, or the other way with wse3) and its builds. */
    private static Script script(FolderSource f, boolean wse3) throws IOException {
        String[] scripts = wse3 ? new String[] {"commands_wse3.sh", "commands_wse2.sh"}
                : new String[] {"commands_wse2.sh", "commands_wse3.sh"};
        for (String s : scripts) {
            if (Files.isRegularFile(f.folder().resolve(s))) {
                List<SdkBuild> builds = SdkBuild.parseAll(new String(f.read(s, 1 << 16), StandardCharsets.UTF_8));
                if (!builds.isEmpty()) {
                    return new Script(s, builds);
                }
            }
        }
        return null;
    }

    private static ProgramLoadException refused(Script s, String why) {
        return new ProgramLoadException(new org.waferscope.engine.csl.Diagnostic(
                new org.waferscope.engine.ir.SourcePos(s.name(), 1, 1), why));
    }

    @Override
    public String name() {
        return folder.name();
    }

    @Override
    public Path folder() {
        return folder.folder();
    }

    @Override
    public String layoutFile() {
        return layoutFile;
    }

    @Override
    public SdkCommands sdkCommands() {
        return commands;
    }

    /** True when the host steps are Waferscope's bundled ones, not a run.json in the folder. */
    public boolean bundledSteps() {
        return bundledRunJson != null;
    }

    @Override
    public String missingHostSteps() {
        return bundledRunJson != null || Files.isRegularFile(folder.folder().resolve(RunJson.FILE)) ? null
                : "the folder has no run.json and Waferscope bundles no host steps for an example named \"" + name()
                + "\"; write a run.json beside its build script";
    }

    @Override
    public byte[] read(String relativeName, int maxBytes) throws IOException {
        SafeNames.check(relativeName);
        if (relativeName.equals(RunJson.FILE) && !Files.isRegularFile(folder.folder().resolve(RunJson.FILE))) {
            return bundledRunJson == null ? "{ \"steps\": [] }".getBytes(StandardCharsets.UTF_8) : bundledRunJson.clone();
        }
        return folder.read(relativeName.endsWith(".csl") ? layoutDir + relativeName : relativeName, maxBytes);
    }

    /**
     * A module path may climb out of the example, as the benchmarks reach
     * {@code ../../benchmark-libs}, but no further than the checkout that holds it: the folder
     * above {@code benchmarks/} or {@code tutorials/}. Elsewhere it stays inside the example.
     */
    @Override
    public byte[] readModule(String relativeName, int maxBytes) throws IOException {
        Path rel = Path.of(layoutDir + relativeName).normalize();
        if (!rel.startsWith("..")) {
            return folder.read(rel.toString().replace('\\', '/'), maxBytes);
        }
        Path root = checkout();
        Path p = folder.folder().resolve(rel).normalize();
        if (root == null || !p.startsWith(root)) {
            throw new IOException("\"" + relativeName + "\" leaves the example's folder"
                    + (root == null ? "" : " and the checkout that holds it (" + root + ")"));
        }
        if (!Files.exists(p)) {
            throw new java.nio.file.NoSuchFileException(relativeName);
        }
        return FolderSource.readFile(p, root.toRealPath(), relativeName, maxBytes);
    }

    /** The checkout of the public examples that holds this example, or null when it is not in one. */
    private Path checkout() {
        Path parent = folder.folder().getParent();
        if (parent == null || parent.getParent() == null || parent.getFileName() == null) {
            return null;
        }
        String kind = parent.getFileName().toString();
        return kind.equals("benchmarks") || kind.equals("tutorials") ? parent.getParent() : null;
    }
}
