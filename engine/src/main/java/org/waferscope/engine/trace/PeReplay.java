package org.waferscope.engine.trace;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.api.PeTrack;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.fabric.PeProbe;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Records the history of a few PEs by running a wafer one cycle at a time and reading
 * their counters after each cycle. Deterministic like the engine: a replay from a
 * snapshot or from load sees exactly what the original run did. Recording every PE every
 * cycle would cost a full wafer's state per cycle, so the PEs are a bounded set the user
 * picks ({@link #MAX_PES}).
 */
public final class PeReplay {
    /** PEs one replay records at most. */
    public static final int MAX_PES = 4096;
    /** PE-cycles one replay records at most (4 bytes each). */
    public static final long MAX_PE_CYCLES = 64L << 20;

    private PeReplay() {
    }

    /**
     * Runs {@code w} from its cycle up to {@code untilCycle} (or its end), recording {@code pes}
     * (PE numbers y * width + x). The wafer is left at the last cycle run.
     */
    public static List<PeTrack> record(Wafer w, int[] pes, long untilCycle) {
        if (pes.length > MAX_PES) {
            throw new IllegalArgumentException("at most " + MAX_PES + " PEs, not " + pes.length);
        }
        Fabric f = w.fabric();
        long first = w.cycle();
        long span = Math.max(0, untilCycle - first);
        if (span * Math.max(1, pes.length) > MAX_PE_CYCLES) {
            throw new IllegalArgumentException(pes.length + " PEs over " + span + " cycles is more than a replay keeps ("
                    + MAX_PE_CYCLES + " PE-cycles): pick fewer PEs or fewer cycles");
        }
        int n = pes.length;
        int len = (int) span;
        byte[][] work = new byte[n][len];
        byte[][] task = new byte[n][len];
        byte[][] out = new byte[n][len];
        byte[][] in = new byte[n][len];
        String[][] names = new String[n][64];
        java.util.BitSet[] starts = new java.util.BitSet[n];
        long[][] before = new long[n][];
        for (int k = 0; k < n; k++) {
            before[k] = counters(f, pes[k]);
            starts[k] = new java.util.BitSet();
        }
        int done = 0;
        while (done < len && w.status() == WaferStatus.RUNNING) {
            w.advance(1, false, false);
            if (w.cycle() == first + done) {
                break;
            }
            for (int k = 0; k < n; k++) {
                int p = pes[k];
                long[] now = counters(f, p);
                work[k][done] = workClass(before[k], now);
                int t = PeProbe.runningTask(f, p);
                // a task that ended this cycle still ran in it: its last instruction
                if (t < 0 && work[k][done] == PeTrack.COMPUTE && done > 0) {
                    t = task[k][done - 1];
                }
                task[k][done] = (byte) t;
                if (t >= 0 && names[k][t] == null) {
                    names[k][t] = PeProbe.taskName(f, p);
                }
                out[k][done] = (byte) links(before[k], now, 4);
                in[k][done] = (byte) links(before[k], now, 8);
                if (now[12] != before[k][12]) {
                    starts[k].set(done);
                }
                before[k] = now;
            }
            done++;
        }
        List<PeTrack> tracks = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            tracks.add(new PeTrack(pes[k] % f.width, pes[k] / f.width, first, trim(work[k], done), trim(task[k], done),
                    trim(out[k], done), trim(in[k], done), starts[k], names[k]));
        }
        return tracks;
    }

    /** compute, fabric, stall in, stall out, links out N S E W, links in from N S E W (the neighbours' out), tasks started. */
    private static long[] counters(Fabric f, int p) {
        long[] c = new long[13];
        c[12] = PeProbe.tasksStarted(f, p);
        c[0] = PeProbe.computeCycles(f, p);
        c[1] = PeProbe.fabricCycles(f, p);
        c[2] = PeProbe.stallInCycles(f, p);
        c[3] = PeProbe.stallOutCycles(f, p);
        for (int d = 0; d < 4; d++) {
            c[4 + d] = PeProbe.linkOut(f, p, d);
            int q = PeProbe.neighbour(f, p, d);
            // the neighbour to the north sends to us southwards, and so on
            c[8 + d] = q < 0 ? 0 : PeProbe.linkOut(f, q, d ^ 1);
        }
        return c;
    }

    private static byte workClass(long[] a, long[] b) {
        if (b[0] > a[0]) {
            return PeTrack.COMPUTE;
        }
        if (b[1] > a[1]) {
            return PeTrack.FABRIC;
        }
        if (b[2] > a[2]) {
            return PeTrack.STALL_INPUT;
        }
        return b[3] > a[3] ? PeTrack.STALL_OUTPUT : PeTrack.IDLE;
    }

    private static int links(long[] a, long[] b, int from) {
        int mask = 0;
        for (int d = 0; d < 4; d++) {
            if (b[from + d] != a[from + d]) {
                mask |= 1 << d;
            }
        }
        return mask;
    }

    private static byte[] trim(byte[] a, int n) {
        return n == a.length ? a : java.util.Arrays.copyOf(a, n);
    }
}
