package org.waferscope.engine.fabric;

import java.util.List;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.ir.DsdOpKind;
import org.waferscope.engine.ir.PeProgram;

/**
 * The whole architectural state of a fabric of W×H PEs, as flat arrays (structure of
 * arrays) indexed by PE number {@code y * width + x}; nothing is an object per PE except a
 * PE's SRAM, and only PEs with a program have one.
 *
 * <p><b>Threads.</b> A cycle has two phases separated by a barrier (see
 * {@code sim.CycleStepper}). In the compute phase a PE's worker writes only that PE's
 * state and reads of other PEs only fields written in the commit phase
 * ({@link #chPushed} of its inputs, {@link #chSeenPopped} of its neighbours' inputs). In the
 * commit phase it publishes {@link #chSeenPopped} for its own inputs and pushes the
 * wavelets it sent into its neighbours' inputs, which only it ever pushes to. So the result
 * of a cycle does not depend on how PEs are split among threads.
 *
 * <p><b>Channels.</b> Every wavelet buffer is a channel: router input buffers (one per
 * color and link port that the color's routes accept), and the CE's input and output
 * queues. A channel holds up to its capacity of wavelets on a ring of slots (a power of
 * two) from {@link #chBase}; pushes and pops are counted by wrapping 16-bit counters whose
 * difference is the occupancy and whose low bits pick the slot. The fields stay in
 * separate dense arrays, router buffers first, then queues, each in PE order: measured on
 * a full wafer, where memory traffic bounds the engine, that beat both records per channel
 * and buffers grouped PE by PE (docs/benchmarks.md).
 */
public final class Fabric {
    public final ArchProfile profile;
    public final int width;
    public final int height;
    public final int n;

    /** Words of {@link #srcBusy} per PE: the four link ports and RAMP. */
    static final int BUSY_WORDS = 5;
    /** Argument slots a host launch can fill. */
    public static final int MAX_LAUNCH_ARGS = 4;

    /** The DSD operation kinds by ordinal (values() copies its array on every call). */
    static final DsdOpKind[] DSD_KINDS = DsdOpKind.values();

    /** Elements per cycle of each DSD operation kind, by ordinal: the profile's SIMD table as an array. */
    final int[] simdWidth;

    final PeProgram[] programs;
    final ProgramTables[] tables;
    /** Program index per PE, -1 for an empty PE. */
    final int[] peProgram;
    /** SRAM per PE (data and stack), null for an empty PE. */
    final byte[][] sram;

    // ---- compute engine ----
    /** pc of the running task's current instruction, -1 when no task runs. */
    final int[] pc;
    final int[] fp;
    /** Running task id, -1 when none. */
    final byte[] task;
    final long[] activated;
    final long[] blocked;
    /** Remaining cycles of a memory vector op occupying the CE. */
    final int[] busy;
    /** Elements done of the synchronous fabric vector op at pc. */
    final int[] opDone;
    /** What the CE did in its last cycle ({@link Activity}). */
    final byte[] activity;
    /** 16-bit data of the last control wavelet that activated a control task. */
    final int[] controlData;
    /** Function index a host launch will run, -1 when none is pending. */
    final int[] launchFn;
    /** The host launch's arguments, {@link #MAX_LAUNCH_ARGS} slots per PE. */
    final int[] launchArgs;
    /** 1 once the PE has called unblock_cmd_stream since the last launch. */
    final byte[] released;
    /** A machine fault, or null. */
    final String[] fault;
    /** Tasks started per PE since load. */
    final int[] tasksRun;
    /** Per PE, where its per-task run counts start in {@link #taskRuns}. */
    final int[] trBase;
    final int[] taskRuns;

    // ---- microthreads (pooled; only PEs whose program has async ops own records) ----
    final int[] mtBase;
    final int[] mtCount;
    final int[] mtPool;

    // ---- channels ----
    /**
     * Pushes and pops, as 16-bit counters that wrap: a ring has at most 256 slots, which
     * divides 65,536, and the difference, taken modulo 65,536, is the occupancy.
     */
    final short[] chPushed;
    final short[] chPopped;
    /** Pops as of the last commit phase: what the channel's sender may know of its room. */
    final short[] chSeenPopped;
    /** First slot of the channel's ring in {@link #slotPayload} and {@link #slotMeta}. */
    final int[] chBase;
    /** Capacity (bits 0..7), ring mask (8..15), then for a router source its bit (16..21), port (22..24), tracked (25). */
    final int[] chInfo;
    final int[] slotPayload;
    /** A wavelet's color and flags ({@link Wavelet}), which fit a byte. */
    final byte[] slotMeta;
    /**
     * The cycle of the channel's last push. A router buffer is fed at most once a cycle, so
     * with 2-cycle hops the only wavelet still on its way is the last one pushed, and only
     * in the cycle after its push: this replaces an arrival cycle per slot.
     */
    final int[] chLastPush;
    /** Per PE, first index into {@link #qChan} (-1 for empty PEs): input queues then output queues. */
    final int[] qBase;
    final int[] qChan;

