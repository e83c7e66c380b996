package org.waferscope.app.window;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.controlsfx.control.NotificationPane;

/**
 * Makes a notification bar's words wrap and its bar grow to hold them, so that a long message
 * (a load error with its file:line:col, several breakpoints' names) is read whole where it is
 * shown, not cut to "…" at a laptop's width.
 *
 * <p>ControlsFX's bar sizes its content by its height for no width at all, which for words that
 * wrap is one line: the words' label is given, as its least height, the height its words need
 * at the width it has, each time that width changes.
 */
final class WholeNotificationText {
    private WholeNotificationText() {
    }

    /** Wraps {@code pane}'s words, and names their label {@code id}, once its bar exists. */
    static void install(NotificationPane pane, String id) {
        Runnable find = () -> {
            Label words = words(pane);
            if (words != null && !id.equals(words.getId())) {
                words.setId(id);
                words.setWrapText(true);
                words.widthProperty().addListener((o, was, w) -> fit(words));
                words.textProperty().addListener((o, was, t) -> fit(words));
                fit(words);
            }
        };
        pane.skinProperty().addListener((o, was, skin) -> find.run());
        pane.needsLayoutProperty().addListener((o, was, needs) -> find.run());
        find.run();
    }

    /** The bar's label of words (not its title); the bar is the pane's own child, beside its content. */
    private static Label words(NotificationPane pane) {
        for (Node bar : pane.getChildrenUnmodifiable()) {
            if (bar.getStyleClass().contains("notification-bar")) {
                for (Node n : bar.lookupAll(".label")) {
                    if (n instanceof Label l && !l.getStyleClass().contains("title")) {
                        return l;
                    }
                }
            }
        }
        return null;
    }

    private static void fit(Label words) {
        double w = words.getWidth();
        if (w <= 0) {
            return;
        }
        words.setMinHeight(Region.USE_COMPUTED_SIZE);
        words.setMinHeight(Math.ceil(words.prefHeight(w)));
    }
}
