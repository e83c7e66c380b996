package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/** Every sample program loads and passes its own checks, on both architectures. */
class SamplesTest {
    static Stream<Arguments> samples() throws IOException {
        Path root = CslFixture.sampleFolder("x").getParent();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.exists(p.resolve("run.json"))).sorted().toList().stream()
                    .flatMap(p -> Stream.of(Arguments.of(p.getFileName().toString(), "wse2"),
                            Arguments.of(p.getFileName().toString(), "wse3")));
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("samples")
    void samplePassesItsChecks(String name, String arch) throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder(name),
                ProgramLoader.LoadOptions.DEFAULTS.withArch(ArchProfile.byName(arch)));
        RunResult r;
        try (Wafer w = Wafer.load(p, 2)) {
            r = w.runToCompletion(10_000_000);
        }
        LanguageRunTest.assertPasses(r);
        assertTrue(!p.title().isEmpty() && !p.lesson().isEmpty(), "a sample has a title and a lesson");
    }
}
