package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * The {@code <collectives_2d>} library: each program of {@code resources/.../collectives}
 * runs one collective along every row and every column at once, first with the root inside
 * the row or column (rx, ry), then at an end, and its results are compared with a plain Java
 * reference. On the programs' own 5 x 4 grid (n = 3, rx = 2, ry = 1) on WSE-2, and on a
 * 2 x 3 grid (n = 4, rx = 0, ry = 2) on WSE-3.
 */
class CollectivesRunTest {
    /** A grid to run on: the layout's params and the architecture. */
    record Grid(int w, int h, int n, int rx, int ry, String arch) {
        @Override
        public String toString() {
            return w + "x" + h + " " + arch;
        }
    }

    static java.util.stream.Stream<Grid> grids() {
        return java.util.stream.Stream.of(new Grid(5, 4, 3, 2, 1, "wse2"), new Grid(2, 3, 4, 0, 2, "wse3"));
    }

    private int W;
    private int H;
    private int N;
    private int RX;
    private int RY;
    private String arch = "wse2";

    private void use(Grid g) {
        W = g.w();
        H = g.h();
        N = g.n();
        RX = g.rx();
        RY = g.ry();
        arch = g.arch();
    }

    static Path folder(String name) {
        return Path.of("src", "test", "resources", "org", "waferscope", "engine", "collectives", name);
    }

    RunResult run(String name, int threads) throws Exception {
        Map<String, String> params = Map.of("W", "" + W, "H", "" + H, "n", "" + N, "rx", "" + RX, "ry", "" + RY);
        WaferProgram p = ProgramLoader.load(folder(name), ProgramLoader.LoadOptions.DEFAULTS
                .withArch(org.waferscope.engine.arch.ArchProfile.byName(arch)).withParams(params));
        try (Wafer w = Wafer.load(p, threads)) {
            RunResult r = w.runToCompletion(200_000);
            assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
            return r;
        }
    }

    private static double[] values(RunResult r, String array) {
        HostArray a = r.arrays().get(array);
        return a.values();
    }

