package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Every sample program loads and runs to its end on both architectures, passing the
 * checks its run.json has. (Some samples have none that run.json can express; the
 * sample-programs module's golden tests compare every sample with a Java reference.)
 */
class SamplesTest {
    /** Samples whose lesson is the deadlock report they end in. */
    static final Set<String> MEANT_TO_DEADLOCK = Set.of("relay-deadlock");

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
        if (MEANT_TO_DEADLOCK.contains(name)) {
            assertEquals(WaferStatus.DEADLOCK, r.status());
        } else {
            assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
            r.checks().forEach(c -> assertTrue(c.pass(), c.describe()));
        }
        assertTrue(!p.title().isEmpty() && !p.lesson().isEmpty(), "a sample has a title and a lesson");
    }
}
