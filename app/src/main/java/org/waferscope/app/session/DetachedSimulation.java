package org.waferscope.app.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.CoreSnapshot;
import org.waferscope.engine.api.Frame;
import org.waferscope.engine.api.SimulationHandle;

/**
 * The handle used when this build has no simulation engine: it shows an empty fabric,
 * says so once in the console, and ignores commands. It simulates nothing.
 */
public final class DetachedSimulation implements SimulationHandle {
    private static final List<ConsoleLine> NOTE = List.of(new ConsoleLine(0, 0, ConsoleLine.Kind.WARNING, -1, -1,
            "This build has no simulation engine: programs cannot be run."));
    private final Frame empty = Frame.empty();

    @Override
    public void post(Command command) {
        // Nothing to drive.
    }

    @Override
    public Frame latestFrame() {
        return empty;
    }

    @Override
    public List<ConsoleLine> console(long from, int max) {
        return from == 0 ? NOTE : List.of();
    }

    @Override
    public CompletableFuture<CoreSnapshot> inspect(int x, int y) {
        return CompletableFuture.failedFuture(new IllegalStateException("no engine"));
    }
}
