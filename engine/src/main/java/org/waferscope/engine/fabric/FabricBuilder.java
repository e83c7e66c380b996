package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.ir.PeProgram;

/**
 * Turns a {@link FabricLayout} into a {@link Fabric}: checks that the machine can run it
 * (sizes, SRAM, routes that lead somewhere), then allocates only what the layout uses:
 * SRAM for PEs with programs, a buffer for each color and port a route accepts, the queues
 * each program binds.
 */
public final class FabricBuilder {
    private static final int MAX_PROBLEMS = 50;
    /**
     * Fabrics of at least this many PEs make their largest arrays on other threads
     * ({@link OffThread}); below it a thread costs more than it saves.
     */
    static final int APART_FROM = 1 << 16;

    final ArchProfile profile;
    final int width;
    final int height;
    final PeProgram[] programs;
    ProgramTables[] tables;
    final int[] peProgram;
    byte[][] sram;
    int[] trBase;
    int trPoolSize;
    int[] mtBase;
    int[] mtCount;
    int mtPoolSize;
    /** The channel records ({@link ChannelRings#chan}) and their facts, made by {@link #layoutChannels}. */
    int[] chan;
    long[] chFacts;
    int[] qBase;
    int[] qChan;
    int[] rsStart;
    int[] rsColor;
    int[] rsConfig;
    int[] rsPos;
    /** Per route slot, 1 when its color starts in teardown mode. */
    byte[] rsTornAtStart;
    int[] rsInChan;
    int[] rsDest;
    /** Per route slot: the link directions (bits 0..3) on which its wavelets leave on the swapped color. */
    int[] rsSwap;
    /** Per color config: its {@link ColorConfig#pop()} mode. */
    int[] cfgPop;
    /** Per color config: every port any of its positions accepts from, and sends to. */
    private int[] cfgRxUnion;
    private int[] cfgTxUnion;
    int[] cfgRx;
    int[] cfgTx;
    int[] cfgPositions;
    boolean[] cfgRing;
    int[] cfgInitial;
    int[] cfgFilterMin;
    int[] cfgFilterMax;
    /** Per color config, its counter filter or null; null itself when no config has one. */
    CounterFilter[] cfgCounter;
    int[] srcStart;
    int[] srcChan;
    byte[] srcPort;
    int[] srcRs;
    /** Made on another thread from {@link #buildTables} on; taken by the fabric's constructors. */
    FreshState fresh;
    private OffThread<FreshState> freshTask;
    /** {@link #chan} and {@link #chFacts}, made on another thread once the router buffers are numbered. */
    private OffThread<ChannelRecords> channelTask;
    /** Whether big arrays are made on other threads. */
    final boolean apart;
    /** The fabric's {@link Fabric#srcWords}, made on another thread once the router sources are counted. */
    OffThread<long[]> srcWordsTask;

    final FabricLayout layout;
    private final List<String> problems = new ArrayList<>();
    /** Channels numbered so far: router buffers, then queues ({@link ChannelRecords}). */
    private int channels;

    private FabricBuilder(ArchProfile profile, FabricLayout layout, boolean apart) {
        this.profile = profile;
        this.apart = apart;
        this.layout = layout;
        this.width = layout.width();
        this.height = layout.height();
        this.programs = layout.programs().toArray(new PeProgram[0]);
        this.peProgram = new int[layout.peCount()];
        for (int p = 0; p < peProgram.length; p++) {
            peProgram[p] = layout.programOf(p);
        }
    }

    /**
     * CPU nanoseconds the builds' helper threads have used since the JVM started (the
     * loading thread's own CPU time leaves them out), for {@code PhaseClock}.
     */
    public static long helperCpuNanos() {
        return OffThread.CPU_NANOS.get();
    }

    /** Builds the fabric, or throws {@link FabricException} listing what is wrong. */
    public static Fabric build(ArchProfile profile, FabricLayout layout) {
        return build(profile, layout, layout.peCount() >= APART_FROM);
    }

