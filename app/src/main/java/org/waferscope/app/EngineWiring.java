package org.waferscope.app;

import org.waferscope.app.session.EngineFactory;
import org.waferscope.app.session.FolderLoader;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.sim.Simulator;

/**
 * Which engine and which front end the explorer runs on: the one place that names
 * concrete engine classes.
 */
final class EngineWiring {
    private EngineWiring() {
    }

    /**
     * The simulator on its own thread, with one worker per core but one: that core is left
     * to the FX thread, so a busy full wafer never makes the window sluggish.
     */
    static EngineFactory engines() {
        return () -> {
            Simulator sim = new Simulator(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            sim.start();
            return new EngineFactory.Engine(sim, sim::load, sim);
        };
    }

    /** The CSL front end; its failures list every problem as file:line:col. */
    static FolderLoader programs() {
        return programs(java.util.Map.of());
    }

    /**
     * The front end with layout params (from {@code --param}) that override the run.json of
     * the program opened at start only: another sample opened later declares other params,
     * and would be refused for a param it does not have. Params given with a load (the
     * parameters dialog) always apply.
     */
    static FolderLoader programs(java.util.Map<String, String> startParams) {
        java.util.concurrent.atomic.AtomicBoolean used = new java.util.concurrent.atomic.AtomicBoolean();
        return new FolderLoader() {
            @Override
            public org.waferscope.engine.program.WaferProgram load(java.nio.file.Path folder,
                    java.util.Map<String, String> params) throws Exception {
                return load(folder, params, null);
            }

            @Override
            public org.waferscope.engine.program.WaferProgram load(java.nio.file.Path folder,
                    java.util.Map<String, String> params, org.waferscope.engine.program.SdkChoice build) throws Exception {
                java.util.Map<String, String> p = used.getAndSet(true) || !params.isEmpty() ? params : startParams;
                return ProgramLoader.load(folder, ProgramLoader.LoadOptions.DEFAULTS.withParams(p).withBuild(build));
            }
        };
    }
}
