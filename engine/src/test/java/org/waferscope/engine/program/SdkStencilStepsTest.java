package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.Diagnostics;

/**
 * The host steps bundled for the SDK's five stencil benchmarks: each reads without errors and
 * makes its arrays at the build scripts' sizes; the conjugate-gradient expectation, written out
 * as run.json arrays, agrees with a plain conjugate-gradient loop.
 */
class SdkStencilStepsTest {
    private static final Map<String, String> PARAMS = Map.of("width", "5", "height", "5", "MAX_ZDIM", "5");

    private static HostArrays arrays(String example) throws Exception {
        byte[] bytes = SdkBundled.runJson(example);
        assertNotNull(bytes, example);
        Diagnostics diags = new Diagnostics();
        RunPlan plan = RunJson.read(new String(bytes, StandardCharsets.UTF_8), diags);
        assertTrue(!diags.hasErrors() && plan != null, () -> example + ": " + diags.all());
        assertEquals("src/layout.csl", plan.sdkLayout(), example);
        HostArrays a = new HostArrays(new PlanContext(plan, PARAMS, null, null, diags));
        a.build();
        assertTrue(!diags.hasErrors(), () -> example + ": " + diags.all());
        return a;
    }

    /** BiCGStab and PCG check the device's xi = |r|^2 after the residual and each iteration. */
    @Test
    void theSolversCheckTheResidualTheHostLoopsOn() throws Exception {
        for (String example : new String[] {"bicgstab", "preconditioned-conjugate-gradient"}) {
            HostArrays host = arrays(example);
            String json = new String(SdkBundled.runJson(example), StandardCharsets.UTF_8);
            for (int k = 0; k <= 2; k++) {
                assertTrue(host.values.get("xi" + k).data()[0] > 0, example + " xi" + k);
                assertTrue(json.contains("\"array\": \"xi_" + k + "\", \"expected\": \"xi" + k + "\""), example + " check of xi_" + k);
            }
        }
    }

    @Test
    void everyStencilBenchmarksStepsMakeTheirArrays() throws Exception {
        for (String example : new String[] {"7pt-stencil-spmv", "power-method", "conjugate-gradient", "bicgstab",
                "preconditioned-conjugate-gradient"}) {
            arrays(example);
        }
    }

    /** y = A x for the 7-point stencil on a 5 x 5 x 5 grid, center 6 and neighbours -1. */
    private static double[] apply(double[] x) {
        int n = 5;
        double[] y = new double[x.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    int at = (i * n + j) * n + k;
                    double s = 6 * x[at];
                    s -= j > 0 ? x[at - n] : 0;
                    s -= j < n - 1 ? x[at + n] : 0;
                    s -= i > 0 ? x[at - n * n] : 0;
                    s -= i < n - 1 ? x[at + n * n] : 0;
                    s -= k > 0 ? x[at - 1] : 0;
                    s -= k < n - 1 ? x[at + 1] : 0;
                    y[at] = s;
                }
            }
        }
        return y;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void conjugateGradientExpectationIsTwoStepsOfCg() throws Exception {
        int size = 125;
        double[] x = new double[size];
        double[] b = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = 100 + i;
            b[i] = 1 + i;
        }
        double norm = Math.sqrt(dot(x, x));
        for (int i = 0; i < size; i++) {
            x[i] /= norm;
        }
        double[] ax = apply(x);
        double[] r = new double[size];
        for (int i = 0; i < size; i++) {
            r[i] = b[i] - ax[i];
        }
        double[] p = r.clone();
        double rho = dot(r, r);
        double[] rhos = new double[3];
        rhos[0] = rho;
        for (int k = 1; k <= 2; k++) {
            if (k > 1) {
                double beta = dot(r, r) / rho;
                rho = dot(r, r);
                for (int i = 0; i < size; i++) {
                    p[i] = r[i] + beta * p[i];
                }
            }
            double[] w = apply(p);
            double alpha = rho / dot(p, w);
            for (int i = 0; i < size; i++) {
                x[i] += alpha * p[i];
                r[i] -= alpha * w[i];
            }
            rhos[k] = dot(r, r);
        }
        HostArrays host = arrays("conjugate-gradient");
        double[] bundled = host.values.get("x2").data();
        for (int i = 0; i < size; i++) {
            assertEquals(x[i], bundled[i], 1e-5 * Math.abs(x[i]) + 1e-6, "x2[" + i + "]");
        }
        // the device's rho, copied out after the residual and each iteration, is checked too
        // (session 6 of docs/sdk-examples-audit.md): the expectations are the loop's |r|^2
        String json = new String(SdkBundled.runJson("conjugate-gradient"), StandardCharsets.UTF_8);
        for (int k = 0; k <= 2; k++) {
            double expected = host.values.get("rho" + k).data()[0];
            assertEquals(rhos[k], expected, 1e-5 * rhos[k], "rho" + k);
            assertTrue(json.contains("\"array\": \"rho_" + k + "\", \"expected\": \"rho" + k + "\""), "check of rho_" + k);
        }
    }
}