    // ---- router ----
    final int[] rsStart;
    final int[] rsColor;
    final int[] rsConfig;
    final int[] rsPos;
    /** Per route slot and link port (N, S, E, W): the input channel, or -1. */
    final int[] rsInChan;
    /** Per route slot and link direction: the neighbour's input channel it feeds, or -1. */
    final int[] rsDest;
    final int[] cfgRx;
    final int[] cfgTx;
    final int[] cfgPositions;
    final boolean[] cfgRing;
    final int[] cfgInitial;
    final int[] cfgFilterMin;
    final int[] cfgFilterMax;
    /** Per PE, the router's sources: its input channels, then the CE's output queues. */
    final int[] srcStart;
    final int[] srcChan;
    final byte[] srcPort;
    final int[] srcRs;
    /** Round-robin position among each PE's sources. */
    final int[] rr;
    /**
     * Which of a PE's sources hold wavelets, so that the router visits only those: per PE five
     * words, one per port a source is fed from (N, S, E, W, then RAMP for the CE's output
     * queues), bit i for source {@code srcStart[p] + i}. Split by port because in the commit
     * phase up to four neighbours set bits of the same PE at once, each in its own word.
     * PEs with more than 64 sources are not tracked; their router scans every source.
     */
    final long[] srcBusy;
    /** Per PE, the link input buffers its router popped this cycle (source bits), published in the commit phase. */
    final long[] srcPopped;
    /** Wavelets sent this cycle, per PE and link direction: destination channel (-1 none). */
    final int[] pendDest;
    final int[] pendPayload;
    final byte[] pendMeta;

    // ---- host streams (per PE; null where no stream is set up) ----
    final int[][] hostIn;
    final int[] hostInPos;
    final int[] hostInColor;
    final int[][] hostOut;
    final int[] hostOutCount;
    final int[] hostOutColor;

    // ---- metrics (cumulative since load) ----
    final long[] cntCompute;
    final long[] cntFabric;
    final long[] cntStallIn;
    final long[] cntStallOut;
    final int[] cntSent;
    final int[] cntReceived;
    final int[] linkHops;
    final int[] linkBlocked;

    // ---- activity ----
    /** Bit per PE: had work at the end of the last cycle. */
    final long[] active;
    /** Bit per PE: received a wavelet in the last commit phase (set atomically). */
    final long[] wake;
    /**
     * Bit per PE: asleep, all its work waiting (a stalled vector op, microthreads that wait)
     * and its router empty, so it is not visited until a wavelet reaches its router
     * ({@link #wake}), the host writes its memory, or breakpoints change. It still has work: it
     * counts as active for stop decisions and deadlock reports. Its stall cycles are
     * credited when it wakes, and by {@link FabricCycle#settle} at the end of every step, so
     * the counters are exact whenever anyone can read them.
     */
    final long[] sleeping;
    /** Per PE, the last cycle whose stall a sleeping PE has been credited for; 0 while awake. */
    final long[] sleepFrom;
    /**
     * Bit per word of {@link #active}: the word may have PEs to visit ({@code active | wake}).
     * The stepper walks these bits instead of every word, so a cycle costs what its busy PEs
     * cost, not what the wafer's size does. Derived, never hashed or copied:
     * {@link FabricCycle#prepareStep} rebuilds it before every step, so whatever the host or a
     * snapshot changed between steps is seen; within a step the compute phase clears a word's
     * bit when the word goes idle and a wake sets it again.
     */
    final long[] busyWords;

    long cycle;

