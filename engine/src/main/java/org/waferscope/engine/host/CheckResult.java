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
        return compare(new HostStep.Check(name, "", expected, tolerance), actual);
    }

    /** Compares as {@code c} says: its tolerance rule, over its slice of {@code actual}. */
    public static CheckResult compare(HostStep.Check c, HostArray actual) {
        String name = c.name();
        double[] expected = c.expected();
        boolean numpy = !Double.isNaN(c.atol()) || !Double.isNaN(c.rtol());
        double atol = Double.isNaN(c.atol()) ? 0 : c.atol();
        double rtol = Double.isNaN(c.rtol()) ? 0 : c.rtol();
        double tolerance = c.tolerance();
        if (c.reduce() != null) {
            return reduced(c, actual);
        }
        boolean whole = c.whole();
        long last = c.start() + (long) c.step() * (expected.length - 1);
        if (whole ? actual.length() != expected.length : expected.length > 0 && (last >= actual.length() || last < 0)) {
            return new CheckResult(name, false, Double.POSITIVE_INFINITY, Math.max(expected.length, actual.length()),
                    0, Double.NaN, Double.NaN);
        }
        if (c.complex()) {
            return complexPairs(c, expected, actual);
        }
        double maxAbs = 0;
        int bad = 0;
        int first = -1;
        for (int i = 0; i < expected.length; i++) {
            double a = actual.value(c.start() + i * c.step());
            double e = expected[i];
            double err = Math.abs(a - e);
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            maxAbs = Math.max(maxAbs, err);
            double allowed = numpy ? atol + rtol * Math.abs(e) : tolerance * Math.max(1.0, Math.abs(e));
            if (err > allowed) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new CheckResult(name, bad == 0, maxAbs, bad, first, first >= 0 ? expected[first] : Double.NaN,
                first >= 0 ? actual.value(c.start() + first * c.step()) : Double.NaN);
    }

    /**
     * numpy's {@code allclose} on complex numbers held as (real, imaginary) pairs: number k
     * passes when {@code |a_k - e_k| <= atol + rtol |e_k|}, in complex magnitudes; the errors
     * and the first failure are reported at the real part's index.
     */
    private static CheckResult complexPairs(HostStep.Check c, double[] expected, HostArray actual) {
        double atol = Double.isNaN(c.atol()) ? 0 : c.atol();
        double rtol = Double.isNaN(c.rtol()) ? 0 : c.rtol();
        boolean numpy = !Double.isNaN(c.atol()) || !Double.isNaN(c.rtol());
        double maxAbs = 0;
        int bad = 0;
        int first = -1;
        for (int i = 0; i + 1 < expected.length; i += 2) {
            double er = expected[i];
            double ei = expected[i + 1];
            double err = Math.hypot(actual.value(i) - er, actual.value(i + 1) - ei);
            if (Double.isNaN(err)) {
                err = Double.POSITIVE_INFINITY;
            }
            maxAbs = Math.max(maxAbs, err);
            double size = Math.hypot(er, ei);
            double allowed = numpy ? atol + rtol * size : c.tolerance() * Math.max(1.0, size);
            if (err > allowed) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new CheckResult(c.name(), bad == 0, maxAbs, bad, first, first >= 0 ? expected[first] : Double.NaN,
                first >= 0 ? actual.value(first) : Double.NaN);
    }

    /** The largest, smallest or sum of the check's slice of {@code actual}, compared with its one expected value. */
    private static CheckResult reduced(HostStep.Check c, HostArray actual) {
        long last = c.start() + (long) c.step() * (c.count() - 1);
        if (c.count() < 1 || last >= actual.length()) {
            return new CheckResult(c.name(), false, Double.POSITIVE_INFINITY, 1, 0, Double.NaN, Double.NaN);
        }
        double r = c.reduce().equals("sum") ? 0 : actual.value(c.start());
        for (int i = 0; i < c.count(); i++) {
            double v = actual.value(c.start() + i * c.step());
            r = switch (c.reduce()) {
                case "max" -> Math.max(r, v);
                case "min" -> Math.min(r, v);
                default -> r + v;
            };
        }
        double e = c.expected()[0];
        double err = Double.isNaN(r - e) ? Double.POSITIVE_INFINITY : Math.abs(r - e);
        boolean numpy = !Double.isNaN(c.atol()) || !Double.isNaN(c.rtol());
        double allowed = numpy ? (Double.isNaN(c.atol()) ? 0 : c.atol()) + (Double.isNaN(c.rtol()) ? 0 : c.rtol()) * Math.abs(e)
                : c.tolerance() * Math.max(1.0, Math.abs(e));
        boolean pass = err <= allowed;
        return new CheckResult(c.name(), pass, err, pass ? 0 : 1, pass ? -1 : 0, pass ? Double.NaN : e, pass ? Double.NaN : r);
    }

    public String describe() {
        // a colon after the name: a name that is a sentence ("every receiver got every value, in order") ran into the verdict
        return "check " + name + (pass ? ": passed " : ": FAILED, ") + outcome();
    }

    /** What came of the check, without its verdict: for a line that already opens with PASS or FAIL. */
    public String outcome() {
        if (pass) {
            return String.format("(max abs error %.3g)", maxAbsError);
        }
        if (firstBad < 0 || Double.isNaN(expected)) {
            return "sizes differ";
        }
        return String.format("%d element(s) off, first at [%d]: expected %s, got %s (max abs error %.3g)",
                mismatches, firstBad, expected, actual, maxAbsError);
    }
}
