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
