package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** The explorer starts without JavaFX's class-path warning, and other JavaFX warnings still show. */
class LauncherTest {

    @Test
    void onlyTheClassPathWarningIsDropped() {
        List<String> shown = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                shown.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Filter before = Launcher.JAVAFX_LOG.getFilter();
        Launcher.JAVAFX_LOG.addHandler(capture);
        try {
            Launcher.quietClassPathWarning();
            Launcher.JAVAFX_LOG.log(Level.WARNING,
                    "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1234'");
            Launcher.JAVAFX_LOG.log(Level.WARNING, "something else JavaFX has to say");
            assertEquals(List.of("something else JavaFX has to say"), shown);
        } finally {
            Launcher.JAVAFX_LOG.removeHandler(capture);
            Launcher.JAVAFX_LOG.setFilter(before);
        }
    }
}
