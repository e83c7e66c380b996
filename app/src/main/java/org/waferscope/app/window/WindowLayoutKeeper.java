package org.waferscope.app.window;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.waferscope.app.prefs.AppPreferences;
import org.waferscope.app.prefs.WindowLayout;

/** Restores the window's size, place and pane splits, and saves them (the window calls {@link #save()} when it hides). */
final class WindowLayoutKeeper {
    private final Stage stage;
    private final SplitPane main;
    private final SplitPane centre;
    private final AppPreferences prefs;

    WindowLayoutKeeper(Stage stage, SplitPane main, SplitPane centre, AppPreferences prefs) {
        this.stage = stage;
        this.main = main;
        this.centre = centre;
        this.prefs = prefs;
    }

    void restore() {
        WindowLayout l = prefs.windowLayout();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(l.width(), screen.getWidth()));
        stage.setHeight(Math.min(l.height(), screen.getHeight()));
        if (!Double.isNaN(l.x()) && screen.contains(l.x() + 20, l.y() + 20)) {
            // the whole window on the screen, not just its corner (the screen may be smaller now)
            stage.setX(Math.max(screen.getMinX(), Math.min(l.x(), screen.getMaxX() - stage.getWidth())));
            stage.setY(Math.max(screen.getMinY(), Math.min(l.y(), screen.getMaxY() - stage.getHeight())));
        }
        stage.setMaximized(l.maximized());
    }

    /**
     * Puts the pane dividers where they were. Called once the window shows: before that the
     * panes are laid out at their preferred sizes, and the side panes (which keep their
     * width when the window resizes) would keep widths meant for another window size.
     */
    void restoreDividers() {
        WindowLayout l = prefs.windowLayout();
        main.setDividerPositions(l.mainDividers());
        centre.setDividerPositions(l.centreDivider());
    }

    void save() {
        prefs.setWindowLayout(new WindowLayout(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                stage.isMaximized(), main.getDividerPositions(), centre.getDividerPositions()[0]));
        prefs.flush();
    }
}
