package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;

/**
 * Typed little-endian access to a PE's SRAM (a byte array per PE), in register form:
 * 16-bit integers extended, f16 widened to f32 bits.
 */
public final class Sram {
    private Sram() {
    }

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    public static int readInt(byte[] m, int addr) {
        return (int) INT.get(m, addr);
    }

    public static void writeInt(byte[] m, int addr, int v) {
        INT.set(m, addr, v);
    }

    /** Reads a value of type {@code t} at {@code addr}, in register form. */
    public static int read(byte[] m, int addr, ElementType t) {
        return switch (t) {
            case I32, U32, F32 -> (int) INT.get(m, addr);
            case I16 -> (short) SHORT.get(m, addr);
            case U16 -> ((short) SHORT.get(m, addr)) & 0xFFFF;
            case F16 -> Float.floatToRawIntBits(Half.toFloat((short) SHORT.get(m, addr)));
            case I8 -> m[addr];
            case U8, BOOL -> m[addr] & 0xFF;
        };
    }

    /** Writes register-form value {@code v} as type {@code t} at {@code addr}. */
    public static void write(byte[] m, int addr, ElementType t, int v) {
        switch (t) {
            case I32, U32, F32 -> INT.set(m, addr, v);
            case I16, U16 -> SHORT.set(m, addr, (short) v);
            case F16 -> SHORT.set(m, addr, Half.fromFloat(Float.intBitsToFloat(v)));
            case I8, U8 -> m[addr] = (byte) v;
            case BOOL -> m[addr] = (byte) (v != 0 ? 1 : 0);
        }
    }

    /** True when [addr, addr+bytes) lies inside the SRAM and is aligned for the access. */
    public static boolean inside(byte[] m, int addr, int bytes) {
        return addr >= 0 && addr <= m.length - bytes && (addr & (Math.min(bytes, 4) - 1)) == 0;
    }
}
