package org.waferscope.app.session;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.waferscope.engine.api.SimulationHandle;
import org.waferscope.engine.program.WaferProgram;

/** Starts a simulation engine; the app closes it when the window closes. */
@FunctionalInterface
public interface EngineFactory {
    /**
     * A running engine: its handle, how a loaded program is put on its wafer (the command
     * set has no load: programs come from the app's front end; the stage fails when the
     * machine refuses the program), and how to stop it.
     */
    record Engine(SimulationHandle handle, Function<WaferProgram, CompletionStage<?>> loader, AutoCloseable closer) {
    }

    Engine start();
}
