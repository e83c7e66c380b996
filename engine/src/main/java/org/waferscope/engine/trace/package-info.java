/**
 * Histories re-computed by replaying a run: per-PE timelines ({@code api.PeTrack}: task
 * slices, stalls, wavelets in and out per link) for a bounded set of PEs, the
 * Chrome/Perfetto trace written from them, and the comparison of two runs.
 */
package org.waferscope.engine.trace;
