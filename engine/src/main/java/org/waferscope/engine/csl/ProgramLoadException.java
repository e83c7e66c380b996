package org.waferscope.engine.csl;

import java.util.List;
import java.util.stream.Collectors;

/** A program folder could not be loaded; carries every problem found, in the order found. */
public final class ProgramLoadException extends Exception {
    private final transient List<Diagnostic> diagnostics;
    private final int dropped;
    private final boolean internal;

    public ProgramLoadException(List<Diagnostic> diagnostics, int dropped) {
        this(diagnostics, dropped, false);
    }

    private ProgramLoadException(List<Diagnostic> diagnostics, int dropped, boolean internal) {
        super(render(diagnostics, dropped));
        this.diagnostics = List.copyOf(diagnostics);
        this.dropped = dropped;
        this.internal = internal;
    }

    /** The loader itself broke on this program (a bug to report), rather than finding it wrong. */
    public static ProgramLoadException internal(Diagnostic cause) {
        return new ProgramLoadException(List.of(cause), 0, true);
    }

    /** True when the loader broke (see {@link #internal(Diagnostic)}), not the program. */
    public boolean isInternal() {
        return internal;
    }

    public ProgramLoadException(Diagnostic single) {
        this(List.of(single), 0);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Errors found beyond {@link Diagnostics#LIMIT} and not kept. */
    public int dropped() {
        return dropped;
    }

    private static String render(List<Diagnostic> ds, int dropped) {
        String s = ds.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
        return dropped > 0 ? s + "\n... and " + dropped + " more errors" : s;
    }
}
