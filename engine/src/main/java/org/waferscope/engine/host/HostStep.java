package org.waferscope.engine.host;

import java.util.List;
import java.util.function.Supplier;

/**
 * One command of the host's command stream, as an SDK host script issues them. They run
 * strictly in order; a launch holds the stream until every launched PE has called
 * {@code unblock_cmd_stream}.
 */
public sealed interface HostStep {

    /** Words for the console and the status bar. */
    String describe();

    /**
     * Writes a host array into {@code symbol} on every PE of the rectangle (copy mode).
     * {@code shown} is the array as run.json names it, with what the loader made of it: the
     * loader's own array may be "a@broadcast1", shown "a (broadcast)".
     */
    record CopyIn(String array, String shown, String symbol, PeRectangle rect) implements HostStep {
        public CopyIn(String array, String symbol, PeRectangle rect) {
            this(array, array, symbol, rect);
        }

        public String describe() {
            return "copy " + shown + " into " + symbol;
        }
    }

    /**
     * Streams a host array into the rectangle as wavelets of {@code color} (streaming mode):
     * each PE receives its elements in order, waking the data task bound to that color.
     * {@code shown} is the array as run.json names it ("x (with indices)" for the loader's "x@index2").
     */
    record StreamIn(String array, String shown, int color, PeRectangle rect, boolean nonblock) implements HostStep {
        /** A blocking stream of an array shown by its own name: the host's next step waits until the last wavelet went in. */
        public StreamIn(String array, int color, PeRectangle rect) {
            this(array, array, color, rect, false);
        }

        public String describe() {
            return "stream " + shown + " in on color " + color;
        }
    }

    /**
     * Launches exported function {@code function} on every PE that exports it, with
     * {@code args} in its argument slots (integers as they are, floats as their f32 bits).
     */
    record Launch(String function, List<Integer> args) implements HostStep {
        public Launch {
            args = List.copyOf(args);
        }

        public Launch(String function) {
            this(function, List.of());
        }

        public String describe() {
            return "launch " + function + (args.isEmpty() ? "" : " with " + args.size() + " argument(s)");
        }
    }

    /** Reads {@code symbol} from every PE of the rectangle into a new host array (copy mode). */
    record CopyOut(String symbol, String array, PeRectangle rect) implements HostStep {
        public String describe() {
            return "copy " + symbol + " out to " + array;
        }
    }

    /** Collects the wavelets the rectangle sends on {@code color} into a new host array. */
    record StreamOut(int color, String array, org.waferscope.engine.arch.ElementType type, PeRectangle rect)
            implements HostStep {
        public String describe() {
            return "stream " + array + " out on color " + color;
        }
    }

    /**
     * Compares a host array with expected values, within an absolute-or-relative tolerance,
     * or, when {@code atol} or {@code rtol} is a number, numpy's {@code allclose} rule
     * {@code |actual - expected| <= atol + rtol * |expected|}. Unless {@code whole}, only
     * elements {@code start}, {@code start + step}, ... of the array are compared, as many as
     * there are expected values (a slice may start at 0 and stop short of the end). With a
     * {@code reduce} ("max", "min" or "sum"; null for none), the {@code count} elements of the
     * slice are first reduced to one value, which is compared with the one expected value.
     * With {@code complex}, elements 2k and 2k + 1 are the real and imaginary parts of one
     * complex number, and the rule applies to complex differences and magnitudes, as numpy
     * compares complex arrays.
     */
    record Check(String name, String array, Supplier<double[]> values, double tolerance, double atol, double rtol,
                 int start, int step, boolean whole, String reduce, int count, boolean complex) implements HostStep {
        public Check(String name, String array, double[] expected, double tolerance) {
            this(name, array, () -> expected, tolerance, Double.NaN, Double.NaN, 0, 1, true, null, expected.length,
                    false);
        }

        /**
         * The expected values. A check whose expectation is a whole-grid reference computes it
         * on the first call, when the check runs, rather than at load (the loader has checked
         * that it can).
         */
        public double[] expected() {
            return values.get();
        }

        public String describe() {
            return "check " + name;
        }
    }
}
