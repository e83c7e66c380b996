package org.waferscope.engine.cluster;

/**
 * Where a layer PE keeps things in its SRAM: every layer's activations for its {@code bp}
 * samples, sample-major, each sample's row ending in a 1 (the next layer's bias input);
 * two activation-gradient buffers used in turn going down the layers, rows of the same
 * stride; room for the largest layer's weight-gradient share; and a buffer for one
 * streamed row or column of weights.
 *
 * @param bp     samples per PE
 * @param units  units[0] is the input width, units[l] layer l's width
 */
record SramPlan(int bp, int[] units) {
    SramPlan {
        units = units.clone();
    }

    int layers() {
        return units.length - 1;
    }

    /** Offset (floats) of block l in {@code act}: l = 0 is the input. */
    int actOffset(int l) {
        int off = 0;
        for (int j = 0; j < l; j++) {
            off += (units[j] + 1) * bp;
        }
        return off;
    }

    int actLength() {
        return actOffset(units.length);
    }

    private int widest() {
        int w = 0;
        for (int u : units) {
            w = Math.max(w, u);
        }
        return w;
    }

    /** Offset (floats) in {@code grad} of the buffer holding dZ of layer l (1-based); dX goes in the other. */
    int gradOffset(int l, boolean dx) {
        int buffer = ((layers() - l) + (dx ? 1 : 0)) % 2;
        return buffer * (widest() + 1) * bp;
    }

    int gradLength() {
        return 2 * (widest() + 1) * bp;
    }

    /** Floats of layer l's weights with their bias column: units[l] x (units[l-1] + 1). */
    int weights(int l) {
        return units[l] * (units[l - 1] + 1);
    }

    int dwLength() {
        int n = 0;
        for (int l = 1; l < units.length; l++) {
            n = Math.max(n, weights(l));
        }
        return n;
    }

    /** Floats of the longest weight column (M) or row (K + 1) that streams in. */
    int wbufLength() {
        int n = 0;
        for (int l = 1; l < units.length; l++) {
            n = Math.max(n, Math.max(units[l], units[l - 1] + 1));
        }
        return n;
    }

    /** Floats of SRAM the layer PE's data takes. */
    int floatsPerPe() {
        return actLength() + gradLength() + dwLength() + wbufLength() + 8;
    }

    /** The layer descriptor the kernel reads from {@code desc} before a pass. */
    int[] descriptor(int l, boolean relu, boolean wantDx) {
        return new int[] {actOffset(l - 1), actOffset(l), units[l - 1] + 1, units[l], relu ? 1 : 0,
            gradOffset(l, false), gradOffset(l, true), wantDx ? 1 : 0};
    }
}
