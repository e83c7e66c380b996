package org.waferscope.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.WaitLink;
import org.waferscope.engine.fabric.EdgeLeaks;
import org.waferscope.engine.fabric.WaitChain;

/**
 * Who waits for whom on a wafer, for the explorer's Waiting tab. At a deadlock where the
 * host waits for PEs that never called unblock_cmd_stream, those the fabric's chain does not
 * list already follow it: they are often idle rather than stalled (a chain cut short leaves
 * its far end never woken), and the chain alone said "nothing waits" about a run the engine
 * calls stuck. So do PEs that keep a data task blocked with wavelets waiting for it, which
 * hold up whatever feeds that queue.
 */
final class WaitingChain {
    private WaitingChain() {
    }

    static List<WaitLink> of(Wafer w, int max) {
        if (w == null) {
            return List.of();
        }
        List<WaitLink> out = new ArrayList<>(WaitChain.of(w.fabric(), max));
        if (w.status() == WaferStatus.DEADLOCK) {
            // a PE the chain already lists is explained there (relay-deadlock's three): only the others
            java.util.Set<Integer> listed = new java.util.HashSet<>();
            int width = w.fabric().width;
            out.forEach(l -> listed.add(l.y() * width + l.x()));
            for (WaitLink l : WaitChain.blockedWithWaveletsWaiting(w.fabric(), max)) {
                if (out.size() < max && listed.add(l.y() * width + l.x())) {
                    out.add(l);
                }
            }
            for (int p : w.port().unreleased(max)) {
                if (out.size() < max && !listed.contains(p)) {
                    out.add(WaitLink.host("unblock_cmd_stream", p % width, p / width, "has not called it"));
                }
            }
            // not a wait, but often why the others wait: what was sent off the edge never arrives
            out.addAll(EdgeLeaks.links(w.fabric(), max));
        }
        return out;
    }
}
