package org.waferscope.app.window;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;

/**
 * Brings combo boxes back to their width after a smaller UI scale. A combo box is as wide as
 * its list, and JavaFX's list counts the combo box's current width in its own preferred width,
 * so a combo box widened by a larger font never narrows again (the value footer's palette and
 * reduction choosers stayed 11–12 px wider and pushed "rows" past the fabric's edge). Shrunk
 * to nothing first, it measures its items at the new font alone.
 */
final class ComboWidths {
    private ComboWidths() {
    }

    /** Shrinks every combo box under {@code root} to no width, so the next layout sizes it afresh. */
    static void release(Parent root) {
        root.applyCss();
        for (Node n : root.lookupAll(".combo-box")) {
            if (n instanceof ComboBox<?> box) {
                // not minWidth: a chooser that must not be squeezed has its minimum at its (stale) preferred width
                box.resize(0, box.getHeight());
                box.requestLayout();
            }
        }
    }
}
