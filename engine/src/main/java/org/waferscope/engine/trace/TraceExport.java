package org.waferscope.engine.trace;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.engine.fabric.FabricMetrics;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/**
 * A trace of a program from load: replays it one cycle at a time for the PEs of a
 * rectangle (the whole fabric when none is given and it is small enough) and writes the
 * Chrome trace. Without a cycle count it first runs the program to its end, at full speed,
 * to learn how long the trace is.
 */
public final class TraceExport {
    /** PEs a trace of a whole fabric may have before a rectangle is asked for. */
    public static final int WHOLE_FABRIC_PES = 1024;

    private TraceExport() {
    }

    /** What was traced and written. */
    public record Result(PeRect rect, long cycles, String status, ChromeTrace.Written written) {
    }

    /**
     * @param rect      the PEs to trace, or null for the whole fabric
     * @param cycles    how many cycles to trace, or -1 for the whole run
     * @param maxCycles the cycle budget of a whole run
     */
    public static Result write(WaferProgram program, PeRect rect, long cycles, long maxCycles, OutputStream out)
            throws IOException {
        long end = cycles;
        if (end < 0) {
            try (Wafer w = Wafer.load(program, 1)) {
                w.runToCompletion(maxCycles);
                end = w.cycle();
            }
        }
        try (Wafer w = Wafer.load(program, 1)) {
            int fw = w.fabric().width;
            int fh = w.fabric().height;
            PeRect r = rect != null ? rect.clip(fw, fh) : new PeRect(0, 0, fw, fh);
            if (rect == null && r.count() > WHOLE_FABRIC_PES) {
                throw new IllegalArgumentException("the fabric has " + r.count() + " PEs; trace at most "
                        + WHOLE_FABRIC_PES + " of them with --rect X,Y,W,H");
            }
            List<PeTrack> tracks = PeReplay.record(w, r.pes(fw), end);
            String status = w.status().name().toLowerCase(java.util.Locale.ROOT);
            ChromeTrace.Run run = new ChromeTrace.Run(program.title(), fw, w.cycle(), status,
                    w.timeline().points(FabricMetrics.programPes(w.fabric())));
            return new Result(r, w.cycle(), status, ChromeTrace.write(out, run, tracks));
        }
    }
}
