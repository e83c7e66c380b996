package org.waferscope.engine.program;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.host.HostStep;

/**
 * A loaded program folder, ready to put on a wafer: the evaluated layout, the host's
 * input arrays and steps, and what the UI shows about it.
 *
 * @param title    the program's title (run.json)
 * @param summary  one line on what it does
 * @param lesson   the lesson text (Markdown-like plain text)
 * @param folder   where it was loaded from, or null for a program built in code
 * @param profile  the architecture it was compiled for
 * @param layout   routes and tile code
 * @param arrays   host arrays known before the run (inputs), by name
 * @param steps    the host's command stream
 * @param sources  source text of each file, by file name, for the source view
 * @param params   the layout params used, as text, in the order the layout declares them
 * @param watch    the layer the lesson wants on show, as {@code --layer} spells it
 *                 ({@code value:board}), or ""
 */
public record WaferProgram(String title, String summary, String lesson, Path folder, ArchProfile profile,
                           FabricLayout layout, Map<String, HostArray> arrays, List<HostStep> steps,
                           Map<String, String> sources, Map<String, String> params, String watch) {
    /** A program whose lesson names no layer to watch. */
    public WaferProgram(String title, String summary, String lesson, Path folder, ArchProfile profile,
                        FabricLayout layout, Map<String, HostArray> arrays, List<HostStep> steps,
                        Map<String, String> sources, Map<String, String> params) {
        this(title, summary, lesson, folder, profile, layout, arrays, steps, sources, params, "");
    }

    public WaferProgram {
        watch = watch == null ? "" : watch;
        arrays = Map.copyOf(arrays);
        steps = List.copyOf(steps);
        sources = Map.copyOf(sources);
        // in the order the layout declares them, for the parameters dialog
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    }
}
