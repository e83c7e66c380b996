package org.waferscope.views.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.CoreSnapshot.SymbolValue;
import org.waferscope.engine.arch.ElementType;

class SymbolDecoderTest {
    private static SymbolValue sym(ElementType t, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new SymbolValue("s", t, new int[0], 0, null, b);
    }

    @Test
    void decodesEachTypeLittleEndian() {
        assertEquals("-2", SymbolDecoder.format(sym(ElementType.I16, 0xFE, 0xFF), SymbolFormat.FLOAT, 8));
        assertEquals("65534", SymbolDecoder.format(sym(ElementType.U16, 0xFE, 0xFF), SymbolFormat.FLOAT, 8));
        assertEquals("4294967295", SymbolDecoder.format(sym(ElementType.U32, 0xFF, 0xFF, 0xFF, 0xFF), SymbolFormat.INT, 8));
        assertEquals("0xFFFE", SymbolDecoder.format(sym(ElementType.I16, 0xFE, 0xFF), SymbolFormat.HEX, 8));
        // f16 1.0 is 0x3C00; -2.5 is 0xC100
        assertEquals("[1.0, -2.5]", SymbolDecoder.format(sym(ElementType.F16, 0x00, 0x3C, 0x00, 0xC1), SymbolFormat.FLOAT, 8));
    }

    @Test
    void longArraysAreCut() {
        assertEquals("[0, 0, … +2 more]", SymbolDecoder.format(sym(ElementType.U8, 0, 0, 0, 0), SymbolFormat.INT, 2));
    }

    @Test
    void halfPrecisionEdgeCases() {
        assertEquals(Float.POSITIVE_INFINITY, SymbolDecoder.halfToFloat(0x7C00));
        assertEquals(5.9604645e-8f, SymbolDecoder.halfToFloat(0x0001), 1e-12);
        assertEquals(65504f, SymbolDecoder.halfToFloat(0x7BFF));
    }
}
