package org.waferscope.engine.fabric;

/**
 * The compute engine's per-PE values that a busy cycle reads or writes, kept together in
 * {@link #core}: one 64-byte record of {@link #WORDS} longs per PE, so that a cycle of a PE
 * touches one cache line of them instead of a line in each of thirteen arrays (on a full
 * wafer every one of those lines is a miss; the hardware prefetcher follows a few streams,
 * not fourteen).
 *
 * <ul>
 *   <li>{@link #PC_FP}: the running task's pc (bits 0..31, -1 when no task runs) and its
 *       frame pointer (32..63);</li>
 *   <li>{@link #BUSY_DONE}: cycles left of a memory vector op occupying the CE (0..31) and
 *       elements done of the synchronous fabric op at pc (32..63);</li>
 *   <li>{@link #FLAGS}: bytes of the running task id (-1 when none), the id the task picker
 *       started last, the CE's {@link Activity} in its last cycle, and status bits
 *       ({@link #HAS_MICROTHREADS}, a constant of the program, and {@link #FAULTED}, set
 *       with {@code Fabric.fault}); wavelets the CE has sent since load (32..63);</li>
 *   <li>{@link #COUNTS}: wavelets the CE has received (0..31) and tasks it has started
 *       (32..63) since load;</li>
 *   <li>{@link #COMPUTE}, {@link #FABRIC}, {@link #STALL_IN}, {@link #STALL_OUT}: cycles spent
 *       computing, moving wavelets, stalled on input and stalled on output since load.</li>
 * </ul>
 *
 * Only the PE's own worker writes its record. The state hash and the inspectors read the
 * values through the accessors below, as the separate arrays the fabric kept before
 * ({@link CoreHash}); snapshots copy the record whole.
 */
abstract class CoreRecords extends ChannelRings {
    static final int WORDS = 8;
    static final int PC_FP = 0;
    static final int BUSY_DONE = 1;
    static final int FLAGS = 2;
    static final int COUNTS = 3;
    static final int COMPUTE = 4;
    static final int FABRIC = 5;
    static final int STALL_IN = 6;
    static final int STALL_OUT = 7;
    /** Byte positions in {@link #FLAGS}. */
    private static final int TASK = 0;
    private static final int PICKED = 8;
    private static final int ACTIVITY = 16;
    private static final int STATUS = 24;
    /** Status bit: the PE's program has microthreads ({@code mtCount > 0}); never changes. */
    private static final long HAS_MICROTHREADS = 1L << STATUS;
    /** Status bit: the PE has faulted; its message is in {@code Fabric.fault}. */
    private static final long FAULTED = 2L << STATUS;
    /**
     * Longs before the first record: with the 16-byte array header, 48 bytes put every record
     * on a cache line of its own when the array starts on a 64-byte boundary (a large array
     * of the G1 collector, a region of its own, does), as {@link RouterWords#LEAD}.
     */
    private static final int LEAD = 6;

    /** The records, {@link #WORDS} longs per PE from {@link #LEAD}. */
    final long[] core;

    CoreRecords(FabricBuilder b) {
        super(b);
        core = b.fresh.pe.core;
    }

    /** Zeroed records for {@code n} PEs, to be {@linkplain #fill filled}. */
    static long[] allocate(int n) {
        return new long[LEAD + n * WORDS];
    }

    /**
     * Sets the fields of {@code n} zeroed records that do not start at zero, as at load;
     * {@code hasMicrothreads[pi]} says whether program {@code pi} owns microthreads (then so
     * does every PE that runs it, {@code peProgram}). Returns {@code core}.
     */
    static long[] fill(long[] core, int n, int[] peProgram, boolean[] hasMicrothreads) {
        for (int p = 0; p < n; p++) {
            int pi = peProgram[p];
            // no task runs (pc -1, task -1), and the picker goes on from id 63, so it starts with the lowest
            core[at(p) + PC_FP] = 0xFFFFFFFFL;
            core[at(p) + FLAGS] = (63L << PICKED) | (0xFFL << TASK)
                    | (pi >= 0 && hasMicrothreads[pi] ? HAS_MICROTHREADS : 0);
        }
        return core;
    }

    /** Index of PE p's record. */
    static int at(int p) {
        return LEAD + p * WORDS;
    }

    private static int lo(long w) {
        return (int) w;
    }

    private static int hi(long w) {
        return (int) (w >>> 32);
    }

    private static long withLo(long w, int v) {
        return w & 0xFFFFFFFF00000000L | v & 0xFFFFFFFFL;
    }

    private static long withHi(long w, int v) {
        return w & 0xFFFFFFFFL | (long) v << 32;
    }

    private byte flag(int p, int shift) {
        return (byte) (core[at(p) + FLAGS] >>> shift);
    }

    private void setFlag(int p, int shift, int v) {
        int i = at(p) + FLAGS;
        core[i] = core[i] & ~(0xFFL << shift) | (v & 0xFFL) << shift;
    }

    /** pc of the running task's current instruction, -1 when no task runs. */
    final int pc(int p) {
        return lo(core[at(p) + PC_FP]);
    }

    final void setPc(int p, int v) {
        int i = at(p) + PC_FP;
        core[i] = withLo(core[i], v);
    }

    final int fp(int p) {
        return hi(core[at(p) + PC_FP]);
    }

    final void setFp(int p, int v) {
        int i = at(p) + PC_FP;
        core[i] = withHi(core[i], v);
    }

    /** Remaining cycles of a memory vector op occupying the CE. */
    final int busy(int p) {
        return lo(core[at(p) + BUSY_DONE]);
    }

    final void setBusy(int p, int v) {
        int i = at(p) + BUSY_DONE;
        core[i] = withLo(core[i], v);
    }

