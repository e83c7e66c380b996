package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --json} prints one object on standard output whatever the exit code; a program
 * with errors reports each once, in source order, and the same way on every run.
 */
class RunJsonEveryExitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWrongOptionStillGivesAnObjectWithItsError() throws Exception {
        CliRun o = CliRun.of("run", "--json", "--threads", "many", "broadcast-chain");
        assertEquals(2, o.code(), o.err());
        JsonNode j = JSON.readTree(o.out());
        assertEquals("INVALID", j.get("status").asText(), o.out());
        assertTrue(j.get("errors").get(0).get("message").asText().contains("--threads"), o.out());
    }

    @Test
    void aMissingProgramFolderArgumentStillGivesAnObject() throws Exception {
        CliRun o = CliRun.of("run", "--json");
        assertEquals(2, o.code(), o.err());
        assertEquals("INVALID", JSON.readTree(o.out()).get("status").asText(), o.out());
    }

    @Test
    void aBadBreakpointStillGivesAnObject() throws Exception {
        CliRun o = CliRun.of("run", "broadcast-chain", "--json", "--break", "receiver");
        assertEquals(2, o.code(), o.err());
        JsonNode j = JSON.readTree(o.out());
        assertTrue(j.get("errors").get(0).get("message").asText().contains("--break"), o.out());
        assertTrue(o.err().contains("--break: expected FILE:LINE"), o.err());
    }

    @Test
    void layoutErrorsComeEachOnceInSourceOrderAndTheSameOnEveryRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("layout.csl"), """
                layout {
                  @set_rectangle(3, 2);
                  for (@range(i16, 3)) |x| {
                    for (@range(i16, 2)) |y| {
                      @set_tile_code(x, y, "pe.csl", .{ .n = x + y });
                      @set_color_config(x, y, @get_color(40), .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                    }
                  }
                  const z = nothing_here;
                }
                """);
        Files.writeString(dir.resolve("pe.csl"), "param n: i16;\n");
        Files.writeString(dir.resolve("run.json"), "{ \"steps\": [] }");
        CliRun first = CliRun.of("run", dir.toString(), "--json");
        assertEquals(2, first.code(), first.err());
        List<String> where = new ArrayList<>();
        for (JsonNode e : JSON.readTree(first.out()).get("errors")) {
            where.add(e.get("line").asInt() + ":" + e.get("column").asInt());
        }
        assertEquals(List.of("6:31", "9:13"), where, first.out());
        assertEquals(1, first.err().lines().filter(l -> l.contains("not 40")).count(), first.err());
        assertEquals(first.out(), CliRun.of("run", dir.toString(), "--json").out());
    }

    @Test
    void paramsKeepTheirTypesAndFieldsTheirOrder() throws Exception {
        CliRun a = CliRun.of("run", "fifo-pipeline", "--json", "--param", "depth=32");
        CliRun b = CliRun.of("run", "fifo-pipeline", "--json", "--param", "depth=32");
        assertEquals(0, a.code(), a.err());
        JsonNode j = JSON.readTree(a.out());
        assertTrue(j.get("params").get("use_fifo").isBoolean(), a.out());
        assertTrue(j.get("params").get("n").isIntegralNumber(), a.out());
        assertTrue(j.get("params").get("depth").isIntegralNumber(), "a --param value too: " + a.out());
        List<String> fields = new ArrayList<>();
        j.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("program", "title", "arch", "fabric", "params", "threads", "workers", "status", "cycles",
                "simulatedSeconds", "stateHash", "checks", "wavelets", "wallSeconds", "cyclesPerSecond", "console",
                "report"), fields);
        assertEquals(strip(a.out()), strip(b.out()), "the same object but for the wall-clock figures");
    }

    private static String strip(String json) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode o = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
        o.remove("wallSeconds");
        o.remove("cyclesPerSecond");
        return o.toString();
    }
}
