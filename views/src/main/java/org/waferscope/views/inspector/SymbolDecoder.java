package org.waferscope.views.inspector;

import java.util.Locale;
import java.util.StringJoiner;
import org.waferscope.engine.api.CoreSnapshot.SymbolValue;
import org.waferscope.engine.arch.ElementType;

/**
 * Turns a symbol's little-endian bytes into text: as numbers of its own type (FLOAT: floats
 * as floats, integers as integers), as integers (a float's raw bits read as a signed int)
 * or as hex words of the type's width. Long arrays are cut after a number of elements.
 */
public final class SymbolDecoder {
    private SymbolDecoder() {
    }

    public static String format(SymbolValue s, SymbolFormat f, int maxElements) {
        ElementType t = s.type();
        int n = s.bytes().length / t.bytes;
        if (n == 0) {
            return "";
        }
        StringJoiner out = new StringJoiner(", ", n > 1 ? "[" : "", n > 1 ? "]" : "");
        int shown = Math.min(n, maxElements);
        for (int i = 0; i < shown; i++) {
            out.add(element(bits(s.bytes(), i * t.bytes, t.bytes), t, f));
        }
        if (shown < n) {
            out.add("… +" + (n - shown) + " more");
        }
        return out.toString();
    }

    /** How many elements of its type the symbol's bytes hold. */
    public static int count(SymbolValue s) {
        return s.bytes().length / s.type().bytes;
    }

    /** Element {@code i} as text in format {@code f}. */
    public static String element(SymbolValue s, int i, SymbolFormat f) {
        return element(bits(s.bytes(), i * s.type().bytes, s.type().bytes), s.type(), f);
    }

    /** Element {@code i} as a number (for reductions); integers exactly, f16 widened. */
    public static double number(SymbolValue s, int i) {
        ElementType t = s.type();
        int raw = bits(s.bytes(), i * t.bytes, t.bytes);
        if (t.isFloat) {
            return t.bytes == 2 ? halfToFloat(raw) : Float.intBitsToFloat(raw);
        }
        return integer(raw, t);
    }

    /** Whether element {@code i} differs between two versions of a symbol (false past either's end). */
    public static boolean differs(SymbolValue a, SymbolValue b, int i) {
        int w = a.type().bytes;
        int off = i * w;
        if (b == null || b.type() != a.type() || off + w > a.bytes().length || off + w > b.bytes().length) {
            return false;
        }
        for (int k = 0; k < w; k++) {
            if (a.bytes()[off + k] != b.bytes()[off + k]) {
                return true;
            }
        }
        return false;
    }

    /** Element {@code i}'s bits, zero-extended from the type's width. */
    static int bits(byte[] b, int off, int width) {
        int v = 0;
        for (int k = width - 1; k >= 0; k--) {
            v = (v << 8) | (b[off + k] & 0xFF);
        }
        return v;
    }

    static String element(int raw, ElementType t, SymbolFormat f) {
        return switch (f) {
            case HEX -> String.format(Locale.ROOT, "0x%0" + (t.bytes * 2) + "X", raw);
            case INT -> Long.toString(integer(raw, t.isFloat ? (t.bytes == 4 ? ElementType.I32 : ElementType.I16) : t));
            case FLOAT -> t.isFloat ? floatText(t.bytes == 2 ? halfToFloat(raw) : Float.intBitsToFloat(raw))
                    : Long.toString(integer(raw, t));
        };
    }

    static long integer(int raw, ElementType t) {
        return switch (t) {
            case I8 -> (byte) raw;
            case I16 -> (short) raw;
            case U16 -> raw & 0xFFFF;
            case U8, BOOL -> raw & 0xFF;
            case I32 -> raw;
            case U32 -> raw & 0xFFFFFFFFL;
            default -> raw;
        };
    }

    static String floatText(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return Float.toString(v);
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 1024f * (float) Math.pow(2, -14);
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }
}
