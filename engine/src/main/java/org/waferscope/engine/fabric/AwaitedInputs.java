package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.ir.Dsd;

/**
 * The colors a PE's async operations wait on: each microthread that found its fabric input
 * empty last cycle, by the color of its fabin operand. A CE that has started its receives and
 * ended its task is idle, yet it waits: heat-diffusion's corner PEs, between steps, wait on the
 * two halo edges their neighbours have still to send, and only on those two of their four
 * input queues. Between cycles only.
 */
final class AwaitedInputs {
    private AwaitedInputs() {
    }

    /** The colors, in microthread order, each once. */
    static List<Integer> colors(Fabric f, int p) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < f.mtCount[p]; k++) {
            int r = f.mtBase[p] + k * Microthreads.WORDS;
            if (f.mtPool[r + Microthreads.STATE] == 0 || f.mtPool[r + Microthreads.WAIT] != 1) {
                continue;
            }
            for (int o = 0; o < 4; o++) {
                int b = r + Microthreads.OPERANDS + o * Microthreads.OPERAND_WORDS;
                if (f.mtPool[b] == DsdExecutor.DESCRIPTOR && Dsd.kind(f.mtPool[b + 1]) == Dsd.FABIN
                        && !out.contains(Dsd.color(f.mtPool[b + 1]))) {
                    out.add(Dsd.color(f.mtPool[b + 1]));
                }
            }
        }
        return out;
    }

    /** "its async receives wait for color 7 from PE (0, 1), color 3 from PE (1, 0)", or null when none waits. */
    static String describe(Fabric f, int p) {
        List<Integer> colors = colors(f, p);
        if (colors.isEmpty()) {
            return null;
        }
        List<String> each = new ArrayList<>();
        for (int c : colors) {
            int from = WaitChain.sender(f, p, c);
            each.add("color " + c + (from < 0 ? "" : " from PE (" + from % f.width + ", " + from / f.width + ")"));
        }
        return "its async " + (colors.size() == 1 ? "receive waits" : "receives wait") + " for " + String.join(", ", each);
    }
}
