package org.waferscope.engine.csl;

import java.util.List;
import java.util.stream.Collectors;

/** A program folder could not be loaded; carries every problem found, in the order found. */
public final class ProgramLoadException extends Exception {
    private final transient List<Diagnostic> diagnostics;
    private final int dropped;

    public ProgramLoadException(List<Diagnostic> diagnostics, int dropped) {
        super(render(diagnostics, dropped));
        this.diagnostics = List.copyOf(diagnostics);
        this.dropped = dropped;
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
