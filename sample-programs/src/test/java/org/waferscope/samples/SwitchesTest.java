package org.waferscope.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.sim.RunResult;

/** Sample 5: each neighbour gets exactly its own values, and they arrive north, east, south, west in turn. */
class SwitchesTest {
    @ParameterizedTest
    @CsvSource({"2,wse2", "2,wse3", "1,wse2", "10,wse2"})
    void everyNeighbourGetsItsOwnValuesInRingOrder(int rounds, String arch) throws Exception {
        RunResult r = Samples.run("switches", Map.of("rounds", "" + rounds), arch, 1);
        Samples.assertHalted(r);
        for (String d : List.of("north", "east", "south", "west")) {
            Samples.assertClose(Samples.floats(r, "to_" + d), Samples.floats(r, d + "_got"), 0, d);
        }
        // The switch turns N, E, S, W, N, ...: the console shows the neighbours in that order.
        int[][] ring = {{1, 0}, {2, 1}, {1, 2}, {0, 1}};
        List<ConsoleLine> prints = r.console().stream().filter(l -> l.kind() == ConsoleLine.Kind.PRINT).toList();
        assertEquals(4 * rounds, prints.size());
        for (int i = 0; i < prints.size(); i++) {
            assertEquals(ring[i % 4][0], prints.get(i).x(), "arrival " + i);
            assertEquals(ring[i % 4][1], prints.get(i).y(), "arrival " + i);
        }
    }
}
