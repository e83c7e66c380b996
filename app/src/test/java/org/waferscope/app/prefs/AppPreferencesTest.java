package org.waferscope.app.prefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waferscope.views.palette.Palette;

class AppPreferencesTest {
    private final Preferences node = Preferences.userRoot().node("org/waferscope/test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void defaultsAreDarkViridisAtFullScale() {
        assertEquals(Theme.DARK, prefs.theme());
        assertEquals(Palette.VIRIDIS, prefs.palette());
        assertEquals(1.0, prefs.uiScale());
        assertEquals(WindowLayout.DEFAULT.width(), prefs.windowLayout().width());
    }

    @Test
    void valuesRoundTrip() {
        prefs.setTheme(Theme.LIGHT);
        prefs.setPalette(Palette.CIVIDIS);
        prefs.setUiScale(1.5);
        prefs.setRefreshRate(60);
        AppPreferences again = new AppPreferences(node);
        assertEquals(Theme.LIGHT, again.theme());
        assertEquals(Palette.CIVIDIS, again.palette());
        assertEquals(1.5, again.uiScale());
        assertEquals(60, again.refreshRate());
    }

    @Test
    void recentProgramsAreNewestFirstWithoutDuplicates() {
        for (int i = 0; i < AppPreferences.RECENT + 3; i++) {
            prefs.addRecent(Path.of("/p/" + i));
        }
        prefs.addRecent(Path.of("/p/5"));
        assertEquals(AppPreferences.RECENT, prefs.recentPrograms().size());
        assertEquals(Path.of("/p/5"), prefs.recentPrograms().get(0));
        assertEquals(1, prefs.recentPrograms().stream().filter(p -> p.equals(Path.of("/p/5"))).count());
    }

    @Test
    void windowLayoutRoundTrips() {
        WindowLayout l = new WindowLayout(10, 20, 800, 600, true, new double[] {0.2, 0.6}, 0.5);
        prefs.setWindowLayout(l);
        WindowLayout back = prefs.windowLayout();
        assertEquals(800, back.width());
        assertEquals(true, back.maximized());
        assertArrayEquals(new double[] {0.2, 0.6}, back.mainDividers());
        assertEquals(0.5, back.centreDivider());
    }

    @Test
    void anotherInstancesLockOnThePreferencesIsNotWarnedOfEveryThirtySeconds() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("java.util.prefs");
        java.util.List<String> shown = new java.util.ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                shown.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AppPreferences.quietLockFailures();
        log.addHandler(h);
        try {
            // as the JDK's FileSystemPreferences says it, through the platform logger
            System.Logger jdk = System.getLogger("java.util.prefs");
            jdk.log(System.Logger.Level.WARNING,
                    "Couldn't flush user prefs: java.util.prefs.BackingStoreException: Couldn't get file lock.");
            jdk.log(System.Logger.Level.WARNING, "Could not create directory");
        } finally {
            log.removeHandler(h);
        }
        assertEquals(java.util.List.of("Could not create directory"), shown);
    }
}
