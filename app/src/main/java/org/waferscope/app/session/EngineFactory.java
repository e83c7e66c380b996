package org.waferscope.app.session;

import org.waferscope.engine.api.SimulationHandle;

/** Starts a simulation engine; the app closes it when the window closes. */
@FunctionalInterface
public interface EngineFactory {
    /** A running engine: its handle, and how to stop it. */
    record Engine(SimulationHandle handle, AutoCloseable closer) {
    }

    Engine start();
}
