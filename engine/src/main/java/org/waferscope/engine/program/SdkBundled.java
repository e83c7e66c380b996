package org.waferscope.engine.program;

import java.io.IOException;
import java.io.InputStream;

/**
 * Host steps Waferscope bundles for the public SDK examples: one run.json per example folder
 * name, written from what the example's host script does. Each names the layout file it
 * was written for ({@code "sdk": { "layout": ... }}), and the loader refuses it for a folder
 * whose build script names another, so a renamed or different folder is not run with steps
 * that do not belong to it.
 */
public final class SdkBundled {
    static final String PREFIX = "org/waferscope/engine/sdk/";

    private SdkBundled() {
    }

    /** The bundled run.json for an example folder's name (its first build), or null. */
    static byte[] runJson(String folderName) throws IOException {
        return runJson(folderName, SdkChoice.FIRST);
    }

    /**
     * The bundled host steps for a build of an example: {@code run.json} for the first build,
     * {@code run-N.json} for build N, {@code run-N-VARIANT.json} for a run variant of it (else
     * the build's own); null when there are none.
     */
    static byte[] runJson(String folderName, SdkChoice choice) throws IOException {
        if (!folderName.matches("[A-Za-z0-9_.-]+")) {
            return null;
        }
        byte[] own = choice.variant().isEmpty() ? null : resource(folderName, "run-" + choice.build() + "-" + choice.variant());
        return own != null ? own : resource(folderName, choice.build() == 1 ? "run" : "run-" + choice.build());
    }

    /** Whether Waferscope bundles host steps of their own for a run variant of a build. */
    static boolean hasVariant(String folderName, int build, String variant) throws IOException {
        return folderName.matches("[A-Za-z0-9_.-]+") && resource(folderName, "run-" + build + "-" + variant) != null;
    }

    private static byte[] resource(String folderName, String file) throws IOException {
        try (InputStream in = SdkBundled.class.getClassLoader().getResourceAsStream(PREFIX + folderName + "/" + file
                + ".json")) {
            return in == null ? null : in.readNBytes(ProgramLoader.MAX_RUN_JSON_BYTES);
        }
    }
}
