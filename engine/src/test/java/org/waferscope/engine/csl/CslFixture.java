package org.waferscope.engine.csl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.eval.Budget;
import org.waferscope.engine.csl.layout.LayoutEvaluator;
import org.waferscope.engine.csl.layout.LayoutResult;
import org.waferscope.engine.csl.syntax.Parser;
import org.waferscope.engine.csl.syntax.SourceFile;

/** Evaluates layouts from in-memory sources, for tests. */
public final class CslFixture {
    private CslFixture() {
    }

    /** A sample program's folder in the source tree (the engine does not depend on the samples module). */
    public static Path sampleFolder(String program) {
        return Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope", "samples", program);
    }

    public static String sample(String program, String file) {
        try {
            return Files.readString(sampleFolder(program).resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Evaluates {@code files.get("layout.csl")}; throws with all errors if it fails. */
    public static LayoutResult layout(Map<String, String> files, Map<String, String> params, ArchProfile profile)
            throws ProgramLoadException {
        Diagnostics diags = new Diagnostics();
        LayoutResult r = layout(files, params, profile, new Budget(Budget.DEFAULT_STEPS), diags, true);
        diags.throwIfAny();
        return r;
    }

    /**
     * Evaluates {@code files.get("layout.csl")} into {@code diags} (null if it failed);
     * {@code replayTrips} as in {@link LayoutEvaluator#evaluate}.
     */
    public static LayoutResult layout(Map<String, String> files, Map<String, String> params, ArchProfile profile,
                                      Budget budget, Diagnostics diags, boolean replayTrips) {
        SourceFile layout = Parser.parse("layout.csl", files.get("layout.csl"), diags);
        Map<String, SourceFile> parsed = new HashMap<>();
        return LayoutEvaluator.evaluate(layout, params, profile, (name, at) -> {
            String text = files.get(name);
            if (text == null) {
                throw new CslError(at, "no file " + name);
            }
            return parsed.computeIfAbsent(name, n -> Parser.parse(n, text, diags));
        }, budget, diags, PhaseClock.OFF, replayTrips);
    }
}
