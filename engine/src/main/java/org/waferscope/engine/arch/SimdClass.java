package org.waferscope.engine.arch;

/**
 * Classes of DSD operations that share a vector width (elements per cycle), after the SIMD
 * table in WAFER-MODEL.md. A profile gives the width of each class.
 */
public enum SimdClass {
    FP16_FMA("fp16 multiply-add"),
    FP16_ELEMENTWISE("fp16 elementwise"),
    FP32_ADD_SUB_MOVE("fp32 add, sub, move"),
    INT16("16-bit integer"),
    MOVE32("32-bit move"),
    FP32_MULTIPLY("fp32 multiply and multiply-add");

    public final String label;

    SimdClass(String label) {
        this.label = label;
    }
}
