/**
 * The core inspector: a view model filled from one PE's core snapshot (program, params,
 * tasks, microthreads, queues, routes, SRAM symbols, counters, current source line) and
 * the view that binds to it.
 */
package org.waferscope.views.inspector;
