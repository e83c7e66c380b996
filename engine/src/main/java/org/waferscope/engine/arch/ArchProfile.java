package org.waferscope.engine.arch;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One generation of the wafer as data: sizes, queue depths, vector widths and timing.
 * The engine reads every machine parameter from here; there are no branches on the
 * generation's name. Figures are those of WAFER-MODEL.md; where the public record is
 * silent the value is our documented default and says so in {@link #defaults()}.
 *
 * @param name               the architecture name used by {@code @is_arch} ("wse2", "wse3")
 * @param fabricWidth        PEs across the fabric as the SDK sees it
 * @param fabricHeight       PEs down the fabric as the SDK sees it
 * @param sramBytes          SRAM per PE, code and data together
 * @param colors             routable colors (virtual channels) per link
 * @param taskIds            task ids per CE
 * @param inputQueueDepths   depth in wavelets of each CE input queue
 * @param outputQueueDepths  depth in wavelets of each CE output queue
 * @param microthreads       async DSD operations that may run beside the tasks
 * @param hopCycles          cycles for a wavelet to go from one router's buffer to the next
 * @param routerBufferDepth  wavelets each router input buffer (per color and port) holds
 * @param clockHz            clock used to turn cycles into time
 * @param codeBytesPerInstruction SRAM charged for each instruction of compiled code
 * @param dataTasksBindToQueues true where data tasks bind to input queues (WSE-3), false
 *                           where they bind to colors (WSE-2)
 * @param simdWidths         elements per cycle for each class of DSD operation
 * @param reservedTaskIds    ids the host-copy machinery owns; programs may not bind them
 */
public record ArchProfile(
        String name,
        int fabricWidth,
        int fabricHeight,
        int sramBytes,
        int colors,
        int taskIds,
        List<Integer> inputQueueDepths,
        List<Integer> outputQueueDepths,
        int microthreads,
        int hopCycles,
        int routerBufferDepth,
        double clockHz,
        int codeBytesPerInstruction,
        boolean dataTasksBindToQueues,
        Map<SimdClass, Integer> simdWidths,
        List<Integer> reservedTaskIds) {

    public ArchProfile {
        inputQueueDepths = List.copyOf(inputQueueDepths);
        outputQueueDepths = List.copyOf(outputQueueDepths);
        simdWidths = Map.copyOf(simdWidths);
        reservedTaskIds = List.copyOf(reservedTaskIds);
        if (hopCycles < 1 || routerBufferDepth < 1 || colors < 1 || colors > 32) {
            throw new IllegalArgumentException("profile " + name + " has impossible timing or colors");
        }
        for (SimdClass c : SimdClass.values()) {
            // a vector op's busy cycles are its length over its class's width
            Integer width = simdWidths.get(c);
            if (width == null || width < 1) {
                throw new IllegalArgumentException("profile " + name + " gives no SIMD width of at least 1 for "
                        + c.label);
            }
        }
        if (hopCycles > 2) {
            // the fabric keeps one arrival cycle per buffer, which is exact for hops of 1 or 2 cycles
            throw new IllegalArgumentException("profile " + name + ": hops of " + hopCycles
                    + " cycles are not modelled (1 or 2)");
        }
    }

    private static final List<Integer> RESERVED = List.of(21, 22, 23, 27, 28, 29, 30, 31);

    /** The CS-2's wafer: the default profile. */
    public static final ArchProfile WSE2 = new ArchProfile("wse2", 757, 996, 48 * 1024, 24, 64,
            List.of(6, 6, 4, 4, 2, 2, 2, 2), List.of(2, 2, 6, 6, 2, 2), 8, 2, 3, 0.85e9, 8, false,
            widths(4, 4, 2, 4, 2, 1), RESERVED);

    /** The CS-3's wafer. */
    public static final ArchProfile WSE3 = new ArchProfile("wse3", 762, 1172, 48 * 1024, 24, 64,
            List.of(8, 8, 4, 4, 4, 4, 4, 4), List.of(8, 8, 8, 8, 8, 8, 8, 8), 8, 2, 3, 0.85e9, 8, true,
            widths(8, 8, 4, 8, 4, 1), RESERVED);

    public static List<ArchProfile> all() {
        return List.of(WSE2, WSE3);
    }

    /** Looks a profile up by its architecture name, as given to {@code --arch}. */
    public static ArchProfile byName(String name) {
        for (ArchProfile p : all()) {
            if (p.name.equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "': expected wse2 or wse3");
    }

    public int inputQueues() {
        return inputQueueDepths.size();
    }

    public int outputQueues() {
        return outputQueueDepths.size();
    }

    public int simdWidth(SimdClass c) {
        return simdWidths.get(c);
    }

    /** Simulated seconds for a number of cycles at this profile's clock. */
    public double seconds(long cycles) {
        return cycles / clockHz;
    }

    /**
     * The choices this profile makes where the public record is silent, in words for the
     * UI and the README.
     */
    public List<String> defaults() {
        return List.of(
                hopCycles + " cycles per hop, end to end (router + link)",
                routerBufferDepth + " wavelets buffered per color per router input port",
                "task picker: round-robin over the activated, unblocked task ids, from the one after the last started",
                "one scalar instruction per cycle; a task switch costs one cycle",
                codeBytesPerInstruction + " bytes of SRAM per compiled instruction",
                "host copies (copy mode) take no simulated cycles; one after a launch waits for the kernel to settle",
                "the memcpy path to the host holds 4 wavelets per PE before a stream out collects them");
    }

    private static Map<SimdClass, Integer> widths(int fp16Fma, int fp16Elem, int fp32AddMove, int int16,
                                                  int move32, int fp32Mul) {
        Map<SimdClass, Integer> m = new EnumMap<>(SimdClass.class);
        m.put(SimdClass.FP16_FMA, fp16Fma);
        m.put(SimdClass.FP16_ELEMENTWISE, fp16Elem);
        m.put(SimdClass.FP32_ADD_SUB_MOVE, fp32AddMove);
        m.put(SimdClass.INT16, int16);
        m.put(SimdClass.MOVE32, move32);
        m.put(SimdClass.FP32_MULTIPLY, fp32Mul);
        return m;
    }
}
