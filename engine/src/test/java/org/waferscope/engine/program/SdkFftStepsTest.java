package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The bundled fft-1d-2d steps write the discrete Fourier transform of 4 complex values, held as
 * (real, imaginary) pairs, as a real 8 x 8 matrix, and the twiddle factors run.py gives the
 * kernel. This recomputes both from their definitions: out_k = sum_j x_j e^(-2 pi i j k / N)
 * (and e^(+...) / N for the inverse); twiddles cos and sin of pi k / (N / 2).
 */
class SdkFftStepsTest {
    static final int N = 4;

    @Test
    void bundledMatricesAreTheTransformAndItsInverse() throws Exception {
        byte[] json = SdkBundled.runJson("fft-1d-2d");
        assertNotNull(json, "no bundled run.json for fft-1d-2d");
        JsonNode arrays = new ObjectMapper().readTree(json).get("arrays");
        assertMatrix(arrays.get("DFT").get("values"), -1, 1.0);
        assertMatrix(arrays.get("IDFT").get("values"), 1, 1.0 / N);
        JsonNode tw = arrays.get("twiddle").get("values");
        for (int k = 0; k < N / 2; k++) {
            double angle = Math.PI * k / (N / 2);
            assertEquals((float) Math.cos(angle), (float) tw.get(2 * k).asDouble(), "twiddle cos " + k);
            assertEquals((float) Math.sin(angle), (float) tw.get(2 * k + 1).asDouble(), "twiddle sin " + k);
        }
    }

    /**
     * The 2-D build's steps (run-2.json, and run-2-inverse.json for run.py --inverse): X holds
     * row x of a 4 x 4 complex matrix on PE x, and PE x ends holding column x of its 2-D
     * transform (run.py transposes the result back before comparing with numpy's fft2). So
     * output (x, z) is F[z][x] = sum_(a, b) A[a][b] e^(-+2 pi i (z a + x b) / N), over pairs.
     */
    @Test
    void bundled2dMatricesAreTheTransposedTwoDimensionalTransform() throws Exception {
        for (String variant : new String[] {"", "inverse"}) {
            byte[] json = SdkBundled.runJson("fft-1d-2d", new SdkChoice(2, variant));
            assertNotNull(json, "no bundled steps for fft-1d-2d build 2 " + variant);
            JsonNode doc = new ObjectMapper().readTree(json);
            boolean inverse = variant.equals("inverse");
            JsonNode m = doc.get("arrays").get(inverse ? "IDFT2" : "DFT2").get("values");
            int sign = inverse ? 1 : -1;
            double scale = inverse ? 1.0 / (N * N) : 1.0;
            for (int x = 0; x < N; x++) {
                for (int z = 0; z < N; z++) {
                    int r = x * 2 * N + 2 * z;
                    for (int a = 0; a < N; a++) {
                        for (int b = 0; b < N; b++) {
                            int c = a * 2 * N + 2 * b;
                            double angle = sign * 2 * Math.PI * (z * a + x * b) / N;
                            double re = Math.cos(angle) * scale;
                            double im = Math.sin(angle) * scale;
                            assertEquals(re, m.get(r).get(c).asDouble(), 1e-12, "row " + r + " column " + c);
                            assertEquals(-im, m.get(r).get(c + 1).asDouble(), 1e-12);
                            assertEquals(im, m.get(r + 1).get(c).asDouble(), 1e-12);
                            assertEquals(re, m.get(r + 1).get(c + 1).asDouble(), 1e-12);
                        }
                    }
                }
            }
            assertEquals(inverse ? "f_ifft" : "f_fft", doc.get("steps").get(2).get("launch").asText());
            JsonNode x = doc.get("arrays").get("X").get("values");
            for (int k = 0; k < x.size(); k++) {
                double v = x.get(k).asDouble();
                assertEquals(v, Math.rint(v * 32) / 32, "inputs are multiples of 1/32, exact in f16 and in every sum");
                if (k % 2 == 1) {
                    assertEquals(0, v, "imaginary parts start at 0, as run.py's");
                }
            }
        }
    }

    private static void assertMatrix(JsonNode rows, int sign, double scale) {
        for (int k = 0; k < N; k++) {
            for (int j = 0; j < N; j++) {
                double angle = sign * 2 * Math.PI * j * k / N;
                double c = Math.cos(angle) * scale;
                double s = Math.sin(angle) * scale;
                // (re + i im) (c + i s) = (re c - im s) + i (re s + im c)
                assertEquals(c, rows.get(2 * k).get(2 * j).asDouble(), 1e-12);
                assertEquals(-s, rows.get(2 * k).get(2 * j + 1).asDouble(), 1e-12);
                assertEquals(s, rows.get(2 * k + 1).get(2 * j).asDouble(), 1e-12);
                assertEquals(c, rows.get(2 * k + 1).get(2 * j + 1).asDouble(), 1e-12);
            }
        }
    }
}
