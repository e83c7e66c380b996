package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check}: a program's errors said without running it (new users tried the word; the eighth review). */
class CheckCommandTest {
    private static final Path CHAIN = Path.of("..", "sample-programs", "src", "main", "resources", "org", "waferscope",
            "samples", "broadcast-chain");

    @Test
    void aProgramThatLoadsIsSaidToAndNothingRuns() {
        CliRun o = CliRun.of("check", "broadcast-chain");
        assertEquals(0, o.code(), o.out() + o.err());
        assertEquals("broadcast-chain: no errors. Broadcast chain on a 5 × 1 wse2 fabric: 5 PEs run receiver.csl, "
                + "sender.csl; 5 host steps.", o.out().strip());
        assertEquals("", o.err());
        CliRun big = CliRun.of("check", "game-of-life", "--param", "width=64", "--param", "height=32", "--arch", "wse3");
        assertEquals(0, big.code(), big.out() + big.err());
        assertTrue(big.out().contains("on a 64 × 32 wse3 fabric: 2,048 PEs run cell.csl;"), big.out());
        assertTrue(!big.out().contains("cycle") && !big.out().contains("PASS"), "nothing is run: " + big.out());
    }

    @Test
    void everyErrorIsSaidWithItsPlaceAndTheExitCodeIsTwo(@TempDir Path dir) throws Exception {
        try (var files = Files.list(CHAIN)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Path receiver = dir.resolve("receiver.csl");
        Files.writeString(receiver, Files.readString(receiver).replace("received[seen] = v;", "recieved[seen] = v + vv;"));
        CliRun o = CliRun.of("check", dir.toString());
        assertEquals(2, o.code(), o.out() + o.err());
        assertEquals("", o.out());
        assertEquals(List.of("receiver.csl:27:3: error: unknown name 'recieved'; did you mean 'received'?",
                "receiver.csl:27:24: error: unknown name 'vv'",
                dir + ": 2 errors; nothing was run"), o.err().lines().toList());
    }

    @Test
    void aValueTheLayoutRefusesAndABadOptionAreErrorsToo() {
        CliRun o = CliRun.of("check", "heat-diffusion", "--param", "width=0");
        assertEquals(2, o.code(), o.out() + o.err());
        assertTrue(o.err().startsWith("layout.csl:"), o.err());
        assertTrue(o.err().strip().endsWith("heat-diffusion: 1 error; nothing was run"), o.err());
        CliRun arch = CliRun.of("check", "broadcast-chain", "--arch", "wse9");
        assertEquals(2, arch.code());
        assertTrue(arch.err().startsWith("waferscope: "), arch.err());
        CliRun cluster = CliRun.of("check", "cluster-digits");
        assertEquals(2, cluster.code());
        assertTrue(cluster.err().contains("is a cluster program (cluster.json): train it with `train cluster-digits`"),
                cluster.err());
    }

    @Test
    void itsHelpSaysWhatItDoesAndItsExitCodes() {
        CliRun o = CliRun.of("check", "--help");
        assertEquals(0, o.code());
        String said = o.out().replaceAll("\\s+", " ");
        assertTrue(said.contains("without running it") && said.contains("Exit code 0 when it loads, 2 when it does not"),
                o.out());
        assertTrue(CliRun.of("--help").out().contains("check"), "the command list names it");
    }
}
