package org.waferscope.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

class ClusterJsonTest {
    static final String GOOD = """
            {
              "systems": 2,
              "model": {
                "inputs": 64,
                "layers": [
                  { "units": 32, "activation": "relu", "pes": { "width": 4, "height": 2 } },
                  { "units": 10, "activation": "linear", "pes": { "width": 4, "height": 2 } }
                ]
              },
              "data": { "file": "d.csv", "classes": 10 },
              "training": { "batch": 64, "steps": 5,
                            "optimizer": { "kind": "sgd", "learning_rate": 0.1 } }
            }
            """;

    @Test
    void readsAProgramAndFillsTheDefaults() throws Exception {
        ClusterSpec s = ClusterJson.read(GOOD);
        assertEquals(2, s.systems());
        assertEquals(List.of(64, 32, 10), java.util.Arrays.stream(s.units()).boxed().toList());
        assertEquals(ClusterSpec.OptimizerKind.SGD, s.training().optimizer().kind());
        assertEquals(0.9, s.training().optimizer().momentum());
        assertEquals(ClusterSpec.Links.DEFAULTS, s.links());
        assertEquals(1200, s.links().systemIoGbps());
        assertEquals("wse2", s.arch().name().toLowerCase());
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsLineAndColumn() {
        String text = GOOD.replace("\"steps\": 5,", "\"steps\": 5, \"epochs\": 2,");
        List<String> errors = errors(text);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("cluster.json:11:42: error: unknown key \"epochs\" in training"),
                errors.get(0));
    }

    @Test
    void everyBadValueIsReportedTogether() {
        String text = GOOD.replace("\"systems\": 2", "\"systems\": 17")
                .replace("\"kind\": \"sgd\"", "\"kind\": \"rmsprop\"")
                .replace("{ \"units\": 10, \"activation\": \"linear\", \"pes\": { \"width\": 4, \"height\": 2 } }",
                        "{ \"units\": 9, \"activation\": \"linear\", \"pes\": { \"width\": 2, \"height\": 2 } }");
        List<String> errors = errors(text);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("cluster.json:2:3: error: \"systems\" must be an integer from 1 to 16")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("\"kind\" must be \"sgd\" or \"adam\"")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("same PEs")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("one unit per class (10)")), errors::toString);
    }

    @Test
    void aBatchThatDoesNotFitInSramIsRefused() {
        String text = GOOD.replace("\"batch\": 64", "\"batch\": 4096").replace("\"systems\": 2", "\"systems\": 1");
        List<String> errors = errors(text);
        assertTrue(errors.get(0).contains("each layer PE holds 512 samples"), errors::toString);
    }

    @Test
    void aSyntaxErrorHasItsPosition() {
        List<String> errors = errors("{ \"systems\": 2,, }");
        assertTrue(errors.get(0).startsWith("cluster.json:1:16: error:"), errors::toString);
    }

    static List<String> errors(String text) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> ClusterJson.read(text));
        return e.diagnostics().stream().map(Object::toString).toList();
    }
}
