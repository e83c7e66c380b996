package org.waferscope.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ConsoleLine;

/** One PE sends, a chain receives: the hop latency shows in the receivers' cycle stamps. */
class BroadcastChainTest {

    @Test
    void receiversLogTheSameWaveletTwoCyclesApart() {
        try (Wafer w = TestPrograms.wafer(TestPrograms.broadcastChain(4, 1), 1)) {
            w.port().launch("start");
            w.stepFabric(200);
            List<ConsoleLine> lines = w.console().since(0, 100);
            assertEquals(3, lines.size(), lines.toString());
            long[] at = new long[3];
            for (ConsoleLine l : lines) {
                Matcher m = Pattern.compile("got (\\d+) at (\\d+)").matcher(l.text());
                org.junit.jupiter.api.Assertions.assertTrue(m.matches(), l.text());
                assertEquals(100, Integer.parseInt(m.group(1)));
                at[l.x() - 1] = l.cycle();
            }
            assertEquals(2, at[1] - at[0], "hop latency between receivers 1 and 2");
            assertEquals(2, at[2] - at[1], "hop latency between receivers 2 and 3");
        }
    }
}
