package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host-side helpers: expressions, reshapes, array files and safe file access. */
class HostDataTest {
    @Test
    void paramExpressions() {
        Map<String, String> p = Map.of("M", "32", "k", "4");
        assertEquals(8, ParamExpr.eval("M / k", p));
        assertEquals(9, ParamExpr.eval("$k * 2 + 1", p));
        assertEquals(-28, ParamExpr.eval("-(M - k)", p));
        assertEquals(0, ParamExpr.eval("M % k", p));
        assertThrows(IllegalArgumentException.class, () -> ParamExpr.eval("M / (k - 4)", p));
        assertThrows(IllegalArgumentException.class, () -> ParamExpr.eval("N", p));
        assertThrows(ArithmeticException.class, () -> ParamExpr.eval("99999999999 * 99999999999", p));
    }

    @Test
    void reshapeAndTransposeFollowNumpy() {
        NdArray a = new NdArray(new int[] {6}, new double[] {0, 1, 2, 3, 4, 5});
        NdArray t = a.reshape(new int[] {2, 3}).transpose(new int[] {1, 0});
        assertArrayEquals(new int[] {3, 2}, t.shape());
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, t.data());
        assertArrayEquals(new int[] {3, 2}, a.reshape(new int[] {-1, 2}).shape());
        assertThrows(IllegalArgumentException.class, () -> a.reshape(new int[] {4, 2}));
        assertThrows(IllegalArgumentException.class, () -> a.reshape(new int[] {2, 3}).transpose(new int[] {0, 0}));
    }

    @Test
    void checkExpressions() {
        NdArray m = new NdArray(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6});
        NdArray x = new NdArray(new int[] {3}, new double[] {1, 0, -1});
        NdArray b = new NdArray(new int[] {2}, new double[] {10, 20});
        Map<String, ArrayExpr.Typed> env = Map.of("A", new ArrayExpr.Typed(m, NumpyType.F64),
                "x", new ArrayExpr.Typed(x, NumpyType.F64), "b", new ArrayExpr.Typed(b, NumpyType.F64));
        assertArrayEquals(new double[] {8, 18}, ArrayExpr.eval("A @ x + b", env).data());
        assertArrayEquals(new double[] {2, 2}, ArrayExpr.eval("-(A @ x)", env).data());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, ArrayExpr.eval("A.T", env).data());
        assertArrayEquals(new double[] {14, 32, 32, 77}, ArrayExpr.eval("A @ transpose(A)", env).data());
        assertArrayEquals(new double[] {2, 0, -2}, ArrayExpr.eval("2 * x", env).data());
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("A @ b", env));
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("A + ", env));
    }

    @Test
    void countingExpressionsAreNumpysFloorAndBincount() {
        NdArray v = new NdArray(new int[] {7}, new double[] {0, 5, 1, 9, 4, 5, 8});
        Map<String, ArrayExpr.Typed> env = Map.of("v", new ArrayExpr.Typed(v, NumpyType.F64));
        // numpy: np.bincount(v // 2, minlength=5) == [2, 0, 3, 0, 2]
        assertArrayEquals(new double[] {0, 2, 0, 4, 2, 2, 4}, ArrayExpr.eval("floor(v / 2)", env).data());
        assertArrayEquals(new double[] {2, 0, 3, 0, 2}, ArrayExpr.eval("bincount(floor(v / 2), 5)", env).data());
        assertArrayEquals(new double[] {1, 1, 0, 0, 1, 2, 0, 0, 1, 1}, ArrayExpr.eval("bincount(v, 10)", env).data());
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("bincount(v / 2, 5)", env));
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("bincount(v, 9)", env));
        assertThrows(IllegalArgumentException.class, () -> ArrayExpr.eval("bincount(v, v)", env));
    }

    private static byte[] npy(String descr, String shape, int bytes, ByteBuffer data) {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        while ((10 + header.length() + 1) % 16 != 0) {
            header += " ";
        }
        header += "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        b.put(data.array());
        return b.array();
    }

    @Test
    void npyAndCsvFiles() {
        ByteBuffer f = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        f.putFloat(1.5f).putFloat(-2f).putFloat(3f).putFloat(4f);
        NdArray a = ArrayFiles.read("a.npy", npy("<f4", "(2, 2)", 16, f));
        assertArrayEquals(new int[] {2, 2}, a.shape());
        assertArrayEquals(new double[] {1.5, -2, 3, 4}, a.data());
        ByteBuffer s = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) -3).putShort((short) 65535);
        assertArrayEquals(new double[] {65533, 65535}, ArrayFiles.read("u.npy", npy("<u2", "(2,)", 4, s)).data());
        assertThrows(IllegalArgumentException.class, () -> ArrayFiles.read("d.npy", npy("<f8", "(1,)", 8,
                ByteBuffer.allocate(8))));
        assertThrows(IllegalArgumentException.class, () -> ArrayFiles.read("t.npy", new byte[] {(byte) 0x93, 'N'}));
        NdArray c = ArrayFiles.read("c.csv", "# header\n1, 2, 3\n4 5 6\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new int[] {2, 3}, c.shape());
        assertThrows(IllegalArgumentException.class, () -> ArrayFiles.read("c.csv", "1,x".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void folderSourceStaysInsideTheFolder(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("prog"));
        Files.writeString(tmp.resolve("secret.txt"), "no");
        Files.writeString(folder.resolve("ok.csv"), "1,2");
        FolderSource src = new FolderSource(folder);
        assertEquals(3, src.read("ok.csv", 100).length);
        assertThrows(IOException.class, () -> src.read("../secret.txt", 100));
        assertThrows(IOException.class, () -> src.read(tmp.resolve("secret.txt").toString(), 100));
        assertThrows(IOException.class, () -> src.read("ok.csv", 2));
        try {
            Files.createSymbolicLink(folder.resolve("link.txt"), tmp.resolve("secret.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        IOException e = assertThrows(IOException.class, () -> src.read("link.txt", 100));
        assertTrue(e.getMessage().contains("leads out of the program folder"), e.getMessage());
    }

    @Test
    void arraysFromFilesAndReshapedCopies(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("prog"));
        Files.writeString(folder.resolve("layout.csl"), LanguageRunTest.ONE_PE_LAYOUT);
        Files.writeString(folder.resolve("pe.csl"), LanguageRunTest.SCALARS);
        Files.writeString(folder.resolve("expected.csv"), "49 12 15 -1\n10 100 127 50\n");
        Files.writeString(folder.resolve("run.json"), """
                { "steps": [
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": 1, "height": 1 }, "per_pe": 8 } },
                    { "check": { "array": "out", "expected": { "file": "expected.csv" }, "tolerance": 0 } }
                ] }
                """);
        WaferProgram p = ProgramLoader.load(folder, ProgramLoader.LoadOptions.DEFAULTS);
        assertEquals(3, p.steps().size());
        LanguageRunTest.assertPasses(runIt(p));
    }

    private static org.waferscope.engine.sim.RunResult runIt(WaferProgram p) {
        try (org.waferscope.engine.sim.Wafer w = org.waferscope.engine.sim.Wafer.load(p, 1)) {
            return w.runToCompletion(100_000);
        }
    }
}
