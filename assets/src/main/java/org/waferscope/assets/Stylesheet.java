package org.waferscope.assets;

import java.net.URL;
import java.util.Objects;

/**
 * The application's stylesheets. A theme is the base sheet plus one palette sheet that
 * defines the looked-up colours the base sheet uses.
 */
public enum Stylesheet {
    BASE("waferscope.css"), LIGHT("theme-light.css"), DARK("theme-dark.css");

    private final String file;

    Stylesheet(String file) {
        this.file = file;
    }

    /** The sheet's URL as a string, as {@code Scene.getStylesheets()} wants it. */
    public String url() {
        URL u = Objects.requireNonNull(Stylesheet.class.getResource(file), () -> "missing stylesheet " + file);
        return u.toExternalForm();
    }
}
