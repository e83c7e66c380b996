package org.waferscope.app.window;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One user action: its words, icon, shortcut, what it does and when it is possible. Menus
 * and toolbar buttons are made from it, so the shortcut shows in both.
 */
public final class AppAction {
    private final String text;
    private final String icon;
    private final KeyCombination key;
    private final Runnable run;
    private final ObservableBooleanValue enabled;

    public AppAction(String text, String icon, KeyCombination key, Runnable run, ObservableBooleanValue enabled) {
        this.text = text;
        this.icon = icon;
        this.key = key;
        this.run = run;
        this.enabled = enabled;
    }

    public AppAction(String text, String icon, KeyCombination key, Runnable run) {
        this(text, icon, key, run, null);
    }

    public void fire() {
        if (enabled == null || enabled.get()) {
            run.run();
        }
    }

    public KeyCombination key() {
        return key;
    }

    public String text() {
        return text;
    }

    /** "Step 1 cycle (Right)". */
    public String tooltip() {
        return key == null ? text : text + "  (" + key.getDisplayText() + ")";
    }

    public MenuItem menuItem() {
        MenuItem m = new MenuItem(text, icon == null ? null : new FontIcon(icon));
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> fire());
        if (enabled != null) {
            m.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        }
        return m;
    }

    public Button button(String id) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tooltip()));
        b.setFocusTraversable(false);
        b.setOnAction(e -> fire());
        if (enabled != null) {
            b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        }
        return b;
    }
}
