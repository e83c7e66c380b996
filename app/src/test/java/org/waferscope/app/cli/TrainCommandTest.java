package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void twoStepsOnTwoSystemsAgreeWithTheReference() throws Exception {
        CliRun o = run("train", "cluster-digits", "--systems", "2", "--steps", "2", "--batch", "16", "--json");
        assertEquals(0, o.code(), o.out() + o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(2, j.get("steps").size());
        assertEquals(2, j.get("systems").asInt());
        assertTrue(j.get("referenceCheck").get("pass").asBoolean());
        assertEquals(j.get("steps").get(1).get("loss").asDouble(), j.get("steps").get(1).get("referenceLoss").asDouble(),
                1e-5);
        assertTrue(j.get("samplesPerSecond").asDouble() > 0);
        assertTrue(j.get("simulatedSeconds").asDouble() > 0);
    }

    @Test
    void theTextReportNamesAccuracyTimeAndTheCheck() {
        CliRun o = run("train", "cluster-digits", "--systems", "1", "--steps", "1", "--batch", "8",
                "--mode", "layer-pipelined");
        assertEquals(0, o.code(), o.out() + o.err());
        for (String s : new String[] {"step    1", "test accuracy", "layer-pipelined", "samples/s", "reference check PASS",
            "weight streaming's first step on 1 system"}) {
            assertTrue(o.out().contains(s), s + " in\n" + o.out());
        }
    }

    @Test
    void layerPipelinedTrainsOnTheEngineBesideWeightStreaming() throws Exception {
        CliRun o = run("train", "cluster-digits", "--steps", "2", "--batch", "20", "--mode", "layer-pipelined", "--json");
        assertEquals(0, o.code(), o.out() + o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("layer-pipelined", j.get("mode").asText());
        assertEquals(1, j.get("systems").asInt());
        assertTrue(j.get("referenceCheck").get("pass").asBoolean());
        assertEquals(j.get("steps").get(1).get("loss").asDouble(), j.get("steps").get(1).get("referenceLoss").asDouble(),
                1e-5);
        JsonNode lp = j.get("layerPipelined");
        assertEquals(3, lp.get("microBatches").asInt(), "20 samples in micro-batches of 8");
        assertEquals(24, lp.get("pes").asInt());
        assertTrue(lp.get("residentWeightBytes").asLong() > 0);
        assertTrue(lp.get("weightStreamingStepSeconds").asDouble() > 0);
        assertEquals(20 / lp.get("stepSeconds").asDouble(), j.get("samplesPerSecond").asDouble(),
                1e-6 * j.get("samplesPerSecond").asDouble());
    }

    @Test
    void aBadClusterJsonIsReportedWithItsPosition(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cluster.json"), "{\n  \"systems\": 40\n}\n");
        CliRun o = run("train", dir.toString());
        assertEquals(WaferscopeCli.INVALID_PROGRAM, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("cluster.json:2:3: error: \"systems\" must be an integer from 1 to 16"), o.err());
    }

    @Test
    void aFolderWithoutClusterJsonIsRefused(@TempDir Path dir) {
        CliRun o = run("train", dir.toString());
        assertEquals(WaferscopeCli.INVALID_PROGRAM, o.code());
        assertTrue(o.err().contains("no cluster.json"), o.err());
    }
}
