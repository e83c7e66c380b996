/** The timeline: fabric-wide utilization and wavelets in flight, and the selected PE's activity, over cycles. */
package org.waferscope.views.timeline;
