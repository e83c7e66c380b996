package org.waferscope.app.session;

import java.nio.file.Path;
import java.util.List;
import org.waferscope.views.source.BreakpointsModel;

/** Words the session's console and banner say about a load. */
final class LoadWords {
    private LoadWords() {
    }

    /** The console's note on breakpoints kept from an earlier session, each named as it was stored. */
    static String restored(List<BreakpointsModel.Entry> restored) {
        return "restored " + restored.size() + " breakpoint" + (restored.size() > 1 ? "s" : "")
                + " for this program, set in an earlier session: " + String.join(", ", restored.stream()
                .map(e -> e.describe() + (e.enabled() ? "" : " (off)")).toList())
                + "; switched off, so that a Run stops only where you set a breakpoint: Keep, above the fabric,"
                + " switches them back as they were, Remove drops them (the Breakpoints tab lists them too,"
                + " and its Clear all removes them)";
    }

    /**
     * An error about the folder as a whole ("/tmp/x:1:1: error: open one of the 2 program folders
     * inside…") is positioned at the folder itself, which "Could not load x:" names already: the
     * position goes, so the banner does not read the folder twice.
     */
    static String aboutTheFolder(Path dir, String line) {
        String folder = folderStarting(dir, line);
        if (folder == null) {
            return line;
        }
        String rest = line.substring(folder.length() + AT.length());
        return rest.startsWith("error: ") ? rest.substring("error: ".length()) : rest;
    }

    /**
     * A later line of a failed load as the console says it: an error about the folder (an empty
     * folder's "no run.json" after its "no layout.csl") names the folder with no line or column.
     */
    static String laterLine(Path dir, String line) {
        String folder = folderStarting(dir, line);
        return folder == null ? line : folder + ": " + line.substring(folder.length() + AT.length());
    }

    /** The line and column the loader gives an error about the whole folder. */
    private static final String AT = ":1:1: ";

    /** The folder as it starts {@code line} at {@link #AT} (the loader names it absolute), or null. */
    private static String folderStarting(Path dir, String line) {
        for (Path d : new Path[] {dir, dir.toAbsolutePath().normalize()}) {
            if (line.startsWith(d + AT)) {
                return d.toString();
            }
        }
        return null;
    }
}
