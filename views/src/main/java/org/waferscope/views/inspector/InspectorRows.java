package org.waferscope.views.inspector;

/** The rows the inspector's tables show; plain values derived from a core snapshot. */
public final class InspectorRows {
    private InspectorRows() {
    }

    /** A name and its value as text (params, counters). */
    public record NameValue(String name, String value) {
    }

    /** An input or output queue: its binding, fill and contents. */
    public record QueueLine(String direction, int id, String color, String fill, String payloads) {
    }

    /** A color's route at the PE. */
    public record RouteLine(int color, String route, int position, String positions, boolean ring, String filter,
                            int buffered) {
    }

    /** An SRAM global and its value in the chosen format. */
    public record SymbolLine(String name, String type, String address, String exported, String value) {
    }
}
