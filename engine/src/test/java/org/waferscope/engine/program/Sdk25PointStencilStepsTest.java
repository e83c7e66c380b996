package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The bundled 25-pt-stencil steps write out the source term the host script computes (a
 * Ricker-like pulse over 10 time steps: with sigma = 0.6 fmax and t = k dt, the value
 * -2 scale sigma (sigma - 2 sigma scale p) e^(-scale p), p = (sigma t - 1)^2). This recomputes it
 * in single precision, as the host script does.
 */
class Sdk25PointStencilStepsTest {
    @Test
    void bundledSourceIsTheHostScriptsPulse() throws Exception {
        byte[] json = SdkBundled.runJson("25-pt-stencil");
        assertNotNull(json, "no bundled run.json for 25-pt-stencil");
        JsonNode values = new ObjectMapper().readTree(json).get("arrays").get("source").get("values");
        float tau = 1.0f;
        float scale = 8.0f;
        float fmax = 25.0f;
        float dt = 0.001610153f;
        float sigma = 0.6f * fmax;
        assertEquals(10, values.size());
        for (int k = 0; k < 10; k++) {
            float t = k * dt;
            float p = (sigma * t - tau) * (sigma * t - tau);
            float e = (float) Math.exp(p * -scale);
            float source = -2.0f * scale * sigma * ((sigma - 2.0f * sigma * scale * p) * e);
            assertEquals(source, values.get(k).asDouble(), Math.abs(source) * 1e-6, "source[" + k + "]");
        }
    }
}
