/**
 * The explorer's history tools: the per-PE timeline (replayed off the engine for the
 * selected PE's row), File → Export trace, and File → Compare with… (a second run side by
 * side, as a difference heatmap, with the timelines overlaid). Each runs its replays on the
 * session's background executor and shows results on the FX thread.
 */
package org.waferscope.app.history;
