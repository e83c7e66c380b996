package org.waferscope.engine.cluster;

/**
 * What one training step did: its mean loss, and each system's kernel cycles per layer
 * for the forward and the backward pass ({@code [system][layer - 1]}), from the engine.
 */
public record StepRecord(int step, double loss, int[] samplesPerSystem, long[][] forwardCycles,
                         long[][] backwardCycles) {
    public int systems() {
        return forwardCycles.length;
    }
}
