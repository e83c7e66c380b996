package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundled mandelbrot steps check escape counts written out as numbers (run.json cannot
 * loop). This recomputes them, so the numbers stay the reference the host script defines:
 * a 16x16 grid over [-2, 1] x [-1.5, 1.5], z starting at c, at most 32 steps of z*z + c
 * before |z| reaches 2. Single and double precision, and the PEs' own test (sqrt(re^2 +
 * im^2) > 2), must all agree, or the exact check would depend on rounding.
 */
class SdkMandelbrotStepsTest {
    static final int SIZE = 16;
    static final int LIMIT = 32;

    @Test
    void bundledExpectedCountsAreTheReferenceImage() throws Exception {
        byte[] json = SdkBundled.runJson("mandelbrot");
        assertNotNull(json, "no bundled run.json for mandelbrot");
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"sdk_layout\": \"code.csl\""), "mandelbrot's layout is code.csl");
        Matcher m = Pattern.compile("\"expected\": \\[([0-9, ]+)]").matcher(text);
        assertTrue(m.find(), "the check's expected counts");
        int[] bundled = Arrays.stream(m.group(1).split(",\\s*")).mapToInt(Integer::parseInt).toArray();

        assertArrayEquals(counts(Rule.DOUBLE), bundled, "double precision, |z| >= 2");
        assertArrayEquals(counts(Rule.SINGLE), bundled, "single precision, |z| >= 2");
        assertArrayEquals(counts(Rule.DEVICE), bundled, "single precision, sqrt(re^2 + im^2) > 2");
    }

    enum Rule { DOUBLE, SINGLE, DEVICE }

    static int[] counts(Rule rule) {
        int[] out = new int[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double x = -2.0 + c * 3.0 / (SIZE - 1);
                double y = -1.5 + r * 3.0 / (SIZE - 1);
                out[r * SIZE + c] = rule == Rule.DOUBLE ? stepsDouble(x, y) : stepsSingle((float) x, (float) y, rule);
            }
        }
        return out;
    }

    static int stepsDouble(double x, double y) {
        double re = x;
        double im = y;
        int n = 0;
        while (n < LIMIT && Math.hypot(re, im) < 2.0) {
            double t = re * re - im * im + x;
            im = 2 * re * im + y;
            re = t;
            n++;
        }
        return n;
    }

    static int stepsSingle(float x, float y, Rule rule) {
        float re = x;
        float im = y;
        int n = 0;
        while (n < LIMIT && !escaped(re, im, rule)) {
            float t = re * re - im * im + x;
            im = re * im + re * im + y;
            re = t;
            n++;
        }
        return n;
    }

    static boolean escaped(float re, float im, Rule rule) {
        return rule == Rule.DEVICE ? (float) Math.sqrt(re * re + im * im) > 2.0f : (float) Math.hypot(re, im) >= 2.0f;
    }
}
