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
    /** The four link ports' bits in a route's port mask (RAMP excluded). */
    private static final int LINK_BITS = linkBits();
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
    int[] srcStart;
    int[] srcChan;
    byte[] srcPort;
    int[] srcRs;
    /** Made on another thread from {@link #buildTables} on; taken by the fabric's constructors. */
    FreshState fresh;
    private OffThread<FreshState> freshTask;
    /** {@link #chan}, made on another thread once the channels are counted; null until then. */
    private OffThread<int[]> chanTask;
    /** Whether big arrays are made on other threads. */
    private final boolean apart;

    final FabricLayout layout;
    private final List<String> problems = new ArrayList<>();
    private final IntList chCapL = new IntList();

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

    private static int linkBits() {
        int bits = 0;
        for (Direction d : Direction.LINKS) {
            bits |= d.bit();
        }
        return bits;
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

    /**
     * A channel of depth {@code cap}, numbered in order of creation. Its ring will have the
     * next power of two slots, so that the 16-bit push and pop counters map to slots by a
     * mask, seamlessly when they wrap.
     */
    private int channel(int cap) {
        if (cap < 1 || cap > 0xFF) {
            throw new IllegalArgumentException("channel depth " + cap + " is outside 1..255");
        }
        chCapL.add(cap);
        return chCapL.size() - 1;
    }

    /** Gives each channel its record (its ring of slots) and its facts (where the record is, capacity and ring mask). */
    private void layoutChannels() {
        int[] caps = chCapL.toArray();
        chFacts = new long[caps.length];
        long words = 0;
        for (int ch = 0; ch < caps.length; ch++) {
            int ring = ChannelRings.ringSize(caps[ch]);
            chFacts[ch] = words | (long) (caps[ch] | (ring - 1) << ChannelRings.MASK_SHIFT) << 32;
            words += ChannelRings.recordSize(ring);
            if (words > Integer.MAX_VALUE - 8) {
                throw new FabricException(List.of("the layout's wavelet buffers need more than 2^31 words"));
            }
        }
        if (chanTask == null) {
            chan = new int[(int) words];
            return;
        }
        chan = chanTask.join();
        if (chan.length != words) {
            throw new IllegalStateException("channel records counted " + chan.length + " words, laid out " + words);
        }
    }

    /**
     * Starts making {@link #chan} on another thread once the router's buffers are made: its
     * size follows from them and from the queues the placed programs bind, whose depths the
     * profile fixes. {@link #layoutChannels} checks that it counts the same.
     */
    private void startChannelRecords() {
        // so far only router buffers, all of one depth
        long words = (long) chCapL.size() * ChannelRings.recordSize(ChannelRings.ringSize(profile.routerBufferDepth()));
        long[] perProgram = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            perProgram[i] = tables[i].queueWords(profile);
        }
        for (int pi : peProgram) {
            if (pi >= 0) {
                words += perProgram[pi];
            }
        }
        if (words <= Integer.MAX_VALUE - 8) {
            int size = (int) words;
            chanTask = OffThread.start("fabric build: channel records", apart, () -> new int[size]);
        }
    }

    private void buildTables() {
        tables = RampQueues.tables(profile, layout, programs, peProgram, cfgTxUnion, this::problem);
        boolean[] hasMicrothreads = new boolean[tables.length];
        for (int i = 0; i < tables.length; i++) {
            hasMicrothreads[i] = tables[i].microthreads > 0;
        }
        int n = peProgram.length;
        freshTask = OffThread.start("fabric build: PE state", apart, () -> new FreshState(n, peProgram,
                hasMicrothreads));
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
        }
    }

    private void buildRoutes() {
        int n = peProgram.length;
        rsStart = new int[n + 1];
        int pairCount = 0;
        for (int p = 0; p < n; p++) {
            pairCount += layout.colorsOf(p).length / 2;
        }
        int slotsExpected = pairCount;
        OffThread<int[][]> slotArrays = OffThread.start("fabric build: route slots", apart, () -> slotArrays(slotsExpected));
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
        int slotsCount = rsColor.length;
        int[][] slots = slotArrays.join();
        if (slotsCount != slotsExpected) {
            slots = slotArrays(slotsCount); // a color was refused above, and the build will fail
        }
        rsPos = slots[0];
        rsInChan = slots[1];
        rsDest = slots[2];
        rsSwap = slots[3];
        int links = 0;
        for (int rs = 0; rs < slotsCount; rs++) {
            links += Integer.bitCount(cfgRxUnion[rsConfig[rs]] & LINK_BITS);
        }
        chCapL.reserve(links + queueChannels());
        for (int p = 0; p < n; p++) {
            for (int rs = rsStart[p]; rs < rsStart[p + 1]; rs++) {
                int rx = cfgRxUnion[rsConfig[rs]] | EditedSlots.sides(this, p, rsColor[rs]);
                for (Direction d : Direction.LINKS) {
                    if ((rx & d.bit()) != 0) {
                        rsInChan[rs * 4 + d.ordinal()] = channel(profile.routerBufferDepth());
                    }
                }
            }
        }
        startChannelRecords();
        for (int p = 0; p < n; p++) {
            for (int rs = rsStart[p]; rs < rsStart[p + 1]; rs++) {
                linkNeighbours(p, rs);
            }
        }
    }

    /** Per route slot, for {@code count} slots: position, input channels (-1), destinations (-1), swapped sides. */
    private static int[][] slotArrays(int count) {
        int[] inChan = new int[count * 4];
        int[] dest = new int[count * 4];
        Arrays.fill(inChan, -1);
        Arrays.fill(dest, -1);
        return new int[][] {new int[count], inChan, dest, new int[count]};
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
        chCapL.reserve(queueChannels());
        for (int p = 0; p < n; p++) {
            int pi = peProgram[p];
            if (pi < 0) {
                continue;
            }
            ProgramTables t = tables[pi];
            qBase[p] = q.size();
            for (int i = 0; i < inQ; i++) {
                q.add(t.inputQueueUsed(i) ? channel(profile.inputQueueDepths().get(i)) : -1);
            }
            for (int i = 0; i < outQ; i++) {
                q.add(t.outputQueueUsed[i] ? channel(profile.outputQueueDepths().get(i)) : -1);
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

    /** SRAM for PEs {@code from} (inclusive) to {@code to}, holding their programs' images as {@link FabricReset} writes them. */
    private Void allocateSram(int from, int to) {
        for (int p = from; p < to; p++) {
            int pi = peProgram[p];
            if (pi >= 0) {
                sram[p] = Arrays.copyOf(programs[pi].dataImage(), tables[pi].sramBytes);
            }
        }
        return null;
    }

    /** How many queue channels the placed programs bind, so that the channel list is sized once. */
    private int queueChannels() {
        int[] perProgram = new int[tables.length];
        for (int i = 0; i < tables.length; i++) {
            perProgram[i] = tables[i].queueChannels(profile.inputQueues(), profile.outputQueues());
        }
        int channels = 0;
        for (int pi : peProgram) {
            if (pi >= 0) {
                channels += perProgram[pi];
            }
        }
        return channels;
    }

    private String at(int p) {
        return "PE (" + (p % width) + ", " + (p / width) + ")";
    }
}
