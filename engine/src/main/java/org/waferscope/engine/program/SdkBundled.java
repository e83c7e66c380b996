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

    /** The bundled run.json for an example folder's name, or null. */
    static byte[] runJson(String folderName) throws IOException {
        if (!folderName.matches("[A-Za-z0-9_.-]+")) {
            return null;
        }
        try (InputStream in = SdkBundled.class.getClassLoader().getResourceAsStream(PREFIX + folderName + "/run.json")) {
            return in == null ? null : in.readNBytes(ProgramLoader.MAX_RUN_JSON_BYTES);
        }
    }
}
