package org.waferscope.engine.ir;

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
}
