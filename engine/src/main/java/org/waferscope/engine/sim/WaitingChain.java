package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.fabric.WaitChain;

/**
 * Who waits for whom on a wafer, for the explorer's Waiting tab. At a deadlock where the
 * host waits for PEs that never called unblock_cmd_stream, those PEs head the list: they
 * are often idle rather than stalled (a chain cut short leaves its far end never woken), so
 * the fabric's own chain alone says "nothing waits" about a run the engine calls stuck.
 */
final class WaitingChain {
    private WaitingChain() {
    }

    static List<WaitLink> of(Wafer w, int max) {
        if (w == null) {
            return List.of();
        }
        List<WaitLink> out = new ArrayList<>();
        if (w.status() == WaferStatus.DEADLOCK) {
            int width = w.fabric().width;
            for (int p : w.port().unreleased(max)) {
                out.add(WaitLink.host("unblock_cmd_stream", p % width, p / width, "has not called it"));
            }
        }
        out.addAll(WaitChain.of(w.fabric(), max - out.size()));
        return out;
    }
}
