/**
 * Timelines: the run's recorded fabric-wide utilization, stalls and link traffic over
 * cycles (with a second run overlaid when comparing), and the per-PE timeline of task
 * slices, stalls and wavelets in and out for a few chosen PEs.
 */
package org.waferscope.views.timeline;
