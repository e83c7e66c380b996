package org.waferscope.engine.csl.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Library modules that Waferscope writes in CSL itself and bundles, in place of SDK libraries
 * whose source is not public: {@code @import_module("<kernels/tally/pe>", ...)} links the
 * bundled file in as a user module would be, so its tasks, globals and routes are ordinary
 * CSL that the inspector and the source view show. A layout half may name its PE half in
 * {@code @set_tile_code} ({@code "<kernels/fft/fft3d_pe>"}), as the FFT kernel's does, since the
 * example folder holds no PE program of its own. Each file says what it does and how it may
 * differ from the SDK's library of that name (docs/csl-subset.md sums it up).
 */
public final class CslLibraries {
    private CslLibraries() {
    }

    /** The bundled libraries, by the name written between the angle brackets. */
    public static final List<String> NAMES = List.of("kernels/tally/layout", "kernels/tally/pe",
            "kernels/fft/fft3d_layout", "kernels/fft/fft3d_pe");

    private static final String ROOT = "/org/waferscope/engine/csl/lib/";

    /** True when {@code spec} (as written in {@code @import_module}, with its brackets) names a bundled library. */
    public static boolean isBundled(String spec) {
        return spec.startsWith("<") && spec.endsWith(">") && NAMES.contains(spec.substring(1, spec.length() - 1));
    }

    /** The CSL text of bundled library {@code spec} ({@code "<kernels/tally/pe>"}). */
    public static String text(String spec) throws IOException {
        if (!isBundled(spec)) {
            throw new IOException("no bundled library " + spec);
        }
        String path = ROOT + spec.substring(1, spec.length() - 1) + ".csl";
        try (InputStream in = CslLibraries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the bundled library " + spec + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
