package org.waferscope.engine.values;

import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;

/** Reads one element of a given type from a PE's SRAM bytes (little-endian, as the machine stores them). */
final class SramReader {
    private SramReader() {
    }

    static float read(byte[] m, int addr, ElementType t) {
        return switch (t) {
            case F32 -> Float.intBitsToFloat(word(m, addr));
            case I32 -> word(m, addr);
            case U32 -> word(m, addr) & 0xFFFFFFFFL;
            case F16 -> Half.toFloat((short) half(m, addr));
            case I16 -> (short) half(m, addr);
            case U16 -> half(m, addr);
            case I8 -> m[addr];
            case U8, BOOL -> m[addr] & 0xFF;
        };
    }

    private static int half(byte[] m, int a) {
        return (m[a] & 0xFF) | (m[a + 1] & 0xFF) << 8;
    }

    private static int word(byte[] m, int a) {
        return (m[a] & 0xFF) | (m[a + 1] & 0xFF) << 8 | (m[a + 2] & 0xFF) << 16 | (m[a + 3] & 0xFF) << 24;
    }
}
