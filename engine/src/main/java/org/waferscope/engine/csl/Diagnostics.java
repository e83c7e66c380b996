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
    private int dropped;

    public void error(SourcePos pos, String message) {
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

    public List<Diagnostic> all() {
        return List.copyOf(list);
    }

    /** Throws a {@link ProgramLoadException} carrying every error, if there is any. */
    public void throwIfAny() throws ProgramLoadException {
        if (hasErrors()) {
            throw new ProgramLoadException(all(), dropped);
        }
    }
}
