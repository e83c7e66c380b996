package org.waferscope.engine.ir;

import java.util.Objects;
import org.waferscope.engine.arch.ElementType;

/**
 * A named global in a PE's SRAM, for host copies and the inspector.
 *
 * @param name     the CSL name
 * @param address  byte address of element 0
 * @param type     element type
 * @param length   number of elements (1 for a scalar)
 * @param dims     the declared shape, e.g. {4, 8} for {@code [4, 8]f32}; {} for a scalar
 * @param exported name under which the host sees it, or null
 * @param mutable  whether the host may write it
 * @param pos      where it is declared
 */
public record Symbol(String name, int address, ElementType type, int length, int[] dims,
                     String exported, boolean mutable, SourcePos pos) {
    public int bytes() {
        return length * type.bytes;
    }

    // written out, as csl.value.Value's are: the generated ones spin classes in a cold JVM; dims
    // compares by reference, as the generated equals compares an array component
    @Override
    public boolean equals(Object o) {
        return o instanceof Symbol s && Objects.equals(s.name, name) && s.address == address && s.type == type
                && s.length == length && s.dims == dims && Objects.equals(s.exported, exported) && s.mutable == mutable
                && Objects.equals(s.pos, pos);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(name) * 31 + address;
        h = (h * 31 + Objects.hashCode(type)) * 31 + length;
        h = (h * 31 + Objects.hashCode(dims)) * 31 + Objects.hashCode(exported);
        return (h * 31 + Boolean.hashCode(mutable)) * 31 + Objects.hashCode(pos);
    }
}
