package org.waferscope.engine.ir;

/**
 * A data structure descriptor as it is held in a frame or constant: four 32-bit words.
 *
 * <ul>
 *   <li>word 0: kind (bits 0..3), queue id (bits 4..7), color (bits 8..15), flags (16..)</li>
 *   <li>word 1: base byte address (memory DSDs)</li>
 *   <li>word 2: length in elements (extent), at most 65,535</li>
 *   <li>word 3: stride in bytes between elements (memory DSDs; signed)</li>
 * </ul>
 * A FIFO DSD ({@link #FIFO}) is a ring buffer in SRAM that vector operations push into
 * (as destination) and pop from (as source): word 1 the buffer's byte address, word 2 its
 * capacity in elements, word 3 the address of its 8-byte header (head index, count), which
 * lives in SRAM too so that snapshots and hashes cover it. Reading an empty FIFO or
 * writing a full one stalls like a fabric operand.
 *
 * <p>Addresses and strides are in bytes, so the front end folds an affine
 * {@code tensor_access} such as {@code |i|{n} -> A[i*M + k]} into base = &A + k*size and
 * stride = M*size, and the engine never needs the array's element type.
 */
public final class Dsd {
    private Dsd() {
    }

    public static final int WORDS = 4;

    public static final int MEM1D = 1;
    public static final int FABIN = 2;
    public static final int FABOUT = 3;
    public static final int FIFO = 4;
    /**
     * A memory DSD over up to four dimensions ({@code mem4d_dsd}): word 1 the base byte address,
     * word 2 the number of elements (the product of the extents), word 3 the address of its shape
     * in SRAM: the count of dimensions, then each dimension's extent and byte stride, outermost
     * first (the last dimension varies fastest).
     */
    public static final int MEM4D = 5;

    /** fabout: the wavelets sent carry the control bit. */
    public static final int FLAG_CONTROL = 1 << 16;
    /** fabout: after the last wavelet, advance the color's switch position. */
    public static final int FLAG_ADVANCE_SWITCH = 1 << 17;
    /** fabout: stamp each wavelet's element index into the payload's high 16 bits. */
    public static final int FLAG_STAMP_INDEX = 1 << 18;
    /**
     * mem1d ({@code .wavelet_index_offset = true}): an operation given {@code .index = i} reads
     * this DSD from i elements further on. The compiler applies it; the engine ignores the bit.
     */
    public static final int FLAG_INDEX_OFFSET = 1 << 19;
    /**
     * In a data structure register ({@code @load_to_dsr(..., .{ .save_address = true })}): after
     * each operation the register's base moves past the elements it used. Compiler-applied.
     */
    public static final int FLAG_SAVE_ADDRESS = 1 << 20;

    /**
     * mem1d: its elements are 4 bytes wide (else 2). The engine ignores the bit; the compiler's
     * run-time {@code @set_dsd_stride}, which counts in elements, reads it.
     */
    public static final int FLAG_WIDE_ELEMENTS = 1 << 21;

    public static final int MAX_LENGTH = 65_535;

    public static int[] mem1d(int baseAddress, int length, int strideBytes) {
        return new int[] {MEM1D, baseAddress, length, strideBytes};
    }

    public static int[] mem4d(int baseAddress, int length, int shapeAddress) {
        return new int[] {MEM4D, baseAddress, length, shapeAddress};
    }

    /** Whether a DSD of kind {@code kind} walks memory (mem1d or mem4d). */
    public static boolean isMemory(int kind) {
        return kind == MEM1D || kind == MEM4D;
    }

    public static int[] fabin(int color, int queue, int length) {
        return new int[] {FABIN | (queue << 4) | (color << 8), 0, length, 0};
    }

    public static int[] fabout(int color, int queue, int length, int flags) {
        return new int[] {FABOUT | (queue << 4) | (color << 8) | flags, 0, length, 0};
    }

    public static int[] fifo(int bufferAddress, int capacity, int headerAddress) {
        return new int[] {FIFO, bufferAddress, capacity, headerAddress};
    }

    public static int kind(int word0) {
        return word0 & 0xF;
    }

    public static int queue(int word0) {
        return (word0 >>> 4) & 0xF;
    }

    public static int color(int word0) {
        return (word0 >>> 8) & 0xFF;
    }

    public static boolean has(int word0, int flag) {
        return (word0 & flag) != 0;
    }

    public static String describe(int w0, int w1, int w2, int w3) {
        return switch (kind(w0)) {
            case MEM1D -> "mem1d_dsd{base=0x" + Integer.toHexString(w1) + ", length=" + w2 + ", stride=" + w3 + "B}";
            case FABIN -> "fabin_dsd{color=" + color(w0) + ", queue=" + queue(w0) + ", length=" + w2 + "}";
            case FABOUT -> "fabout_dsd{color=" + color(w0) + ", queue=" + queue(w0) + ", length=" + w2
                    + (has(w0, FLAG_CONTROL) ? ", control" : "") + "}";
            case FIFO -> "fifo{buffer=0x" + Integer.toHexString(w1) + ", capacity=" + w2 + "}";
            case MEM4D -> "mem4d_dsd{base=0x" + Integer.toHexString(w1) + ", length=" + w2 + ", shape at 0x"
                    + Integer.toHexString(w3) + "}";
            default -> "dsd?" + w0;
        };
    }
}