    /** Element k of PE (x, y) in a row-major copy of {@code perPe} elements each. */
    private int at(int x, int y, int perPe, int k) {
        return (y * W + x) * perPe + k;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("grids")
    void broadcastGivesEveryPeItsRootsVector(Grid g) throws Exception {
        use(g);
        RunResult r = run("broadcast", 1);
        double[] a = values(r, "a_in");
        double[] b = values(r, "b_in");
        double[] c = values(r, "c_in");
        double[] d = values(r, "d_in");
        double[][] expected = new double[4][W * H * N];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int k = 0; k < N; k++) {
                    expected[0][at(x, y, N, k)] = a[at(RX, y, N, k)];
                    expected[1][at(x, y, N, k)] = b[at(W - 1, y, N, k)];
                    expected[2][at(x, y, N, k)] = c[at(x, RY, N, k)];
                    expected[3][at(x, y, N, k)] = d[at(x, H - 1, N, k)];
                }
            }
        }
        String[] out = {"a_out", "b_out", "c_out", "d_out"};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], values(r, out[i]), out[i]);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("grids")
    void scatterGivesEachPeItsChunk(Grid g) throws Exception {
        use(g);
        RunResult r = run("scatter", 1);
        double[] rows = values(r, "row_data_in");
        double[] cols = values(r, "col_data_in");
        double[][] expected = new double[4][W * H * N];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int k = 0; k < N; k++) {
                    // the root's data holds chunk j (for the PE at index j) at j * n
                    expected[0][at(x, y, N, k)] = rows[at(RX, y, N * W, x * N + k)];
                    expected[1][at(x, y, N, k)] = rows[at(W - 1, y, N * W, x * N + k)];
                    expected[2][at(x, y, N, k)] = cols[at(x, RY, N * H, y * N + k)];
                    expected[3][at(x, y, N, k)] = cols[at(x, H - 1, N * H, y * N + k)];
                }
            }
        }
        String[] out = {"row_mid", "row_end", "col_mid", "col_end"};
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(expected[i], values(r, out[i]), out[i]);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("grids")
    void gatherCollectsTheChunksInIndexOrderAtTheRoot(Grid g) throws Exception {
        use(g);
        RunResult r = run("gather", 1);
        double[] mine = values(r, "mine_in");
        for (int y = 0; y < H; y++) {
            for (int j = 0; j < W; j++) {
                for (int k = 0; k < N; k++) {
                    assertEquals(mine[at(j, y, N, k)], values(r, "row_mid")[at(RX, y, N * W, j * N + k)]);
                    assertEquals(mine[at(j, y, N, k)], values(r, "row_end")[at(0, y, N * W, j * N + k)]);
                }
            }
        }
        for (int x = 0; x < W; x++) {
            for (int j = 0; j < H; j++) {
                for (int k = 0; k < N; k++) {
                    assertEquals(mine[at(x, j, N, k)], values(r, "col_mid")[at(x, RY, N * H, j * N + k)]);
                    assertEquals(mine[at(x, j, N, k)], values(r, "col_end")[at(x, H - 1, N * H, j * N + k)]);
                }
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("grids")
    void reduceSumsEachRowAndColumnAtTheRoot(Grid g) throws Exception {
        use(g);
        RunResult r = run("reduce", 1);
        double[] mine = values(r, "mine_in");
        Map<String, int[]> roots = Map.of("row_mid", new int[] {RX, -1}, "row_end", new int[] {W - 1, -1},
                "col_mid", new int[] {-1, RY}, "col_end", new int[] {-1, 0});
        for (Map.Entry<String, int[]> e : roots.entrySet()) {
            double[] got = values(r, e.getKey());
            boolean alongRow = e.getValue()[0] >= 0;
            int lines = alongRow ? H : W;
            for (int line = 0; line < lines; line++) {
                for (int k = 0; k < N; k++) {
                    float sum = 0;
                    for (int j = 0; j < (alongRow ? W : H); j++) {
                        sum += (float) (alongRow ? mine[at(j, line, N, k)] : mine[at(line, j, N, k)]);
                    }
                    int rootAt = alongRow ? at(e.getValue()[0], line, N, k) : at(line, e.getValue()[1], N, k);
                    assertEquals(sum, got[rootAt], 1e-5, e.getKey() + " line " + line + " element " + k);
                }
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("grids")
    void oneDimensionOnlyScattersAndGathersAlongRows(Grid g) throws Exception {
        use(g);
        RunResult r = run("rows_only", 1);
        double[] work = values(r, "work_in");
        double[] results = values(r, "results");
        int perPe = W * N;
        for (int y = 0; y < H; y++) {
            for (int j = 0; j < W; j++) {
                for (int k = 0; k < N; k++) {
                    float scaled = (float) work[at(RX, y, perPe, j * N + k)] * (j + 1);
                    assertEquals(scaled, (float) results[at(W - 1, y, perPe, j * N + k)], "row " + y + " piece " + j);
                }
            }
        }
    }

    private static String loadError(String name, String file, String from, String to) throws Exception {
        Map<String, String> files = new java.util.HashMap<>();
        for (String f : new String[] {"layout.csl", "pe.csl", "run.json"}) {
            files.put(f, java.nio.file.Files.readString(folder(name).resolve(f)));
        }
        files.put(file, files.get(file).replace(from, to));
        return org.junit.jupiter.api.Assertions.assertThrows(org.waferscope.engine.csl.ProgramLoadException.class,
                () -> ProgramLoader.load(new MemorySource("t", files), ProgramLoader.LoadOptions.DEFAULTS)).getMessage();
    }

    @Test
    void mistakesAreReportedWithTheirPlace() throws Exception {
        use(grids().findFirst().orElseThrow());
        String twice = loadError("broadcast", "layout.csl", "@get_color(6)", "@get_color(2)");
        String message = "layout.csl:18:34: error: get_params needs four different routable colors; color 2 is given twice";
        assertEquals(twice.indexOf(message), twice.lastIndexOf(message), twice);
        org.junit.jupiter.api.Assertions.assertTrue(twice.contains(message), twice);
        String taken = loadError("broadcast", "pe.csl", "@get_local_task_id(11)", "@get_local_task_id(12)");
        org.junit.jupiter.api.Assertions.assertTrue(taken.contains("task id 12 is the collectives library's entry point"),
                taken);
        String pointer = loadError("broadcast", "pe.csl", "row.broadcast(rx, &a, n,", "row.broadcast(rx, n, n,");
        org.junit.jupiter.api.Assertions.assertTrue(pointer.contains("collectives_2d moves 32-bit elements"), pointer);
        String queue = loadError("broadcast", "pe.csl", ".dim_params = dims.y }", ".dim_params = dims.y, .queues = [2]u16{ 6, 7 } }");
        String once = "queue 6 is not both an input and an output queue on wse2";
        org.junit.jupiter.api.Assertions.assertTrue(queue.contains(once), queue);
        assertEquals(queue.indexOf(once), queue.lastIndexOf(once), queue);
    }

    @Test
    void getParamsTakesOneDimensionOrBoth() throws Exception {
        use(grids().findFirst().orElseThrow());
        String noY = loadError("rows_only", "pe.csl", "c2d.x });", "c2d.y });");
        org.junit.jupiter.api.Assertions.assertTrue(noY.contains("pe.csl:11:71: error: struct has no field .y; it has [x]"),
                noY);
        String half = loadError("rows_only", "layout.csl", ".x_colors = .{ @get_color(4), @get_color(5) },", "");
        org.junit.jupiter.api.Assertions.assertTrue(half.contains("get_params needs .x_colors and .x_entrypoints, "
                + ".y_colors and .y_entrypoints, or all four; got x_entrypoints"), half);
        String root = loadError("rows_only", "pe.csl", "row.gather(last,", "row.gather(9,");
        org.junit.jupiter.api.Assertions.assertTrue(root.contains("pe.csl:33:14: error: the root (a pe_id of the 5 PEs "
                + "along this dimension) must be in 0..4, not 9"), root);
        String same = loadError("rows_only", "layout.csl", "@get_local_task_id(21)", "@get_local_task_id(20)");
        org.junit.jupiter.api.Assertions.assertTrue(same.contains("x_entrypoints must be two different local task ids"),
                same);
    }

    @Test
    void theWaferEndsInTheSameStateForAnyThreadCount() throws Exception {
        use(grids().findFirst().orElseThrow());
        for (String name : new String[] {"broadcast", "scatter", "gather", "reduce", "rows_only"}) {
            RunResult one = run(name, 1);
            RunResult three = run(name, 3);
            assertEquals(one.cycles(), three.cycles(), name);
            assertEquals(one.stateHash(), three.stateHash(), name);
        }
    }
}
