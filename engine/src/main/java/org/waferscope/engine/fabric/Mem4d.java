package org.waferscope.engine.fabric;

/**
 * Element addresses of a {@code mem4d_dsd}: its shape lives in SRAM (see
 * {@link org.waferscope.engine.ir.Dsd#MEM4D}), so a DSD register still holds four words.
 */
final class Mem4d {
    private Mem4d() {
    }

    /** The byte offset from the base of element {@code i}, the last dimension varying fastest. */
    static int offset(byte[] m, int shape, int i) {
        if (!Sram.inside(m, shape, 4)) {
            throw new MachineFault(String.format("a mem4d_dsd's shape at 0x%X is outside this PE's memory", shape));
        }
        int dims = Sram.readInt(m, shape);
        if (dims < 1 || dims > 4 || !Sram.inside(m, shape, 4 + 8 * dims)) {
            throw new MachineFault(String.format("the mem4d_dsd shape at 0x%X is damaged", shape));
        }
        int offset = 0;
        int rest = i;
        for (int d = dims - 1; d >= 0; d--) {
            int extent = Sram.readInt(m, shape + 4 + 8 * d);
            int stride = Sram.readInt(m, shape + 8 + 8 * d);
            if (extent < 1) {
                throw new MachineFault(String.format("the mem4d_dsd shape at 0x%X has an empty dimension", shape));
            }
            offset += (rest % extent) * stride;
            rest /= extent;
        }
        return offset;
    }
}
