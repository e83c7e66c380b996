package org.waferscope.engine.bench;

/**
 * The yardstick: a plain Java 5-point stencil over the wafer's grid with 64 bytes of state
 * per point (16 floats, each lane its own stencil), double-buffered, with a halo of zeros
 * so the inner loop has no branches. One sweep updates every point once. Rows are split
 * into bands over the given threads the same way the engine splits PEs, with a spin
 * barrier after each sweep.
 */
final class BareStencil implements AutoCloseable {
    static final int LANES = 16;

    final int width;
    final int height;
    private final int stride;
    private float[] cur;
    private float[] next;
    private final BandRunner runner;

    BareStencil(int width, int height, int threads) {
        this.width = width;
        this.height = height;
        this.stride = (width + 2) * LANES;
        this.cur = new float[(height + 2) * stride];
        this.next = new float[(height + 2) * stride];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int k = 0; k < LANES; k++) {
                    cur[(y + 1) * stride + (x + 1) * LANES + k] = x * 1000 + y + k;
                }
            }
        }
        this.runner = new BandRunner(threads, height, this::rows);
    }

    /** One update of every point. */
    void sweep() {
        runner.run();
        float[] t = cur;
        cur = next;
        next = t;
    }

    private void rows(int from, int to) {
        float[] c = cur;
        float[] n = next;
        int s = stride;
        for (int y = from + 1; y <= to; y++) {
            int row = y * s;
            for (int i = row + LANES, end = row + (width + 1) * LANES; i < end; i++) {
                n[i] = 0.2f * (c[i] + c[i - s] + c[i + s] + c[i - LANES] + c[i + LANES]);
            }
        }
    }

    /** A value that depends on the whole grid, so the JIT cannot drop the work. */
    float probe() {
        return cur[(height / 2 + 1) * stride + (width / 2 + 1) * LANES];
    }

    @Override
    public void close() {
        runner.close();
    }
}
