package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.host.HostArray;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * Waferscope's own {@code <kernels/fft/...>} library under the bundled fft-3d host steps: a folder
 * named fft-3d with a build script and a layout of our own that use the library as the SDK's
 * benchmark does (so the loader takes the bundled run.json and run-2.json, as for the public
 * example). Each run's results are checked again here against a plain 3-D DFT, summed element
 * by element from the inputs the host wrote, with the data where run.py reads it: element
 * (y, x, z) on PE (x / T, y / T) at complex offset z T*T + (y % T) T + x % T.
 */
class SdkFft3dRunTest {
    static final String SCRIPT = """
            #!/usr/bin/env bash
            set -e
            cslc --arch=wse3 ./layout.csl --fabric-dims=20,12 --fabric-offsets=4,1 \\
            --params=N:16,NUM_PENCILS_PER_DIM:4,FP:1 --memcpy --channels=1 -o out
            cs_python run.py --name out --real --norm 1
            cs_python run.py --name out --inverse --norm 1
            cslc --arch=wse3 ./layout.csl --fabric-dims=20,12 --fabric-offsets=4,1 \\
            --params=N:16,NUM_PENCILS_PER_DIM:4,FP:0 --memcpy --channels=1 -o out
            cs_python run.py --name out
            cs_python run.py --name out --inverse
            """;

    static final String LAYOUT = """
            param FP: i16;
            param N: u16;
            param NUM_PENCILS_PER_DIM: u16;
            const side: i16 = @as(i16, N / NUM_PENCILS_PER_DIM);
            const element: type = if (FP == 1) f32 else f16;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = side, .height = side });
            const fft = @import_module("<kernels/fft/fft3d_layout>", .{ .width = side, .memcpy = memcpy });
            layout {
              @set_rectangle(side, side);
              fft.FFT_kernel(side, N, element);
            }
            """;

