package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder that is not a program but holds programs: a teacher who picks {@code benchmarks/}
 * or the checkout itself instead of one example should be told to open one of its folders,
 * not that a run.json is missing.
 */
final class FolderOfPrograms {
    private static final int NAMED = 3;

    private FolderOfPrograms() {
    }

    /**
     * What to say when {@code dir} has no program of its own (no run.json, layout.csl or build
     * script) but program folders one or two levels down; null otherwise.
     */
    static String hint(Path dir) {
        if (isProgram(dir)) {
            return null;
        }
        List<String> found = programsIn(dir, "");
        if (found.isEmpty()) {
            for (Path sub : subfolders(dir)) {
                found.addAll(programsIn(sub, sub.getFileName() + "/"));
            }
        }
        if (found.isEmpty()) {
            return null;
        }
        String some = String.join(", ", found.subList(0, Math.min(NAMED, found.size())));
        // The action first: the explorer's banner shows only the start of a long message.
        return (found.size() == 1 ? "open the program folder" : "open one of the " + found.size() + " program folders")
                + " inside this one (" + some + (found.size() > NAMED ? ", ..." : "")
                + "); this folder has no run.json, layout.csl or commands_wse2.sh of its own";
    }

    static boolean isProgram(Path dir) {
        return Stream.of(RunJson.FILE, "layout.csl", "commands_wse2.sh", "commands_wse3.sh")
                .anyMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    private static List<String> programsIn(Path dir, String prefix) {
        List<String> names = new ArrayList<>();
        for (Path sub : subfolders(dir)) {
            if (isProgram(sub)) {
                names.add(prefix + sub.getFileName());
            }
        }
        return names;
    }

    /** Subfolders in name order, so the message is the same from run to run. */
    private static List<Path> subfolders(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
