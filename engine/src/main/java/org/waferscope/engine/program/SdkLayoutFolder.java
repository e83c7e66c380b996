package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An SDK example whose layout is built by the host script through the SDK's Python layout
 * API (SdkLayout) instead of a layout file. Waferscope reads layouts written in CSL only, so
 * such a folder is said to be one, rather than missing a layout.csl and a run.json.
 */
public final class SdkLayoutFolder {
    private SdkLayoutFolder() {
    }

    /** Why {@code dir} cannot be run, when it is such an example; null otherwise. */
    public static String hint(Path dir) {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve("layout.csl"))) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path script = files.filter(f -> f.toString().endsWith(".py") && mentionsSdkLayout(f)).findFirst().orElse(null);
            return script == null ? null : "uses the SDK's Python layout API (SdkLayout in " + script.getFileName()
                    + "), not a layout file; Waferscope reads layouts written in CSL (layout.csl, or a cslc build "
                    + "script), so it cannot run this example";
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean mentionsSdkLayout(Path f) {
        try {
            return Files.readString(f).contains("SdkLayout");
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