    /** Elements done of the synchronous fabric vector op at pc. */
    final int opDone(int p) {
        return hi(core[at(p) + BUSY_DONE]);
    }

    final void setOpDone(int p, int v) {
        int i = at(p) + BUSY_DONE;
        core[i] = withHi(core[i], v);
    }

    /** Running task id, -1 when none. */
    final byte task(int p) {
        return flag(p, TASK);
    }

    final void setTask(int p, int id) {
        setFlag(p, TASK, id);
    }

    /** Whether the PE's program has microthreads: read every cycle, so kept here too. */
    final boolean hasMicrothreads(int p) {
        return (core[at(p) + FLAGS] & HAS_MICROTHREADS) != 0;
    }

    /** Whether the PE has faulted (then {@code Fabric.fault} holds why): read every cycle, so kept here too. */
    final boolean faulted(int p) {
        return faulted(core[at(p) + FLAGS]);
    }

    /** PE p's {@link #FLAGS} word, read once by a visit for the bits below. */
    final long flags(int p) {
        return core[at(p) + FLAGS];
    }

    static boolean faulted(long flags) {
        return (flags & FAULTED) != 0;
    }

    static boolean hasMicrothreads(long flags) {
        return (flags & HAS_MICROTHREADS) != 0;
    }

    final void markFaulted(int p) {
        core[at(p) + FLAGS] |= FAULTED;
    }

    /** The id the task picker started last: its round-robin goes on from the next id. */
    final byte lastPicked(int p) {
        return flag(p, PICKED);
    }

    final void setLastPicked(int p, int id) {
        setFlag(p, PICKED, id);
    }

    /** What the CE did in its last cycle ({@link Activity}). */
    final byte activity(int p) {
        return flag(p, ACTIVITY);
    }

    final void setActivity(int p, byte a) {
        setFlag(p, ACTIVITY, a);
    }

    final int cntSent(int p) {
        return hi(core[at(p) + FLAGS]);
    }

    /** Counts a wavelet PE p's CE has just pushed into its output queue (compute phase only). */
    final void countSent(int p) {
        countSent(p, at(p));
    }

    /** {@link #countSent(int)} of PE p, whose record is at {@code i}. */
    final void countSent(int p, int i) {
        heldChange[p >>> 6]++;
        core[i + FLAGS] += 1L << 32;
    }

    final int cntReceived(int p) {
        return lo(core[at(p) + COUNTS]);
    }

    /** Counts a wavelet PE p's router has just delivered into its CE's input queue (compute phase only). */
    final void countReceived(int p) {
        heldChange[p >>> 6]++;
        int i = at(p) + COUNTS;
        core[i] = withLo(core[i], lo(core[i]) + 1);
    }

    /** Tasks started per PE since load. */
    final int tasksRun(int p) {
        return hi(core[at(p) + COUNTS]);
    }

    final void countTaskRun(int p) {
        core[at(p) + COUNTS] += 1L << 32;
    }

    final long cntCompute(int p) {
        return core[at(p) + COMPUTE];
    }

    final long cntFabric(int p) {
        return core[at(p) + FABRIC];
    }

    /** Cycles stalled on input, those a sleeper is still owed included ({@link SleepCredit}). */
    final long cntStallIn(int p) {
        return core[at(p) + STALL_IN] + owedStall(p, STALL_IN);
    }

    /** Cycles stalled on output, those a sleeper is still owed included. */
    final long cntStallOut(int p) {
        return core[at(p) + STALL_OUT] + owedStall(p, STALL_OUT);
    }

    /** Cycles PE p has stalled asleep that counter {@code which} does not hold yet ({@link SleepCredit#owed}). */
    abstract long owedStall(int p, int which);

    /**
     * Per {@link Activity}, in 4 bits each, the counter a cycle of it adds to; IDLE and
     * FAULTED name {@link #COMPUTE} but add nothing ({@link #COUNTED}). A visit's CE changes
     * activity from cycle to cycle, so a branch on it would often be mispredicted.
     */
    private static final long COUNTER_OF = COMPUTE | (long) COMPUTE << 4 | (long) FABRIC << 8
            | (long) STALL_IN << 12 | (long) STALL_OUT << 16 | (long) FABRIC << 20 | (long) COMPUTE << 24;
    /** The activities a cycle of which the counters count: all but IDLE and FAULTED. */
    private static final int COUNTED = 1 << Activity.COMPUTE | 1 << Activity.FABRIC | 1 << Activity.STALL_INPUT
            | 1 << Activity.STALL_OUTPUT | 1 << Activity.MICROTHREADS;

    /** Counts one cycle of {@code activity} in PE p's cycle counters. */
    final void countCycle(int p, int activity) {
        core[at(p) + counterOf(activity)] += counted(activity);
    }

    /** The word of a record ({@link #COMPUTE} .. {@link #STALL_OUT}) a cycle of {@code activity} counts in. */
    static int counterOf(int activity) {
        return (int) (COUNTER_OF >>> (activity << 2) & 0xF);
    }

    /** 1 when a cycle of {@code activity} is counted, 0 for IDLE and FAULTED. */
    static int counted(int activity) {
        return COUNTED >>> activity & 1;
    }

    /** The {@link Activity} in a {@link #FLAGS} word. */
    static int activityOf(long flags) {
        return (byte) (flags >>> ACTIVITY);
    }

    /** A {@link #FLAGS} word with {@code activity} in place of its activity. */
    static long withActivity(long flags, int activity) {
        return flags & ~(0xFFL << ACTIVITY) | (activity & 0xFFL) << ACTIVITY;
    }

    /** Adds {@code cycles} to counter {@code which} ({@link #COMPUTE} .. {@link #STALL_OUT}) of PE p. */
    final void addCycles(int p, int which, long cycles) {
        core[at(p) + which] += cycles;
    }
}
