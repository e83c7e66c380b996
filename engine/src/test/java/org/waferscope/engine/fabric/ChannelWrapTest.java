package org.waferscope.engine.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.waferscope.engine.fixtures.Kernels.E;
import static org.waferscope.engine.fixtures.Kernels.R;
import static org.waferscope.engine.fixtures.Kernels.W;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.fixtures.Kernels;
import org.waferscope.engine.sim.Wafer;

/**
 * Channels count pushes and pops with 16-bit counters that wrap after 65,536 wavelets. A
 * long run must not notice: wavelets keep their order across the wrap in every buffer,
 * including those whose depth (3, 6) does not divide 65,536.
 */
class ChannelWrapTest {

    @Test
    void wavletsKeepTheirOrderWhenTheCountersWrap() {
        FabricLayout l = new FabricLayout(3, 1);
        int[] values = new int[40];
        for (int i = 0; i < values.length; i++) {
            values[i] = 500 + i;
        }
        l.setTileCode(0, 0, Kernels.arraySender(0, 0, values, 0));
        l.setColorConfig(0, 0, 0, ColorConfig.route(R, E));
        l.setColorConfig(1, 0, 0, ColorConfig.route(W, E));
        l.setTileCode(2, 0, Kernels.printingReceiver(0, -1));
        l.setColorConfig(2, 0, 0, ColorConfig.route(W, R));
        try (Wafer w = Wafer.of(ArchProfile.WSE2, l, 1)) {
            Fabric f = w.fabric();
            // as if 65,536 - 7 wavelets had already passed through every channel
            for (int ch = 0; ch < f.channelCount(); ch++) {
                f.setCounters(ch, -7, -7, -7);
            }
            w.port().launch("start");
            w.stepFabric(1_000);
            List<Integer> got = new ArrayList<>();
            for (ConsoleLine line : w.console().since(0, 1_000)) {
                got.add(Integer.parseInt(line.text().split(" ")[1]));
            }
            List<Integer> sent = new ArrayList<>();
            for (int v : values) {
                sent.add(v);
            }
            assertEquals(sent, got);
        }
    }
}
