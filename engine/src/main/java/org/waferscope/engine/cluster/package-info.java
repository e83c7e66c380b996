/**
 * The Wafer-Scale Cluster: several CS systems (one simulated wafer each) trained by weight
 * streaming. A cluster program ({@code cluster.json} plus the dense-layer CSL kernel) is
 * read by {@link org.waferscope.engine.cluster.ClusterJson}; {@link
 * org.waferscope.engine.cluster.WeightStreaming} runs each layer's forward and backward pass
 * as the kernel on every system's {@link org.waferscope.engine.cluster.CsSystem}, with
 * SwarmX (gradient sums) and MemoryX (optimizer) on the host; {@link
 * org.waferscope.engine.cluster.StepSchedule} turns a step's cycles and bytes into a
 * timeline of discrete events; {@link org.waferscope.engine.cluster.StepRun} runs a step a
 * few cycles or one layer phase at a time, for the explorer, ending as a step run whole;
 * {@link org.waferscope.engine.cluster.LayerPipelined} trains the same network on one
 * {@link org.waferscope.engine.cluster.PipelinedWafer}, a region per layer with its weights
 * resident, for contrast; {@link org.waferscope.engine.cluster.ReferenceTraining} is the
 * plain Java training the wafers must agree with.
 */
package org.waferscope.engine.cluster;
