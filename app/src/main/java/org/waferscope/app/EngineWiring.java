package org.waferscope.app;

import org.waferscope.app.session.DetachedSimulation;
import org.waferscope.app.session.EngineFactory;
import org.waferscope.app.session.ProgramSource;

/**
 * Which engine and which front end the application runs on: the one place that names
 * concrete engine classes.
 */
final class EngineWiring {
    private EngineWiring() {
    }

    static EngineFactory engines() {
        return () -> new EngineFactory.Engine(new DetachedSimulation(), () -> { });
    }

    static ProgramSource programs() {
        return folder -> {
            throw new UnsupportedOperationException("this build has no CSL front end to load " + folder);
        };
    }
}