    /** As {@link #build(ArchProfile, FabricLayout)}, making the largest arrays on other threads when {@code apart}. */
    static Fabric build(ArchProfile profile, FabricLayout layout, boolean apart) {
        FabricBuilder b = new FabricBuilder(profile, layout, apart);
        b.checkSizes();
        b.checkPrograms();
        b.fail();
        b.buildConfigs();
        b.buildTables();
        b.buildRoutes();
        EditedSlots.giveOwnConfigs(b);
        b.fail();
        b.buildQueuesAndSram();
        b.layoutChannels();
        RouterSources.build(b);
        b.fresh = b.freshTask.join();
        Fabric f = new Fabric(b);
        b.allocateSram(); // the fabric shares the array of arrays
        FabricReset.toInitialState(f);
        // the plans are a cache that no state, snapshot or hash reads: made beside what follows
        // the build (the host's copies, the explorer's first snapshot), waited for by the first step
        f.plansMaking = OffThread.start("fabric build: route plans", b.apart, () -> RoutePlans.build(f));
        return f;
    }

    private void problem(String s) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(s);
        } else if (problems.size() == MAX_PROBLEMS) {
            problems.add("... and more problems");
        }
    }

    private void fail() {
        if (!problems.isEmpty()) {
            throw new FabricException(problems);
        }
    }

    private void checkSizes() {
        if (width > profile.fabricWidth() || height > profile.fabricHeight()) {
            problem(String.format("the %dx%d rectangle does not fit the %s fabric of %dx%d PEs", width, height,
                    profile.name(), profile.fabricWidth(), profile.fabricHeight()));
        }
    }

    private void checkPrograms() {
        for (PeProgram p : programs) {
            for (String s : p.check(profile)) {
                problem(s);
            }
        }
    }

    /** Takes each channel's record (its ring of slots) and its facts from the helper that made them. */
    private void layoutChannels() {
        ChannelRecords records = channelTask.join();
        if (records.facts().length != channels) {
            throw new IllegalStateException("channel records made for " + records.facts().length + " channels, "
                    + channels + " numbered");
        }
        chan = records.chan();
        chFacts = records.facts();
    }

    private void buildTables() {
        tables = RampQueues.tables(profile, layout, programs, peProgram, cfgTxUnion, this::problem);
        int n = peProgram.length;
        ProgramTables[] t = tables;
        OffThread<PeStateArrays> early = layout.takeFabricState();
        freshTask = OffThread.start("fabric build: PE state", apart, () -> new FreshState(n, peProgram, t, apart, early));
    }

    private void buildConfigs() {
        int count = layout.configCount();
        cfgRx = new int[count * 4];
        cfgTx = new int[count * 4];
        cfgPositions = new int[count];
        cfgRing = new boolean[count];
        cfgInitial = new int[count];
        cfgFilterMin = new int[count];
        cfgPop = new int[count];
        cfgFilterMax = new int[count];
        cfgRxUnion = new int[count];
        cfgTxUnion = new int[count];
        for (int c = 0; c < count; c++) {
            ColorConfig cc = layout.config(c);
            cfgRxUnion[c] = cc.rxUnion();
            cfgTxUnion[c] = cc.txUnion();
            for (int k = 0; k < cc.positions().size(); k++) {
                cfgRx[c * 4 + k] = cc.positions().get(k).rx();
                cfgTx[c * 4 + k] = cc.positions().get(k).tx();
            }
            cfgPositions[c] = cc.positions().size();
            cfgRing[c] = cc.ringMode();
            cfgInitial[c] = cc.initialPosition();
            cfgFilterMin[c] = cc.filterMin();
            cfgPop[c] = cc.pop();
            cfgFilterMax[c] = cc.filterMax();
            if (cc.counter() != null) {
                cfgCounter = cfgCounter == null ? new CounterFilter[count] : cfgCounter;
                cfgCounter[c] = cc.counter();
                cfgFilterMin[c] = Router.COUNTER_FILTER;
            }
        }
    }

    /**
     * Route slots, their input channels and their links. Each pass over the wafer is a method
     * of its own: a cold load runs each once, and the JIT compiles a loop it finds hot (on
     * stack replacement) as the whole method it is in, so one method held three such compiles.
     */
    private void buildRoutes() {
        int n = peProgram.length;
        rsStart = new int[n + 1];
        int pairCount = countPairs();
        int slotsExpected = pairCount;
        OffThread<int[][]> slotArrays = OffThread.start("fabric build: route slots", apart, () -> slotArrays(slotsExpected));
        takeSlots(pairCount);
        int slotsCount = rsColor.length;
        int[][] slots = slotArrays.join();
        if (slotsCount != slotsExpected) {
            slots = slotArrays(slotsCount); // a color was refused above, and the build will fail
        }
        rsPos = slots[0];
        rsInChan = slots[1];
        rsDest = slots[2];
        rsSwap = slots[3];
        int[] buffersTo = numberBuffers();
        channelTask = OffThread.start("fabric build: channel records", apart,
                () -> ChannelRecords.make(profile, buffersTo, peProgram, tables));
        linkNeighbours();
    }

    private int countPairs() {
        int pairCount = 0;
        for (int p = 0; p < peProgram.length; p++) {
            pairCount += layout.colorsOf(p).length / 2;
        }
        return pairCount;
    }

    /** Each PE's (color, config) pairs in order of color, as route slots: {@link #rsStart}, {@link #rsColor}, {@link #rsConfig}. */
    private void takeSlots(int pairCount) {
        int n = peProgram.length;
        IntList color = new IntList(pairCount);
        IntList config = new IntList(pairCount);
        int[] scratch = new int[16];
        for (int p = 0; p < n; p++) {
            rsStart[p] = color.size();
            int[] row = layout.colorsOf(p);
            if (row.length > scratch.length) {
                scratch = new int[row.length];
            }
            int[] pairs = PePairs.inKeyOrder(row, scratch);
            int length = row.length;
            for (int i = 0; i < length; i += 2) {
                if (pairs[i] < 0 || pairs[i] >= profile.colors()) {
                    problem(at(p) + ": color " + pairs[i] + " is not routable (0.." + (profile.colors() - 1) + ")");
                    continue;
                }
                color.add(pairs[i]);
                config.add(pairs[i + 1]);
            }
        }
        rsStart[n] = color.size();
        rsColor = color.toArray();
        rsConfig = config.toArray();
    }

    /** Numbers the router's input buffers, slot by slot and port by port; per PE, the channels numbered up to its last. */
    private int[] numberBuffers() {
        int n = peProgram.length;
        int[] buffersTo = new int[n];
        for (int p = 0; p < n; p++) {
            for (int rs = rsStart[p]; rs < rsStart[p + 1]; rs++) {
                int rx = cfgRxUnion[rsConfig[rs]] | EditedSlots.sides(this, p, rsColor[rs]);
                for (Direction d : Direction.LINKS) {
                    if ((rx & d.bit()) != 0) {
                        rsInChan[rs * 4 + d.ordinal()] = channels++;
                    }
                }
            }
            buffersTo[p] = channels;
        }
        return buffersTo;
    }

    /** Per route slot, for {@code count} slots: position, input channels (-1), destinations (-1), swapped sides. */
    private static int[][] slotArrays(int count) {
        int[] inChan = new int[count * 4];
        int[] dest = new int[count * 4];
        Arrays.fill(inChan, -1);
        Arrays.fill(dest, -1);
        return new int[][] {new int[count], inChan, dest, new int[count]};
    }

    private void linkNeighbours() {
        for (int p = 0; p < peProgram.length; p++) {
            for (int rs = rsStart[p]; rs < rsStart[p + 1]; rs++) {
                linkNeighbours(p, rs);
            }
        }
    }

    private void linkNeighbours(int p, int rs) {
        ColorConfig cc = layout.config(rsConfig[rs]);
        int x = p % width;
        int y = p / width;
        int c = rsColor[rs];
        int tx = cfgTxUnion[rsConfig[rs]];
        int spare = EditedSlots.sides(this, p, c) & ~tx;
        for (Direction d : Direction.LINKS) {
            if (((tx | spare) & d.bit()) == 0) {
                continue;
            }
            int nx = x + d.dx;
            int ny = y + d.dy;
            if ((spare & d.bit()) != 0) {
                EditedSlots.linkSpare(this, p, rs, d, nx, ny, cc.colorToward(c, d.ordinal()));
                continue;
            }
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                problem(at(p) + ": color " + c + " is sent " + d + " off the edge of the " + width + "x" + height
                        + " rectangle");
                continue;
            }
            int q = ny * width + nx;
            int arrives = cc.colorToward(c, d.ordinal());
            if (arrives != c) {
                rsSwap[rs] |= 1 << d.ordinal();
            }
            int nrs = findSlot(q, arrives);
            int ch = nrs < 0 ? -1 : rsInChan[nrs * 4 + d.opposite().ordinal()];
            if (ch < 0) {
                problem(at(p) + ": color " + c + " is sent " + d + " but PE (" + nx + ", " + ny
                        + ") does not accept color " + arrives + " from " + d.opposite());
                continue;
            }
            rsDest[rs * 4 + d.ordinal()] = ch;
        }
        if ((tx & Direction.RAMP.bit()) != 0 && peProgram[p] < 0) {
            problem(at(p) + ": color " + c + " is sent to the RAMP of a PE that has no program");
        }
    }

    int findSlot(int p, int color) {
        for (int rs = rsStart[p]; rs < rsStart[p + 1]; rs++) {
            if (rsColor[rs] == color) {
                return rs;
            }
        }
        return -1;
    }

    private void buildQueuesAndSram() {
        int n = peProgram.length;
        int inQ = profile.inputQueues();
        int outQ = profile.outputQueues();
        qBase = new int[n];
        Arrays.fill(qBase, -1);
        sram = new byte[n][];
        mtBase = new int[n];
        mtCount = new int[n];
        Arrays.fill(mtBase, -1);
        trBase = new int[n];
        int placed = 0;
        for (int p = 0; p < n; p++) {
            if (peProgram[p] >= 0) {
                placed++;
            }
        }
        IntList q = new IntList(placed * (inQ + outQ));
        for (int p = 0; p < n; p++) {
            int pi = peProgram[p];
            if (pi < 0) {
                continue;
            }
            ProgramTables t = tables[pi];
            qBase[p] = q.size();
            for (int i = 0; i < inQ; i++) {
                q.add(t.inputQueueUsed(i) ? channels++ : -1);
            }
            for (int i = 0; i < outQ; i++) {
                q.add(t.outputQueueUsed[i] ? channels++ : -1);
            }
            trBase[p] = trPoolSize;
            trPoolSize += t.program.tasks().size() + 1;
            if (t.microthreads > 0) {
                mtBase[p] = mtPoolSize;
                mtCount[p] = t.microthreads;
                mtPoolSize = Math.addExact(mtPoolSize, t.microthreads * Microthreads.WORDS);
            }
        }
        qChan = q.toArray();
    }

    /**
     * Gives each PE with a program its SRAM, last of the build's allocations: these are the
     * only small objects the build makes (one a PE), and a young collection copies whatever
     * small objects are live in it. The large arrays' allocations start collections (G1
     * collects the young generation when a humongous allocation crosses its occupancy
     * threshold), so SRAM made before them was copied two or three times during the build
     * (at full wafer 96 MB in 754,000 arrays, about a second of the collector's threads).
     */
    private void allocateSram() {
        int half = peProgram.length / 2;
        OffThread<Void> upper = OffThread.start("fabric build: SRAM", apart, () -> allocateSram(half, peProgram.length));
        allocateSram(0, half);
        upper.join();
    }

    /** SRAM for PEs {@code from} (inclusive) to {@code to}, each holding its program's image, then zeros. */
    private Void allocateSram(int from, int to) {
        for (int p = from; p < to; p++) {
            int pi = peProgram[p];
            if (pi >= 0) {
                sram[p] = Arrays.copyOf(programs[pi].dataImage(), tables[pi].sramBytes);
            }
        }
        return null;
    }

    private String at(int p) {
        return "PE (" + (p % width) + ", " + (p / width) + ")";
    }
}
