package org.waferscope.app.prefs;

import org.waferscope.assets.Stylesheet;

/** The two themes and the stylesheet each adds to the base sheet. */
public enum Theme {
    LIGHT("Light", Stylesheet.LIGHT), DARK("Dark", Stylesheet.DARK);

    public final String title;
    public final Stylesheet sheet;

    Theme(String title, Stylesheet sheet) {
        this.title = title;
        this.sheet = sheet;
    }

    public static Theme byName(String name) {
        for (Theme t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        return DARK;
    }
}
