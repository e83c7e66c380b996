package org.waferscope.engine.fabric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.waferscope.engine.arch.ElementType;
import org.waferscope.engine.arch.Half;

/**
 * Typed little-endian access to a PE's SRAM (a byte array per PE), in register form:
 * 16-bit integers extended, f16 widened to f32 bits.
 *
 * <p>The {@code ...Inside} forms are for addresses the caller has proven inside the array and
 * aligned (a decoded op's, {@link DecodedOps#PROVEN}; an element {@link DsdExecutor} has just
 * checked; a frame slot the interpreter has compared with the program's SRAM size). They skip
 * the bounds check, and with it the read of the array's length: on a full wafer that length
 * lies on a cache line of its own for most accesses (the array's header), one more miss per
 * PE-cycle for nothing. They go through {@code sun.misc.Unsafe}, which holds the native byte
 * order; where that is not little-endian they fall back on the checked forms.
 */
public final class Sram {
    private Sram() {
    }

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static final long BYTES = UNSAFE == null ? 0 : UNSAFE.arrayBaseOffset(byte[].class);
    /** Whether the unchecked forms may use {@link #UNSAFE}: it reads and writes in the machine's order. */
    private static final boolean DIRECT = UNSAFE != null && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private static sun.misc.Unsafe unsafe() {
        try {
            java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // the checked forms serve
        }
    }

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

    /** {@link #readInt} of an address proven inside {@code m} and aligned: unchecked. */
    static int readIntInside(byte[] m, int addr) {
        return DIRECT ? UNSAFE.getInt(m, BYTES + addr) : readInt(m, addr);
    }

    /** {@link #writeInt} to an address proven inside {@code m} and aligned: unchecked. */
    static void writeIntInside(byte[] m, int addr, int v) {
        if (DIRECT) {
            UNSAFE.putInt(m, BYTES + addr, v);
        } else {
            writeInt(m, addr, v);
        }
    }

    /**
     * {@link #readInt} where the caller knows {@code m}'s length without reading it ({@code length},
     * the PE's program's SRAM size, {@link ProgramTables#sramBytes}): unchecked when the address
     * lies inside and aligned, else the checked form, which throws as it always has.
     */
    static int readIntWithin(byte[] m, int length, int addr) {
        return addr >= 0 && addr <= length - 4 && (addr & 3) == 0 ? readIntInside(m, addr) : readInt(m, addr);
    }

    /** {@link #writeInt} as {@link #readIntWithin} reads. */
    static void writeIntWithin(byte[] m, int length, int addr, int v) {
        if (addr >= 0 && addr <= length - 4 && (addr & 3) == 0) {
            writeIntInside(m, addr, v);
        } else {
            writeInt(m, addr, v);
        }
    }

    /** {@link #read} of an address proven inside {@code m} and aligned: unchecked for 32-bit types. */
    static int readInside(byte[] m, int addr, ElementType t) {
        return t.bytes == 4 ? readIntInside(m, addr) : read(m, addr, t);
    }

    /** {@link #write} to an address proven inside {@code m} and aligned: unchecked for 32-bit types. */
    static void writeInside(byte[] m, int addr, ElementType t, int v) {
        if (t.bytes == 4) {
            writeIntInside(m, addr, v);
        } else {
            write(m, addr, t, v);
        }
    }

    /** True when [addr, addr+bytes) lies inside the SRAM and is aligned for the access. */
    public static boolean inside(byte[] m, int addr, int bytes) {
        return addr >= 0 && addr <= m.length - bytes && (addr & (Math.min(bytes, 4) - 1)) == 0;
    }
}
