package org.waferscope.engine.api;

import java.util.ArrayList;
import java.util.List;

/**
 * One PE's history, cycle by cycle from {@link #firstCycle}: what its CE did, which task
 * ran, and on which links wavelets left and arrived (one wavelet per link and direction
 * per cycle, so a bit per direction is exact). Filled by replaying a run (engine.trace.PeReplay); read-only after.
 *
 * @param x          the PE's column
 * @param y          the PE's row
 * @param firstCycle the cycle of index 0
 * @param work       per cycle, one of {@link #IDLE} .. {@link #STALL_OUTPUT}
 * @param task       per cycle, the running task's id, or -1
 * @param linkOut    per cycle, directions (bit 0 N, 1 S, 2 E, 3 W) a wavelet left on
 * @param linkIn     per cycle, directions a wavelet arrived from
 * @param starts     the cycles (as indices) in which a task started, so that back-to-back runs of one task stay apart
 * @param taskNames  name per task id (index 0..63), null where never seen
 */
public record PeTrack(int x, int y, long firstCycle, byte[] work, byte[] task, byte[] linkOut, byte[] linkIn,
                      java.util.BitSet starts, String[] taskNames) {
    public static final byte IDLE = 0;
    public static final byte COMPUTE = 1;
    public static final byte FABRIC = 2;
    public static final byte STALL_INPUT = 3;
    public static final byte STALL_OUTPUT = 4;

    /** Direction names by bit, in the fabric's order. */
    public static final String[] DIRECTIONS = {"N", "S", "E", "W"};

    public int cycles() {
        return work.length;
    }

    /** A run of equal cycles: a task slice or a stall. */
    public record Slice(long start, long end, String name, int task) {
        public long length() {
            return end - start;
        }
    }

    /** Contiguous cycles of one running task, named after it. */
    public List<Slice> taskSlices() {
        List<Slice> out = new ArrayList<>();
        int i = 0;
        while (i < task.length) {
            int t = task[i];
            int j = i + 1;
            while (j < task.length && task[j] == t && !starts.get(j)) {
                j++;
            }
            if (t >= 0) {
                String name = taskNames[t] != null ? taskNames[t] : "task " + t;
                out.add(new Slice(firstCycle + i, firstCycle + j, name, t));
            }
            i = j;
        }
        return out;
    }

    /** Contiguous stalled cycles of one kind under one task (so they nest in its slice). */
    public List<Slice> stalls() {
        List<Slice> out = new ArrayList<>();
        int i = 0;
        while (i < work.length) {
            byte w = work[i];
            int j = i + 1;
            while (j < work.length && work[j] == w && task[j] == task[i]) {
                j++;
            }
            if (w == STALL_INPUT || w == STALL_OUTPUT) {
                out.add(new Slice(firstCycle + i, firstCycle + j,
                        w == STALL_INPUT ? "stall: waiting for input" : "stall: output full", task[i]));
            }
            i = j;
        }
        return out;
    }

    /** Cycles of each work class, indexed by class. */
    public long[] workTotals() {
        long[] t = new long[5];
        for (byte w : work) {
            t[w]++;
        }
        return t;
    }

    /** Wavelets that left, and arrived, over all links. */
    public long wavelets(boolean out) {
        long n = 0;
        for (byte b : out ? linkOut : linkIn) {
            n += Integer.bitCount(b);
        }
        return n;
    }
}
