/**
 * The Cluster view: MemoryX, the SwarmX tree and the CS systems as a diagram with flows
 * drawn by the bandwidth in use, each system a live thumbnail of its wafer (each PE's busy
 * share since the frame before); the step's schedule as a Gantt chart; loss and accuracy
 * charts; the controls that step the wafers by cycles, layer phase or training step; and
 * the view model that holds the frame on show, the playhead and the requests to the trainer.
 */
package org.waferscope.views.cluster;
