package org.waferscope.engine.api;

/**
 * One bucket of the recorded timeline: averages over the cycles from the previous point
 * (exclusive) to {@code cycle} (inclusive of its last cycle), taken from per-cycle counts.
 *
 * @param cycle        the cycle at the end of the bucket
 * @param span         how many cycles the bucket covers
 * @param utilization  busy PE-cycles over the bucket's PE-cycles of PEs with a program (0..1)
 * @param stalled      stalled PE-cycles (waiting on input or on room to send) over the same
 * @param hops         wavelets that crossed a link, per cycle
 * @param activePes    PEs with work at the end of the bucket
 */
public record TimelinePoint(long cycle, long span, float utilization, float stalled, float hops, int activePes) {
}
