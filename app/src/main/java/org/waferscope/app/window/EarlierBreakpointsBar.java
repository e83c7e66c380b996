package org.waferscope.app.window;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.action.Action;
import org.kordamp.ikonli.javafx.FontIcon;
import org.waferscope.views.source.BreakpointsModel;

/**
 * A bar over the fabric while breakpoints kept from an earlier session wait, switched off, for
 * the user's word: on a shared lab machine they may be another student's. It names them and
 * offers to keep them (as they were) or remove them; ignored, they stay off and stop nothing.
 */
final class EarlierBreakpointsBar extends NotificationPane {
    EarlierBreakpointsBar(Node content, BreakpointsModel breakpoints) {
        super(content);
        setId("earlier-breakpoints");
        setShowFromTop(true);
        Action keep = new Action("Keep", e -> breakpoints.keepEarlier());
        keep.setLongText("Switch them back on as they were set (the Breakpoints tab lists them)");
        Action remove = new Action("Remove", e -> breakpoints.dropEarlier());
        remove.setLongText("Remove them, here and from this computer's preferences");
        getActions().setAll(keep, remove);
        breakpoints.earlier().addListener((ListChangeListener<BreakpointsModel.Entry>) c -> show(breakpoints));
        show(breakpoints);
    }

    private void show(BreakpointsModel breakpoints) {
        var earlier = breakpoints.earlier();
        if (earlier.isEmpty()) {
            hide();
            return;
        }
        show(text(earlier), new FontIcon("mdi2h-history"));
    }

    static String text(java.util.List<BreakpointsModel.Entry> earlier) {
        int n = earlier.size();
        String names = String.join(", ", earlier.stream().limit(2).map(BreakpointsModel.Entry::describe).toList())
                + (n > 2 ? " and " + (n - 2) + " more" : "");
        return (n == 1 ? "A breakpoint" : n + " breakpoints") + " from an earlier session, now off: " + names + ".";
    }
}