    Fabric(FabricBuilder b) {
        profile = b.profile;
        width = b.width;
        height = b.height;
        n = width * height;
        simdWidth = new int[DSD_KINDS.length];
        for (DsdOpKind k : DSD_KINDS) {
            simdWidth[k.ordinal()] = profile.simdWidth(k.simd);
        }
        programs = b.programs;
        tables = b.tables;
        peProgram = b.peProgram;
        sram = b.sram;
        pc = filled(n, -1);
        fp = new int[n];
        task = new byte[n];
        java.util.Arrays.fill(task, (byte) -1);
        activated = new long[n];
        blocked = new long[n];
        busy = new int[n];
        opDone = new int[n];
        activity = new byte[n];
        controlData = new int[n];
        launchFn = filled(n, -1);
        launchArgs = new int[n * MAX_LAUNCH_ARGS];
        released = new byte[n];
        fault = new String[n];
        tasksRun = new int[n];
        trBase = b.trBase;
        taskRuns = new int[b.trPoolSize];
        mtBase = b.mtBase;
        mtCount = b.mtCount;
        mtPool = new int[b.mtPoolSize];
        chBase = b.chBase;
        chInfo = b.chInfo;
        int channels = chBase.length;
        chPushed = new short[channels];
        chPopped = new short[channels];
        chSeenPopped = new short[channels];
        slotPayload = new int[b.slotCount];
        slotMeta = new byte[b.slotCount];
        chLastPush = new int[channels];
        qBase = b.qBase;
        qChan = b.qChan;
        rsStart = b.rsStart;
        rsColor = b.rsColor;
        rsConfig = b.rsConfig;
        rsPos = b.rsPos;
        rsInChan = b.rsInChan;
        rsDest = b.rsDest;
        cfgRx = b.cfgRx;
        cfgTx = b.cfgTx;
        cfgPositions = b.cfgPositions;
        cfgRing = b.cfgRing;
        cfgInitial = b.cfgInitial;
        cfgFilterMin = b.cfgFilterMin;
        cfgFilterMax = b.cfgFilterMax;
        srcStart = b.srcStart;
        srcChan = b.srcChan;
        srcPort = b.srcPort;
        srcRs = b.srcRs;
        rr = new int[n];
        srcBusy = new long[n * BUSY_WORDS];
        srcPopped = new long[n];
        for (int p = 0; p < n; p++) {
            int s0 = srcStart[p];
            int ns = srcStart[p + 1] - s0;
            for (int i = 0; ns <= 64 && i < ns; i++) {
                chInfo[srcChan[s0 + i]] |= TRACKED | srcPort[s0 + i] << PORT_SHIFT | i << BIT_SHIFT;
            }
        }
        pendDest = filled(n * 4, -1);
        pendPayload = new int[n * 4];
        pendMeta = new byte[n * 4];
        hostIn = new int[n][];
        hostInPos = new int[n];
        hostInColor = new int[n];
        hostOut = new int[n][];
        hostOutCount = new int[n];
        hostOutColor = new int[n];
        cntCompute = new long[n];
        cntFabric = new long[n];
        cntStallIn = new long[n];
        cntStallOut = new long[n];
        cntSent = new int[n];
        cntReceived = new int[n];
        linkHops = new int[n * 4];
        linkBlocked = new int[n * 4];
        active = new long[(n + 63) >>> 6];
        wake = new long[(n + 63) >>> 6];
        sleeping = new long[(n + 63) >>> 6];
        sleepFrom = new long[n];
        busyWords = new long[(active.length + 63) >>> 6];
    }

    private static int[] filled(int size, int value) {
        int[] a = new int[size];
        java.util.Arrays.fill(a, value);
        return a;
    }

    public long cycle() {
        return cycle;
    }

    /** Set by the stepper after a step; the phases themselves are handed the cycle number. */
    public void setCycle(long c) {
        cycle = c;
    }

    public int pe(int x, int y) {
        return y * width + x;
    }

    public boolean hasProgram(int pe) {
        return peProgram[pe] >= 0;
    }

    public PeProgram programOf(int pe) {
        int p = peProgram[pe];
        return p < 0 ? null : programs[p];
    }

    public int programIndexOf(int pe) {
        return peProgram[pe];
    }

    public byte[] sramOf(int pe) {
        return sram[pe];
    }

    public String faultOf(int pe) {
        return fault[pe];
    }

    public int programCount() {
        return programs.length;
    }

    public PeProgram program(int index) {
        return programs[index];
    }

    /**
     * Every array that changes as the fabric runs, in a fixed order: what snapshots copy and
     * the state hash covers. Route tables, queue bindings and programs never change.
     */
    List<Object> mutableState() {
        return List.of(sram, pc, fp, task, activated, blocked, busy, opDone, activity, controlData, launchFn, launchArgs, released,
                fault, tasksRun, taskRuns, mtPool, chPushed, chPopped, chSeenPopped, chLastPush, slotPayload, slotMeta, rsPos, rr,
                srcBusy, srcPopped,
                pendDest, pendPayload, pendMeta, hostIn, hostInPos, hostInColor, hostOut, hostOutCount, hostOutColor,
                cntCompute, cntFabric, cntStallIn, cntStallOut, cntSent, cntReceived, linkHops, linkBlocked, active,
                wake, sleeping, sleepFrom);
    }

