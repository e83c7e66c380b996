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
     * In a data structure register loaded with {@code @load_to_dsr(r, d, .{ .async = true, ... })}:
     * the register carries what an asynchronous operation using it does when it finishes. The
     * task is in bits 22..27; {@link #FLAG_REGISTER_ACTIVATE} and {@link #FLAG_REGISTER_UNBLOCK}
     * say whether it is activated, unblocked or both.
     */
    public static final int FLAG_REGISTER_ASYNC = 1 << 21;
    public static final int FLAG_REGISTER_ACTIVATE = 1 << 28;
    public static final int FLAG_REGISTER_UNBLOCK = 1 << 29;
    private static final int REGISTER_TASK_SHIFT = 22;

    /** Word 0's bits for a register's completion task {@code id} (0..63), activated and/or unblocked. */
    public static int registerAsync(int id, boolean activate, boolean unblock) {
        return FLAG_REGISTER_ASYNC | ((id & 0x3F) << REGISTER_TASK_SHIFT)
                | (activate ? FLAG_REGISTER_ACTIVATE : 0) | (unblock ? FLAG_REGISTER_UNBLOCK : 0);
    }

    /** The completion task a register's word 0 names (meaningful with an activate or unblock flag). */
    public static int registerTask(int word0) {
        return (word0 >>> REGISTER_TASK_SHIFT) & 0x3F;
    }

    public static final int MAX_LENGTH = 65_535;

    /**
     * mem1d, bits 30..31: the size of the elements the stride counts (1: one byte, 2: two,
     * 3: four; 0: not known). A DSD rebased at run time onto a pointer to elements of another
     * size keeps its stride in elements, as the SDK's strides count elements.
     */
    private static final int ELEMENT_SHIFT = 30;

    public static int[] mem1d(int baseAddress, int length, int strideBytes) {
        return new int[] {MEM1D, baseAddress, length, strideBytes};
    }

    /** Word 0 saying that the stride counts elements of {@code bytes} (1, 2 or 4; else not known). */
    public static int withElementBytes(int word0, int bytes) {
        int code = bytes == 1 ? 1 : bytes == 2 ? 2 : bytes == 4 ? 3 : 0;
        return (word0 & ~(3 << ELEMENT_SHIFT)) | (code << ELEMENT_SHIFT);
    }

    /** The element size word 0 records, or 0 when not known. */
    public static int elementBytes(int word0) {
        int code = (word0 >>> ELEMENT_SHIFT) & 3;
        return code == 0 ? 0 : 1 << (code - 1);
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
