package org.waferscope.engine.api;

import org.waferscope.engine.arch.ElementType;

/**
 * A program global the value layer can show: its name, type and shape, and on how many
 * PEs it lives.
 */
public record ValueSymbol(String name, ElementType type, int length, int[] dims, int pes) {
    /** "T  [36]f32 · 64 PEs", for the layer's symbol list. */
    public String describe() {
        StringBuilder shape = new StringBuilder();
        for (int d : dims) {
            shape.append('[').append(d).append(']');
        }
        return name + "  " + shape + type.cslName() + " · " + pes + (pes == 1 ? " PE" : " PEs");
    }

    public boolean isArray() {
        return length > 1;
    }
}
