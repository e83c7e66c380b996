package org.waferscope.views.inspector;

/** How SRAM symbol values are shown. */
public enum SymbolFormat {
    FLOAT("float"), INT("int"), HEX("hex");

    public final String label;

    SymbolFormat(String label) {
        this.label = label;
    }
}
