package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/**
 * An SDK example's modules may come from the checkout that holds it (the benchmarks share
 * {@code benchmarks/benchmark-libs}), resolved from the importing file as cslc does, and from
 * nowhere else.
 */
class SdkModulePathsTest {
    static final String SHARED = """
            param factor: i32;
            fn scaled(x: i32) i32 { return x * factor; }
            """;

    /** The example folder {@code checkout/benchmarks/NAME}, its PE program importing {@code module}. */
    static Path example(Path checkout, String name, String module) throws Exception {
        Path dir = SdkFolderTest.folder(checkout.resolve("benchmarks").resolve(name), SdkFolderTest.RUN);
        String pe = SdkFolderTest.PE
                .replace("const sys =", "const lib = @import_module(\"" + module + "\", .{ .factor = factor });\nconst sys =")
                .replace("v[0] * @as(i32, factor)", "lib.scaled(v[0])");
        Files.writeString(dir.resolve("src/scale.csl"), pe);
        Files.createDirectories(checkout.resolve("benchmarks/shared-libs"));
        Files.writeString(checkout.resolve("benchmarks/shared-libs/scaled.csl"), SHARED);
        Files.writeString(checkout.resolveSibling("outside.csl"), SHARED);
        return dir;
    }

    @Test
    void aModuleMayComeFromTheCheckoutThatHoldsTheExample(@TempDir Path tmp) throws Exception {
        Path dir = example(tmp.resolve("csl-examples"), "scale-example", "../../shared-libs/scaled.csl");
        WaferProgram p = ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(p, 1)) {
            RunResult r = w.runToCompletion(100_000);
            LanguageRunTest.assertPasses(r);
        }
    }

    @Test
    void butNotFromOutsideIt(@TempDir Path tmp) throws Exception {
        Path dir = example(tmp.resolve("csl-examples"), "scale-example", "../../../../outside.csl");
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("scale.csl:3:28: error: cannot read module ../../../../outside.csl: "
                + "\"../../../../outside.csl\" leaves "
                + "the example's folder and the checkout that holds it"), e.getMessage());
    }
}
