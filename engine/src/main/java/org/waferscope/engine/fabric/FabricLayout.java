package org.waferscope.engine.fabric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.ir.PeProgram;

/**
 * What a layout block evaluates to: the kernel's rectangle, which program each PE runs,
 * and each PE's color routes. Compact enough for a full wafer: programs and route configs
 * are interned, and each PE holds only indexes.
 */
public final class FabricLayout {
    private static final int[] NO_PAIRS = new int[0];

    private final int width;
    private final int height;
    private final List<PeProgram> programs = new ArrayList<>();
    private final Map<PeProgram, Integer> programIndex = new IdentityHashMap<>();
    /** The program {@link #setTileCode} placed last, and its index. */
    private PeProgram lastProgram;
    private int lastIndex = -1;
    private final int[] peProgram;
    private final List<ColorConfig> configs = new ArrayList<>();
    private final Map<ColorConfig, Integer> configIndex = new HashMap<>();
    /** Callers hand the same config instance to many PEs: found by identity, it needs no hashing. */
    private final Map<ColorConfig, Integer> configByInstance = new java.util.IdentityHashMap<>();
    private final ColorConfig[] recent = new ColorConfig[8];
    private final int[] recentIndex = new int[8];
    private int nextRecent;
    /** Per PE: pairs (color, config index). */
    private final PePairs peColors;
    /**
     * Routes whose tx ports out of the rectangle were dropped (the SDK allows them): key
     * {@code pe << 8 | color}, per switch position the directions that led off the edge.
     */
    private final Map<Long, int[]> offEdge = new HashMap<>();

    public FabricLayout(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a fabric needs at least one PE, not " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        long n = (long) width * height;
        if (n > 20_000_000L) {
            throw new IllegalArgumentException("fabric " + width + "x" + height + " is too large");
        }
        this.peProgram = new int[(int) n];
        java.util.Arrays.fill(peProgram, -1);
        this.peColors = new PePairs((int) n);
    }

    /** The per-PE arrays of this layout's first fabric, begun early ({@link #beginFabricState}); null if not. */
    private final java.util.concurrent.atomic.AtomicReference<OffThread<PeStateArrays>> early =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Begins, on another thread, the per-PE arrays that this layout's fabric will need
     * whatever its routes and programs ({@link PeStateArrays}): a layout evaluator calls this
     * as soon as the rectangle is set, so that at full wafer that fresh memory is touched on
     * the second core while the layout block runs. Below {@link FabricBuilder#APART_FROM} PEs
     * it does nothing. The first build takes the arrays; if none ever does, they are dropped.
     */
    public void beginFabricState() {
        if (peProgram.length >= FabricBuilder.APART_FROM && early.get() == null) {
            int n = peProgram.length;
            early.compareAndSet(null, OffThread.start("fabric build: early PE state", true, () -> new PeStateArrays(n)));
        }
    }

    /** The arrays {@link #beginFabricState} began, once (a second build makes its own); null if none. */
    OffThread<PeStateArrays> takeFabricState() {
        return early.getAndSet(null);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int peCount() {
        return width * height;
    }

    private int pe(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            throw new IndexOutOfBoundsException("PE (" + x + ", " + y + ") is outside the " + width + "x" + height + " rectangle");
        }
        return y * width + x;
    }

    /** Puts {@code program} on PE (x, y), replacing what was there. */
    public void setTileCode(int x, int y, PeProgram program) {
        // a load places the programs PE by PE, mostly the same one as the PE before
        if (program != lastProgram || lastIndex < 0) {
            lastIndex = programIndex.computeIfAbsent(program, p -> {
                programs.add(p);
                return programs.size() - 1;
            });
            lastProgram = program;
        }
        peProgram[pe(x, y)] = lastIndex;
    }

    /**
     * Notes that the route of {@code color} at PE (x, y) led off the rectangle: per switch
     * position, the directions dropped from it. Wavelets sent that way leave the program; the
     * engine counts them for its deadlock report.
     */
    public void setOffEdge(int x, int y, int color, int[] perPosition) {
        offEdge.put((long) pe(x, y) << 8 | color, perPosition.clone());
    }

    /** Per PE and color with a route trimmed at the edge ({@code pe << 8 | color}): the directions dropped, per position. */
    Map<Long, int[]> offEdge() {
        return offEdge;
    }

    /**
     * Routes {@code color} at PE (x, y) by {@code config}, replacing an earlier route; returns
     * the config's index ({@link #config(int)}).
     */
    public int setColorConfig(int x, int y, int color, ColorConfig config) {
        // the last few configs set, by identity: a layout loop sets the same handful at every PE
        for (int i = 0; i < recent.length; i++) {
            if (recent[i] == config) {
                peColors.put(pe(x, y), color, recentIndex[i]);
                return recentIndex[i];
            }
        }
        Integer known = configByInstance.get(config);
        int idx = known != null ? known : configIndex.computeIfAbsent(config, c -> {
            configs.add(c);
            return configs.size() - 1;
        });
        if (known == null && configByInstance.size() < 100_000) {
            configByInstance.put(config, idx);
        }
        recent[nextRecent] = config;
        recentIndex[nextRecent] = idx;
        nextRecent = (nextRecent + 1) % recent.length;
        peColors.put(pe(x, y), color, idx);
        return idx;
    }

    /** Routes {@code color} at PE (x, y) by the config of index {@code index} ({@link #config(int)}). */
    public void setColorConfig(int x, int y, int color, int index) {
        if (index < 0 || index >= configs.size()) {
            throw new IllegalArgumentException("no route config " + index + " among " + configs.size());
        }
        peColors.put(pe(x, y), color, index);
    }

    public List<PeProgram> programs() {
        return List.copyOf(programs);
    }

    /** The program index of PE i (row-major), or -1 for an empty PE. */
    public int programOf(int pe) {
        return peProgram[pe];
    }

    public PeProgram program(int index) {
        return programs.get(index);
    }

    public int configCount() {
        return configs.size();
    }

    public ColorConfig config(int index) {
        return configs.get(index);
    }

    /** Pairs (color, config index) routed at PE i (row-major); empty if none. Read-only: PEs may share it. */
    public int[] colorsOf(int pe) {
        int[] pairs = peColors.row(pe);
        return pairs == null ? NO_PAIRS : pairs;
    }

    /** The index of the route config of {@code color} at PE i ({@link #config(int)}), or -1. */
    public int configIndexAt(int pe, int color) {
        return peColors.value(pe, color, -1);
    }

    /** The route config of {@code color} at PE i, or null. */
    public ColorConfig configAt(int pe, int color) {
        int k = peColors.value(pe, color, -1);
        return k < 0 ? null : configs.get(k);
    }
}
