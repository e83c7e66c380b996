package org.waferscope.engine.csl;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.ir.SourcePos;

/**
 * Collects the problems of one load. A load goes on after an error where it can, so that a
 * user sees several problems at once; past {@link #LIMIT} errors the rest are counted but
 * not kept, so a hostile folder cannot fill memory with messages.
 */
public final class Diagnostics {
    public static final int LIMIT = 100;

    private final List<Diagnostic> list = new ArrayList<>();
    private final java.util.Set<Diagnostic> seen = new java.util.HashSet<>();
    private int dropped;

    /**
     * Records a problem. The same message at the same place is kept once (a PE program
     * compiled for several sets of params would otherwise report its error for each).
     */
    public void error(SourcePos pos, String message) {
        if (!seen.add(new Diagnostic(pos, message))) {
            return;
        }
        if (list.size() < LIMIT) {
            list.add(new Diagnostic(pos, message));
        } else {
            dropped++;
        }
    }

    public void addAll(List<Diagnostic> more) {
        for (Diagnostic d : more) {
            error(d.pos(), d.message());
        }
    }

    public boolean hasErrors() {
        return !list.isEmpty();
    }

    public int count() {
        return list.size() + dropped;
    }

    /** True once so many errors are known that going on would only add noise. */
    public boolean full() {
        return list.size() >= LIMIT;
    }

    /**
     * Every problem kept, in source order: files in the order their first problem was
     * found, and within a file by line and column ("... and N more" summaries last).
     */
    public List<Diagnostic> all() {
        java.util.Map<String, Integer> fileOrder = new java.util.HashMap<>();
        for (Diagnostic d : list) {
            fileOrder.putIfAbsent(d.pos().file(), fileOrder.size());
        }
        List<Diagnostic> sorted = new ArrayList<>(list);
        sorted.sort(java.util.Comparator.<Diagnostic>comparingInt(d -> fileOrder.get(d.pos().file()))
                .thenComparing(d -> d.message().startsWith("... and "))
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column()));
        return List.copyOf(sorted);
    }

    /** Throws a {@link ProgramLoadException} carrying every error, if there is any. */
    public void throwIfAny() throws ProgramLoadException {
        if (hasErrors()) {
            throw new ProgramLoadException(all(), dropped);
        }
    }
}
