package org.waferscope.app.window;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.control.skin.TabPaneSkin;

/**
 * Brings back a tab strip's headers after a UI scale change. JavaFX's tab strip counts its ▾
 * menu's width while the menu shows, so once a larger font has overflowed the strip, the
 * headers no longer "fit" at the old size either: the ▾ stays and cuts the last tab
 * ("Waiting"). A fresh skin measures without the menu.
 */
final class TabStrips {
    private TabStrips() {
    }

    /** Lays {@code root} out at its new fonts, then gives each tab pane that shows its ▾ menu a fresh skin. */
    static void refit(Parent root) {
        root.applyCss();
        root.layout();
        for (Node n : root.lookupAll(".tab-pane")) {
            if (n instanceof TabPane pane && showsMenu(pane)) {
                pane.setSkin(new TabPaneSkin(pane));
            }
        }
    }

    static boolean showsMenu(TabPane pane) {
        Node menu = pane.lookup(".control-buttons-tab");
        return menu != null && menu.isVisible() && menu.getBoundsInLocal().getWidth() > 0;
    }
}
