package org.waferscope.engine.fabric;

/**
 * A counter filter on what a router hands its CE through RAMP ({@code .filter = .{ .kind =
 * .{ .counter = true }, ... }}). The router keeps one counter per color. Each wavelet of the
 * color that the route sends to RAMP and that the filter counts (data wavelets with
 * {@code count_data}, control wavelets with {@code count_control}) is judged by the counter's
 * value as it arrives: a data wavelet reaches the CE when the counter is at most
 * {@code maxCounter}, else the router drops it (its copies on link ports still leave). Then
 * the counter moves on by one, from {@code limit1} back to 0. So the filter passes
 * {@code maxCounter + 1} wavelets of every {@code limit1 + 1}, starting {@code initCounter}
 * wavelets into the cycle. Control wavelets are counted when asked but never dropped: as
 * with range filters, what decides whether they reach the CE is their own "not to the CE" bit.
 *
 * <p>This reading is Waferscope's documented default (docs/csl-subset.md, "Counter filters"):
 * the SDK's filter documentation is not public in full; the field names, the patent's
 * counter mode (a wavelet is queued while the counter is at most a limit; the counter resets
 * against a second limit) and the SDK's fft-1d-2d benchmark, whose 2-D transpose is right
 * only under this reading, are its sources.
 *
 * @param limit1       the counter's last value before it wraps to 0 ({@code .limit1})
 * @param maxCounter   the highest counter value at which a data wavelet passes ({@code .max_counter})
 * @param initCounter  the counter at load ({@code .init_counter})
 * @param countData    data wavelets move the counter ({@code .count_data})
 * @param countControl control wavelets move the counter ({@code .count_control})
 */
public record CounterFilter(int limit1, int maxCounter, int initCounter, boolean countData, boolean countControl) {
    public CounterFilter {
        if (limit1 < 0 || limit1 > 0xFFFF || maxCounter < 0 || maxCounter > limit1 || initCounter < 0
                || initCounter > limit1) {
            throw new IllegalArgumentException("a counter filter needs 0 <= max_counter, init_counter <= limit1 <= 65535");
        }
    }

    /** Whether a data wavelet arriving while the counter holds {@code counter} reaches the CE. */
    public boolean passes(int counter) {
        return counter <= maxCounter;
    }

    /** The counter after a wavelet of this kind went through. */
    public int next(int counter, boolean control) {
        if (control ? !countControl : !countData) {
            return counter;
        }
        return counter >= limit1 ? 0 : counter + 1;
    }

    /** How the core inspector names it. */
    public String describe(int counter) {
        return "counter " + counter + " of 0.." + limit1 + ", passes 0.." + maxCounter;
    }
}