    static Path folder(Path tmp, String layout) throws Exception {
        Path dir = tmp.resolve("fft-3d");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("commands_wse3.sh"), SCRIPT);
        Files.writeString(dir.resolve("layout.csl"), layout);
        return dir;
    }

    static RunResult run(Path dir, int build, Map<String, String> params) throws Exception {
        WaferProgram p = ProgramLoader.load(dir, ProgramLoader.LoadOptions.DEFAULTS
                .withBuild(new SdkChoice(build, "")).withParams(params));
        try (Wafer w = Wafer.load(p, 1)) {
            return w.runToCompletion(5_000_000);
        }
    }

    /** Build 1 (f32): R2C with ortho norm, then the ortho inverse; build 2 (f16): forward and inverse, backward norm. */
    @ParameterizedTest(name = "build {0}")
    @CsvSource({"1", "2"})
    void bothBuildsMatchAPlainThreeDimensionalDft(int build, @TempDir Path tmp) throws Exception {
        RunResult r = run(folder(tmp, LAYOUT), build, Map.of());
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        assertEquals(2, r.checks().size());
        r.checks().forEach(c -> assertTrue(c.pass(), c.describe()));
        double[] values = r.arrays().get("values").values();
        boolean f32 = build == 1;
        double rtol = f32 ? 0.01 : 0.5;
        // the whole result within a small share of its largest value, and every element within run.py's rtol
        double spread = f32 ? 1e-5 : 1e-3;
        if (f32) {
            assertMatches(dft(values, 16, true, false, 1), r.arrays().get("r2c"), 16, 4, rtol, spread);
            assertMatches(dft(values, 16, false, true, 1), r.arrays().get("inverse"), 16, 4, rtol, spread);
        } else {
            assertMatches(dft(values, 16, false, false, 0), r.arrays().get("forward"), 16, 4, rtol, spread);
            assertMatches(dft(values, 16, false, true, 0), r.arrays().get("inverse"), 16, 4, rtol, spread);
        }
        for (String name : r.arrays().keySet()) {
            if (name.endsWith("_cycles")) {
                int[] words = r.arrays().get(name).bits();
                for (int pe = 0; pe < 16; pe++) {
                    long cycles = words[4 * pe] | (long) words[4 * pe + 1] << 16 | (long) words[4 * pe + 2] << 32;
                    assertTrue(cycles > 1000 && cycles < r.cycles(), name + " PE " + pe + ": " + cycles);
                }
            }
        }
    }

    /** Other powers of two: smaller pencil counts, a PE holding everything, a row of 8. */
    @ParameterizedTest(name = "N {0}, {1} pencils a side")
    @CsvSource({"8, 2", "4, 1", "8, 8", "16, 2"})
    void otherShapesTransformToo(int n, int t, @TempDir Path tmp) throws Exception {
        RunResult r = run(folder(tmp, LAYOUT), 1, Map.of("N", "" + n, "NUM_PENCILS_PER_DIM", "" + t));
        assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
        r.checks().forEach(c -> assertTrue(c.pass(), c.describe()));
        double[] values = r.arrays().get("values").values();
        assertMatches(dft(values, n, true, false, 1), r.arrays().get("r2c"), n, t, 0.01, 1e-5);
        assertMatches(dft(values, n, false, true, 1), r.arrays().get("inverse"), n, t, 0.01, 1e-5);
    }

    @Test
    void paramsTheLibraryCannotTakeAreRefusedWithTheReason(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, LAYOUT);
        assertRefused(dir, Map.of("N", "12"), "N must be a power of two");
        assertRefused(dir, Map.of("N", "64", "NUM_PENCILS_PER_DIM", "16"), "must fit in 36 KB of the PE's 48 KB");
        assertRefused(dir, Map.of("N", "16", "NUM_PENCILS_PER_DIM", "3"), "N must be a multiple of WIDTH");
        Files.writeString(dir.resolve("layout.csl"), LAYOUT.replace("fft.FFT_kernel(side,", "fft.FFT_kernel(side - 1,"));
        assertRefused(dir, Map.of(), "FFT_kernel's WIDTH must be the .width the kernel was imported with");
    }

    /** A folder's own run.json takes the place of the bundled steps: a norm the library has no meaning for faults at its assert. */
    @Test
    void aNormOutsideZeroToTwoStopsThePeAtTheLibrarysAssert(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, LAYOUT);
        Files.writeString(dir.resolve("run.json"), """
                { "sdk_layout": "layout.csl", "params": { "N": 4, "NUM_PENCILS_PER_DIM": 2 },
                  "steps": [ { "launch": "csfftExecC2C", "args": [3, 0] } ] }
                """);
        RunResult r = run(dir, 1, Map.of());
        assertEquals(WaferStatus.FAULTED, r.status(), () -> String.join("\n", r.report()));
        assertTrue(String.join("\n", r.report()).contains("<kernels/fft/fft3d_pe>"), () -> String.join("\n", r.report()));
    }

    @Test
    void aComplexCheckOfASliceIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = folder(tmp, LAYOUT);
        Files.writeString(dir.resolve("run.json"), """
                { "sdk_layout": "layout.csl", "params": { "N": 4, "NUM_PENCILS_PER_DIM": 2 },
                  "steps": [
                    { "copy_out": { "symbol": "X", "array": "x", "rect": { "width": 2, "height": 2 }, "per_pe": 32 } },
                    { "check": { "array": "x", "expected": 0, "complex": true, "slice": { "step": 2 } } } ] }
                """);
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(dir,
                ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.getMessage().contains("a complex check compares whole arrays"), e.getMessage());
    }

    private static void assertRefused(Path dir, Map<String, String> params, String reason) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> ProgramLoader.load(dir,
                ProgramLoader.LoadOptions.DEFAULTS.withParams(params)));
        assertTrue(e.getMessage().contains("<kernels/fft/fft3d_layout>:") && e.getMessage().contains(reason),
                e.getMessage());
    }

    /**
     * The 3-D DFT of the host's N x N x N x 2 values, indexed (y, x, z, part), element by
     * element: F(ky, kx, kz) = s sum a(y, x, z) e^(-+2 pi i (ky y + kx x + kz z) / N); with
     * {@code real} the imaginary parts are taken as 0. norm 0 scales the inverse by 1/N^3,
     * 1 both by N^(-3/2). Result (ky, kx, kz, part).
     */
    static double[] dft(double[] a, int n, boolean real, boolean inverse, int norm) {
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = (inverse ? 1 : -1) * Math.sin(2 * Math.PI * k / n);
        }
        double points = (double) n * n * n;
        double scale = norm == 1 ? 1 / Math.sqrt(points) : inverse ? 1 / points : 1;
        double[] out = new double[2 * n * n * n];
        for (int ky = 0; ky < n; ky++) {
            for (int kx = 0; kx < n; kx++) {
                for (int kz = 0; kz < n; kz++) {
                    double re = 0;
                    double im = 0;
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < n; x++) {
                            for (int z = 0; z < n; z++) {
                                int i = 2 * ((y * n + x) * n + z);
                                double ar = a[i];
                                double ai = real ? 0 : a[i + 1];
                                int w = (ky * y + kx * x + kz * z) % n;
                                re += ar * cos[w] - ai * sin[w];
                                im += ar * sin[w] + ai * cos[w];
                            }
                        }
                    }
                    int o = 2 * ((ky * n + kx) * n + kz);
                    out[o] = re * scale;
                    out[o + 1] = im * scale;
                }
            }
        }
        return out;
    }

    /** The copied-out X of every PE, read back into (y, x, z) as run.py unshuffles it, against {@code expected}. */
    private static void assertMatches(double[] expected, HostArray result, int n, int t, double rtol, double spread) {
        int w = n / t;
        int local = t * t * n;
        assertEquals(2 * local * w * w, result.length());
        double largest = 0;
        for (int i = 0; i < expected.length; i += 2) {
            largest = Math.max(largest, Math.hypot(expected[i], expected[i + 1]));
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                for (int z = 0; z < n; z++) {
                    int offset = z * t * t + (y % t) * t + x % t;
                    int at = 2 * (((y / t) * w + x / t) * local + offset);
                    int e = 2 * ((y * n + x) * n + z);
                    double err = Math.hypot(result.value(at) - expected[e], result.value(at + 1) - expected[e + 1]);
                    double size = Math.hypot(expected[e], expected[e + 1]);
                    String where = "(y, x, z) = (" + y + ", " + x + ", " + z + ")";
                    assertTrue(err <= rtol * size, where + ": error " + err + " of " + size);
                    assertTrue(err <= spread * largest, where + ": error " + err + ", largest value " + largest);
                }
            }
        }
    }
}
