package org.waferscope.engine.fabric;

import java.util.List;
import org.waferscope.engine.arch.Direction;
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
 * (the pushes of its inputs, the published pops of its neighbours' inputs). In the
 * commit phase it publishes the pops of its own inputs and pushes the
 * wavelets it sent into its neighbours' inputs, which only it ever pushes to. So the result
 * of a cycle does not depend on how PEs are split among threads.
 *
 * <p>The wavelet buffers (channels) and the ring operations on them are declared in
 * {@link ChannelRings}; this class adds the compute engine, router, host stream, metric
 * and activity state.
 */
public final class Fabric extends CoreRecords {
    public final int width;
    public final int height;
    public final int n;

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
    /**
     * The decoded ops of all programs ({@link DecodedOps#share}): the CE's dispatch reads them
     * from here, one load from the program index to its base, not through its tables.
     */
    final int[] decodedAt;
    final int[] decodedPool;
    final int[] decodedBase;
    /** Each program's code ({@link ProgramTables#code}), for the interpreter's fetch. */
    final int[][] code;
    /** SRAM per PE (data and stack), null for an empty PE. */
    final byte[][] sram;
    /**
     * Bit per PE: its state may differ from {@link #base}'s. The compute phase marks the PEs
     * it visits, a word at a time by the thread that visits the word, and the host each PE
     * whose memory it writes. A snapshot then reads only the pieces of the marked PEs (and,
     * for the buffers their commit pushes into, of their neighbours: {@link PieceOwners}).
     */
    final long[] touched;
    /** The snapshot the live state equals wherever {@link #touched} marks nothing, or null. */
    FabricSnapshot base;
    /** Which PEs each snapshot piece of the large arrays holds; built at the first snapshot. */
    PieceOwners pieceOwners;
    /** The slabs its snapshots keep their pieces in ({@link PieceSlabs}); made at the first snapshot. */
    PieceSlabs slabs;

    // ---- compute engine (what every busy cycle uses is in the records of {@link CoreRecords}) ----
    final long[] activated;
    final long[] blocked;
    /** 16-bit data of the last control wavelet that activated a control task. */
    final int[] controlData;
    /** Function index a host launch will run, -1 when none is pending. */
    final int[] launchFn;
    /** The host launch's arguments, {@link #MAX_LAUNCH_ARGS} slots per PE. */
    final int[] launchArgs;
    /**
     * 1 once the PE has called unblock_cmd_stream since the last launch. Not in the record:
     * the host counts these after every step, and a byte per PE is a short sweep.
     */
    final byte[] released;
    /** A machine fault, or null. */
    final String[] fault;
    /** Per PE, where its per-task run counts start in {@link #taskRuns}. */
    final int[] trBase;
    final int[] taskRuns;

    // ---- microthreads (pooled; only PEs whose program has async ops own records) ----
    final int[] mtBase;
    final int[] mtCount;
    final int[] mtPool;


    // ---- router ----
    final int[] rsStart;
    final int[] rsColor;
    final int[] rsConfig;
    final int[] rsPos;
    /** Per route slot, 1 while its color is in teardown mode ({@link RouteEdits}). */
    final byte[] rsTorn;
    /** The route tables as loaded, which {@code <tile_config>} edits change. */
    final RouteEdits routeEdits;
    /** Per route slot and link port (N, S, E, W): the input channel, or -1. */
    final int[] rsInChan;
    /** Per route slot: where its links start in {@link #linkFacts}, and its link directions ({@link RouteLinks}). */
    final int[] rsLinks;
    /** The neighbours' input buffers the route slots' links feed, as their facts words, with color swap ({@link RouteLinks}). */
    final long[] linkFacts;
    /** Per color config: whether its router pops control commands ({@link ColorConfig#pop()}). */
    final int[] cfgPop;
    final int[] cfgRx;
    final int[] cfgTx;
    final int[] cfgPositions;
    final boolean[] cfgRing;
    final int[] cfgInitial;
    final int[] cfgFilterMin;
    final int[] cfgFilterMax;
    /** Per color config, its counter filter ({@link CounterFilter}); null when no config has one. */
    final CounterFilter[] cfgCounter;
    /** Per route slot, its counter filter's counter; null when no config has a counter filter. */
    final int[] rsCounter;
    /** Wavelets sent off the rectangle's edge, per route slot that can; null when none can. */
    final EdgeLeaks leaks;
    /** Per PE, the router's sources: its input channels, then the CE's output queues. */
    final int[] srcStart;
    final int[] srcChan;
    final byte[] srcPort;
    /**
     * Two words per source, at {@code 2 si} and {@code 2 si + 1}. First, read-only: its
     * channel's {@link #chFacts} word with the source's port in the info's port bits (set for
     * every source, tracked or not). A router visit and a commit's published pops reach the
     * channel's record from here in one load, where {@link #srcChan}, {@link #srcPort} and the
     * channel's facts were three lines of three arrays. Second, beside it on the same line,
     * its route word ({@link RouterSources#route}): the route slot and color config an input
     * buffer's wavelets take; for a CE output queue, whose wavelets may be of any color, those
     * of the color its last wavelet had, which its next one mostly has too.
     */
    final long[] srcWords;
    /**
     * Per entry of {@link #qChan}, read-only: the queue's {@link #chFacts} word, or 0 where
     * the PE does not use the queue (a real channel's facts are never 0: its capacity is at
     * least 1). The CE's decoded sends and receives and the router's deliveries reach a
     * queue's record from here in one load, where {@link #qChan} and the channel's facts
     * were two lines of two arrays.
     */
    final long[] qFacts;

    // ---- host streams (per PE; null where no stream is set up) ----
    final int[][] hostIn;
    final int[] hostInPos;
    final int[] hostInColor;
    final int[][] hostOut;
    final int[] hostOutCount;
    final int[] hostOutColor;
    /**
     * The memcpy path from each PE towards the host: wavelets of a host color that left the
     * CE before a stream-out collects them, {@link #HOST_PATH_DEPTH} per PE, all of one color.
     */
    final int[] hostPath;
    final int[] hostPathCount;
    final int[] hostPathColor;
    /**
     * What the memcpy path holds per PE. The SDK documents that its pipeline-01 tutorial
     * (a stream in, an async op, a stream out, serialized) stalls once more than 14 wavelets
     * are streamed on WSE-2: input queue 2 (4) and output queue 3 (6) hold 10, the path the rest.
     */
    public static final int HOST_PATH_DEPTH = 4;

    // ---- metrics (cumulative since load; the CE's cycle and wavelet counts are in {@link CoreRecords}) ----
    /** Per PE and link direction (N, S, E, W): cycles a wavelet waited for that link or the room behind it. */
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
     * counts as active for stop decisions and deadlock reports. Its stall cycles are credited
     * when it wakes and read meanwhile through the counters' accessors ({@link SleepCredit});
     * a dozer's by {@link FabricCycle#settle} at the end of every step too.
     */
    final long[] sleeping;
    /** Per PE, the last cycle a sleeper has been credited for ({@link SleepCredit#DOZING} on a dozer); 0 awake. */
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

    /**
     * The stepper (its doze wheels) whose last step left this fabric as it is, so that its
     * next step need not walk the sleeping PEs again ({@link FabricCycle#keep}); null when
     * anything else has changed the fabric since (a restored snapshot). Derived, never
     * hashed or copied.
     */
    Object keptFor;

    long cycle;

    Fabric(FabricBuilder b) {
        super(b);
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
        decodedAt = tables.length == 0 ? new int[0] : tables[0].decodedAt;
        decodedPool = tables.length == 0 ? new int[0] : tables[0].decodedPool;
        decodedBase = new int[tables.length];
        code = new int[tables.length][];
        for (int i = 0; i < tables.length; i++) {
            decodedBase[i] = tables[i].decodedBase;
            code[i] = tables[i].code;
        }
        sram = b.sram;
        touched = new long[(n + 63) >>> 6];
        FreshState fresh = b.fresh;
        activated = fresh.pe.activated;
        blocked = fresh.pe.blocked;
        controlData = fresh.pe.controlData;
        launchFn = fresh.pe.launchFn;
        launchArgs = fresh.pe.launchArgs;
        released = fresh.pe.released;
        fault = fresh.pe.fault;
        trBase = b.trBase;
        taskRuns = fresh.taskRuns;
        mtBase = b.mtBase;
        mtCount = b.mtCount;
        mtPool = fresh.mtPool;
        if (taskRuns.length != b.trPoolSize || mtPool.length != b.mtPoolSize) {
            throw new IllegalStateException("task and microthread pools made for " + taskRuns.length + " and "
                    + mtPool.length + " words, laid out for " + b.trPoolSize + " and " + b.mtPoolSize);
        }
        rsStart = b.rsStart;
        rsColor = b.rsColor;
        rsConfig = b.rsConfig;
        rsPos = b.rsPos;
        rsTorn = new byte[rsPos.length];
        rsInChan = b.rsInChan;
        cfgPop = b.cfgPop;
        cfgRx = b.cfgRx;
        cfgTx = b.cfgTx;
        cfgPositions = b.cfgPositions;
        cfgRing = b.cfgRing;
        cfgInitial = b.cfgInitial;
        cfgFilterMin = b.cfgFilterMin;
        cfgFilterMax = b.cfgFilterMax;
        cfgCounter = b.cfgCounter;
        rsCounter = cfgCounter == null ? null : new int[rsPos.length];
        CounterFilters.reset(this);
        routeEdits = new RouteEdits(cfgRx, cfgTx, cfgPositions, b.rsTornAtStart);
        srcStart = b.srcStart;
        srcChan = b.srcChan;
        srcPort = b.srcPort;
        boolean hops = profile.hopCycles() > 1;
        for (int p = 0; p < n; p++) {
            int s0 = srcStart[p];
            int ns = srcStart[p + 1] - s0;
            for (int i = 0; ns <= 64 && i < ns; i++) {
                int port = srcPort[s0 + i];
                int arrives = hops && ns <= ARRIVING_SOURCES && port != Direction.RAMP.ordinal() ? ARRIVES : 0;
                chFacts[srcChan[s0 + i]] |= (long) (TRACKED | arrives | port << PORT_SHIFT | i << BIT_SHIFT) << 32;
            }
        }
        leaks = EdgeLeaks.of(this, b.layout);
        srcWords = b.srcWordsTask.join();
        if (srcWords.length != srcChan.length * 2) {
            throw new IllegalStateException("source words made for " + srcWords.length / 2 + " sources, "
                    + srcChan.length + " counted");
        }
        for (int si = 0; si < srcChan.length; si++) {
            srcWords[2 * si] = chFacts[srcChan[si]] | (long) (srcPort[si] << PORT_SHIFT) << 32;
            int rs = b.srcRs[si];
            srcWords[2 * si + 1] = rs < 0 ? RouterSources.NO_ROUTE : EdgeLeaks.mark(this, rs,
                    RouterSources.route(rs, rsConfig[rs], rsColor[rs]));
        }
        rsLinks = new int[rsPos.length];
        linkFacts = RouteLinks.build(b.rsDest, b.rsSwap, chFacts, rsLinks);
        qFacts = new long[qChan.length];
        for (int i = 0; i < qChan.length; i++) {
            qFacts[i] = qChan[i] < 0 ? 0 : chFacts[qChan[i]];
        }
        hostIn = fresh.pe.hostIn;
        hostInPos = fresh.pe.hostInPos;
        hostInColor = fresh.pe.hostInColor;
        hostOut = fresh.pe.hostOut;
        hostOutCount = fresh.pe.hostOutCount;
        hostOutColor = fresh.pe.hostOutColor;
        hostPath = fresh.pe.hostPath;
        hostPathCount = fresh.pe.hostPathCount;
        hostPathColor = fresh.pe.hostPathColor;
        linkBlocked = fresh.pe.linkBlocked;
        active = new long[(n + 63) >>> 6];
        wake = new long[(n + 63) >>> 6];
        sleeping = new long[(n + 63) >>> 6];
        sleepFrom = fresh.pe.sleepFrom;
        busyWords = new long[(active.length + 63) >>> 6];
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
     * Every array that changes as the fabric runs, in a fixed order: what snapshots copy.
     * Queue bindings and programs never change; route tables do only where a program edits
     * its routes ({@link RouteEdits}).
     */
    List<Object> mutableState() {
        return state(false);
    }

    /**
     * What the state hash covers: {@link #mutableState()} with the channel and router records
     * as the plain arrays they stand for, in the order the fabric kept them before it packed
     * them, so that a change of layout changes no hash.
     */
    List<Object> hashedState() {
        return state(true);
    }

    private List<Object> state(boolean logical) {
        List<Object> s = new java.util.ArrayList<>();
        s.add(sram);
        if (logical) {
            s.addAll(List.of(CoreHash.ints(this, this::pc), CoreHash.ints(this, this::fp),
                    CoreHash.bytes(this, this::task), CoreHash.bytes(this, this::lastPicked)));
        } else {
            s.add(core);
        }
        s.addAll(List.of(activated, blocked));
        if (logical) {
            s.addAll(List.of(CoreHash.ints(this, this::busy), CoreHash.ints(this, this::opDone),
                    CoreHash.bytes(this, this::activity)));
        }
        s.addAll(List.of(controlData, launchFn, launchArgs, released, fault));
        if (logical) {
            s.add(CoreHash.ints(this, this::tasksRun));
        }
        s.addAll(List.of(taskRuns, mtPool));
        if (logical) {
            s.addAll(ChannelHash.channels(this));
            s.addAll(List.of(rsPos, rsTorn, cfgRx, cfgTx, cfgPositions));
            CounterFilters.addState(this, s);
            s.addAll(ChannelHash.routers(this));
        } else {
            s.addAll(List.of(chan, rsPos, rsTorn, cfgRx, cfgTx, cfgPositions, router));
            CounterFilters.addState(this, s);
            EdgeLeaks.addState(this, s);
        }
        s.addAll(List.of(hostIn, hostInPos, hostInColor, hostOut, hostOutCount, hostOutColor, hostPath, hostPathCount,
                hostPathColor));
        if (logical) {
            s.addAll(List.of(CoreHash.longs(this, this::cntCompute), CoreHash.longs(this, this::cntFabric),
                    CoreHash.longs(this, this::cntStallIn), CoreHash.longs(this, this::cntStallOut),
                    CoreHash.ints(this, this::cntSent), CoreHash.ints(this, this::cntReceived)));
            s.add(ChannelHash.hops(this));
        }
        s.addAll(List.of(linkBlocked, active, wake, sleeping));
        s.add(logical ? CoreHash.longs(this, p -> SleepCredit.settledFrom(this, p)) : sleepFrom);
        return s;
    }

    @Override
    long owedStall(int p, int which) {
        return SleepCredit.owed(this, p, which);
    }

    // ---- the router record of each PE ({@link RouterWords}), read as plain values ----

    /** Round-robin position among PE p's sources: the next one its router serves first. */
    int rr(int p) {
        return (int) router[RouterWords.at(p) + RouterWords.RR];   // the low half; the high one is PARKED
    }

    /** PE p's sources fed from port k that hold wavelets (bits from {@code srcStart[p]}), those arriving ({@link #ARRIVES}) too. */
    long srcBusy(int p, int k) {
        long w = router[RouterWords.at(p) + RouterWords.BUSY + k];
        return srcStart[p + 1] - srcStart[p] <= ARRIVING_SOURCES ? (w | w >>> 32) & 0xFFFFFFFFL : w;
    }

    /** The link buffers PE p's router popped in this cycle's compute phase; 0 between cycles. */
    long srcPopped(int p) {
        return router[RouterWords.at(p) + RouterWords.POPPED];
    }

    /** The neighbour's input channel of the wavelet PE p parked for link direction d, or -1. */
    int pendDest(int p, int d) {
        int record = RouterWords.half(router[RouterWords.at(p) + RouterWords.DEST + (d >>> 1)], d & 1) - 1;
        return record < 0 ? -1 : channelAt(record);
    }

    /** Link facts of direction d of route slot rs (the neighbour's input buffer, {@link RouteLinks}); 0 when none. */
    long link(int rs, int d) {
        return RouteLinks.of(linkFacts, rsLinks[rs], d);
    }

    int pendPayload(int p, int d) {
        return (int) router[RouterWords.at(p) + RouterWords.PEND + d];
    }

    int pendMeta(int p, int d) {
        return (int) (router[RouterWords.at(p) + RouterWords.PEND + d] >>> 32) & 0xFF;
    }

    /** Wavelets PE p has sent on link direction d (N, S, E, W) since load, modulo 2^32. */
    int linkHops(int p, int d) {
        return RouterWords.half(router[RouterWords.at(p) + RouterWords.HOPS + (d >>> 1)], d & 1);
    }


    /** The live state now equals {@code s} everywhere: nothing is marked touched. */
    void follow(FabricSnapshot s) {
        base = s;
        java.util.Arrays.fill(touched, 0);
    }

    /** Marks PE p's state as changed since {@link #base} (the host wrote it). Only between cycles. */
    void touch(int p) {
        touched[p >>> 6] |= 1L << p;
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