    // ---- channels ----

    static final int MASK_SHIFT = 8;
    static final int BIT_SHIFT = 16;
    static final int PORT_SHIFT = 22;
    static final int TRACKED = 1 << 25;

    static int ringSize(int cap) {
        return cap <= 1 ? 1 : Integer.highestOneBit(cap - 1) << 1;
    }

    int channelCount() {
        return chBase.length;
    }

    int count(int ch) {
        return (chPushed[ch] - chPopped[ch]) & 0xFFFF;
    }

    int capacity(int ch) {
        return chInfo[ch] & 0xFF;
    }

    boolean full(int ch) {
        return count(ch) >= capacity(ch);
    }

    /** Room in a neighbour's input channel as its sender may know it (as of the last commit). */
    int freeForSender(int ch) {
        return (chInfo[ch] & 0xFF) - ((chPushed[ch] - chSeenPopped[ch]) & 0xFFFF);
    }

    /** The slot of the i-th wavelet from the head. */
    int slotAt(int ch, int i) {
        return chBase[ch] + ((chPopped[ch] + i) & (chInfo[ch] >>> MASK_SHIFT & 0xFF));
    }

    int headSlot(int ch) {
        return slotAt(ch, 0);
    }

    int payloadAt(int slot) {
        return slotPayload[slot];
    }

    int metaAt(int slot) {
        return slotMeta[slot] & 0xFF;
    }

    /**
     * Whether the head wavelet of link buffer {@code ch} is still on its way in cycle
     * {@code now}: it is the last one pushed and was pushed in the previous cycle's commit
     * (hops of 2 cycles; with 1-cycle hops nothing is ever on its way).
     */
    boolean headInFlight(int ch, int now) {
        return profile.hopCycles() > 1 && count(ch) == 1 && chLastPush[ch] == now - 1;
    }

    /** Appends a wavelet to channel {@code ch}, which belongs to PE {@code owner}. */
    void push(int owner, int ch, int payload, int meta, int cycle) {
        int info = chInfo[ch];
        int pushed = chPushed[ch];
        int s = chBase[ch] + (pushed & (info >>> MASK_SHIFT & 0xFF));
        slotPayload[s] = payload;
        slotMeta[s] = (byte) meta;
        chLastPush[ch] = cycle;
        chPushed[ch] = (short) (pushed + 1);
        if ((info & TRACKED) != 0) {
            srcBusy[owner * BUSY_WORDS + (info >>> PORT_SHIFT & 7)] |= 1L << (info >>> BIT_SHIFT);
        }
    }

    /** Removes the head wavelet of channel {@code ch}, which belongs to PE {@code owner}. */
    void pop(int owner, int ch) {
        short popped = (short) (chPopped[ch] + 1);
        chPopped[ch] = popped;
        if (popped == chPushed[ch]) {
            int info = chInfo[ch];
            if ((info & TRACKED) != 0) {
                srcBusy[owner * BUSY_WORDS + (info >>> PORT_SHIFT & 7)] &= ~(1L << (info >>> BIT_SHIFT));
            }
        }
    }

    /** Commit phase: the sender of channel {@code ch} may now see its pops. */
    void publishPops(int ch) {
        chSeenPopped[ch] = chPopped[ch];
    }

    /** The channel of input queue q at PE p, or -1. */
    int inQueue(int p, int q) {
        int base = qBase[p];
        return base < 0 ? -1 : qChan[base + q];
    }

    /** The channel of output queue q at PE p, or -1. */
    int outQueue(int p, int q) {
        int base = qBase[p];
        return base < 0 ? -1 : qChan[base + profile.inputQueues() + q];
    }

    /** Has a sleeping PE visited next cycle, so it sees what the host changed. Only between cycles. */
    void wakeIfSleeping(int p) {
        if ((sleeping[p >>> 6] & (1L << p)) != 0) {
            activate(this, p);
        }
    }

    /** Marks PE p as having work, so the next cycle visits it. Only between cycles. */
    static void activate(Fabric f, int p) {
        f.active[p >>> 6] |= 1L << p;
    }

    /** Whether any PE has work (sleeping PEs too) or was just sent a wavelet. */
    public boolean anyActive() {
        for (int w = 0; w < active.length; w++) {
            if ((active[w] | wake[w] | sleeping[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    boolean isActive(int p) {
        return (active[p >>> 6] & (1L << p)) != 0;
    }
}
