/**
 * The Cluster view: MemoryX, the SwarmX tree and the CS systems as a diagram with flows
 * drawn by the bandwidth in use, each system a thumbnail of its wafer's utilization; the
 * step's schedule as a Gantt chart; loss and accuracy charts; and the view model that
 * holds the frame on show and the playhead within the step.
 */
package org.waferscope.views.cluster;
