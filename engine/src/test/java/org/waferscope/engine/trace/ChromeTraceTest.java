package org.waferscope.engine.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/** The broadcast chain's trace: valid trace-event JSON with one recv slice per wavelet per receiver, and a flow per hop. */
class ChromeTraceTest {
    private static JsonNode trace(PeRect rect, long cycles) throws Exception {
        WaferProgram p = ProgramLoader.load(CslFixture.sampleFolder("broadcast-chain"), ProgramLoader.LoadOptions.DEFAULTS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TraceExport.write(p, rect, cycles, 1_000_000, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void broadcastChainHasARecvSlicePerWaveletAndAFlowPerHop() throws Exception {
        JsonNode root = trace(null, -1);
        JsonNode events = root.get("traceEvents");
        assertTrue(events.isArray() && events.size() > 0);
        Map<Long, String> processes = new HashMap<>();
        Map<String, Integer> recvByPe = new HashMap<>();
        Map<Long, JsonNode> starts = new HashMap<>();
        List<JsonNode> finishes = new ArrayList<>();
        Set<String> phases = new HashSet<>();
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            phases.add(ph);
            assertTrue(e.has("pid") && e.has("name"), e.toString());
            switch (ph) {
                case "M" -> {
                    if (e.get("name").asText().equals("process_name")) {
                        processes.put(e.get("pid").asLong(), e.get("args").get("name").asText());
                    }
                }
                case "X" -> {
                    assertTrue(e.get("dur").asLong() >= 1 && e.get("ts").asLong() >= 0, e.toString());
                    if (e.get("name").asText().equals("recv")) {
                        recvByPe.merge(processes.get(e.get("pid").asLong()), 1, Integer::sum);
                    }
                }
                case "s" -> starts.put(e.get("id").asLong(), e);
                case "f" -> finishes.add(e);
                case "C" -> assertTrue(e.get("args").has("utilization %"));
                default -> throw new AssertionError("unexpected phase " + ph);
            }
        }
        assertEquals(Set.of("M", "X", "s", "f", "C"), phases);
        // four receivers, three wavelets each
        assertEquals(Map.of("PE (1, 0)", 3, "PE (2, 0)", 3, "PE (3, 0)", 3, "PE (4, 0)", 3), recvByPe);
        assertEquals(12, starts.size(), "a flow for each of 3 wavelets over 4 links");
        for (JsonNode f : finishes) {
            JsonNode s = starts.get(f.get("id").asLong());
            assertEquals(s.get("pid").asLong() + 1, f.get("pid").asLong(), "each flow goes to the east neighbour");
            assertEquals(s.get("ts").asLong(), f.get("ts").asLong());
        }
        assertEquals(12, finishes.size());
        assertEquals("halted", root.get("otherData").get("status").asText());
    }

    @Test
    void aRectangleAndACycleCountBoundTheTrace() throws Exception {
        JsonNode root = trace(new PeRect(2, 0, 2, 1), 15);
        Set<String> names = new HashSet<>();
        long last = 0;
        for (JsonNode e : root.get("traceEvents")) {
            if (e.get("name").asText().equals("process_name")) {
                names.add(e.get("args").get("name").asText());
            }
            if (e.get("ph").asText().equals("X")) {
                last = Math.max(last, e.get("ts").asLong() + e.get("dur").asLong());
            }
        }
        assertEquals(Set.of("fabric", "PE (2, 0)", "PE (3, 0)"), names);
        assertTrue(last <= 15, "nothing after cycle 15: " + last);
        assertEquals(15, root.get("otherData").get("cycles").asLong());
    }

    @Test
    void rectanglesAreParsedWithAPositionedMessage() {
        assertEquals(new PeRect(1, 2, 3, 4), PeRect.parse("1,2, 3,4"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeRect.parse("1,2,3"));
        assertTrue(e.getMessage().contains("X,Y,W,H"));
    }
}
