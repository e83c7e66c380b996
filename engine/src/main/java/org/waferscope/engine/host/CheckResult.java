package org.waferscope.engine.host;

/**
 * The result of a {@link HostStep.Check}.
 *
 * @param name        the check's name
 * @param pass        every element within tolerance
 * @param maxAbsError largest absolute difference
 * @param mismatches  elements outside tolerance
 * @param firstBad    index of the first element outside tolerance, or -1
 * @param expected    expected value there (NaN if none)
 * @param actual      actual value there (NaN if none)
 */
public record CheckResult(String name, boolean pass, double maxAbsError, int mismatches, int firstBad,
                          double expected, double actual) {

    /** Compares element by element: within {@code tolerance}, absolute, or relative to the expected value when larger than 1. */
    public static CheckResult compare(String name, double[] expected, HostArray actual, double tolerance) {
        if (actual.length() != expected.length) {
            return new CheckResult(name, false, Double.POSITIVE_INFINITY, Math.max(expected.length, actual.length()),
                    0, Double.NaN, Double.NaN);
        }
        double maxAbs = 0;
        int bad = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            double a = actual.value(i);
            double e = expected[i];
            double err = Math.abs(a - e);
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            maxAbs = Math.max(maxAbs, err);
            if (err > tolerance * Math.max(1.0, Math.abs(e))) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new CheckResult(name, bad == 0, maxAbs, bad, first, first >= 0 ? expected[first] : Double.NaN,
                first >= 0 ? actual.value(first) : Double.NaN);
    }

    public String describe() {
        if (pass) {
            return String.format("check %s passed (max abs error %.3g)", name, maxAbsError);
        }
        if (firstBad < 0 || Double.isNaN(expected)) {
            return "check " + name + " FAILED: sizes differ";
        }
        return String.format("check %s FAILED: %d element(s) off, first at [%d]: expected %s, got %s (max abs error %.3g)",
                name, mismatches, firstBad, expected, actual, maxAbsError);
    }
}
