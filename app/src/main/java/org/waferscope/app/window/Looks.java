package org.waferscope.app.window;

import java.util.Locale;
import javafx.scene.Scene;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.prefs.Theme;
import org.waferscope.assets.Stylesheet;

/** Applies the theme and the UI scale (the root font size) to the scene, and remembers them. */
final class Looks {
    static final double BASE_FONT = 12;
    static final double MIN_SCALE = 0.75;
    static final double MAX_SCALE = 2.5;

    private final Scene scene;
    private final AppPreferences prefs;
    private Theme theme;
    private double scale;

    Looks(Scene scene, AppPreferences prefs) {
        this.scene = scene;
        this.prefs = prefs;
        this.theme = prefs.theme();
        this.scale = prefs.uiScale();
        apply();
    }

    void toggleTheme() {
        theme = theme == Theme.DARK ? Theme.LIGHT : Theme.DARK;
        prefs.setTheme(theme);
        apply();
    }

    void scale(double factor) {
        scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        prefs.setUiScale(scale);
        apply();
    }

    double scale() {
        return scale;
    }

    Theme theme() {
        return theme;
    }

    private void apply() {
        scene.getStylesheets().setAll(Stylesheet.BASE.url(), theme.sheet.url());
        scene.getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT * scale));
        scene.getRoot().getStyleClass().removeAll("theme-light", "theme-dark");
        scene.getRoot().getStyleClass().add("theme-" + theme.name().toLowerCase(Locale.ROOT));
    }
}
