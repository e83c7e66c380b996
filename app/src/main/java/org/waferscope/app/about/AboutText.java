package org.waferscope.app.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Waferscope's own particulars. The version is the Maven project's, written into
 * {@code version.properties} by the build, so no source file repeats it.
 */
public final class AboutText {
    public static final String NAME = "Waferscope";
    /** One sentence on what it is (the README's first). */
    public static final String WHAT = "A desktop explorer for a wafer-scale dataflow processor modelled on the Cerebras "
            + "Wafer-Scale Engine: load a CSL program, step it cycle by cycle or run it, step back, and watch the fabric.";
    /** Where to read more: none of it ships in the jar, so the source tree is named. */
    public static final String DOCS = "README.md and the docs/ folder of the source tree (docs/EXPLORER.md for the "
            + "explorer, docs/csl-subset.md for the language); each sample's lesson is in the Lesson tab, and F1 lists the keys.";
    /**
     * The project states no licence: there is no LICENSE file and the POM names none. Saying so
     * is more use to a lab than a guess; the day one is chosen, this line and the README change.
     */
    public static final String LICENCE = "No licence has been chosen yet (the source tree has no LICENSE file): "
            + "ask the authors before you copy or redistribute Waferscope.";

    private AboutText() {
    }

    /** The build's version, "0.1.0-SNAPSHOT"; "unknown" for classes compiled outside Maven. */
    public static String version() {
        try (InputStream in = AboutText.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            // an IDE that copies resources without filtering leaves the placeholder
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code --version} prints: "Waferscope 0.1.0-SNAPSHOT". */
    public static String nameAndVersion() {
        return NAME + " " + version();
    }

    /** The runtime under the window, for a bug report: "Java 17.0.9, JavaFX 21.0.1". */
    public static String runtime() {
        String fx = System.getProperty("javafx.runtime.version");
        return "Java " + System.getProperty("java.version") + (fx == null ? "" : ", JavaFX " + fx);
    }
}
