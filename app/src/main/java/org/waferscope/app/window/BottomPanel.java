package org.waferscope.app.window;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.views.console.ConsoleView;
import org.waferscope.views.timeline.TimelineView;
import org.waferscope.views.timeline.PeTimelineView;
import org.waferscope.app.history.PeTimelineController;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** Timelines (the whole run's, and the selected PE's row) and console side by side under the fabric. */
final class BottomPanel extends SplitPane {
    final TimelineView timeline = new TimelineView();
    final PeTimelineView peTimeline = new PeTimelineView();
    final TabPane timelines = new TabPane();

    BottomPanel(SimulationSession session) {
        setOrientation(Orientation.HORIZONTAL);
        timeline.setId("timeline");
        session.frameProperty().addListener((o, a, f) -> timeline.setPoints(f.timeline()));
        ConsoleView console = new ConsoleView(session.console());
        console.setId("console");
        peTimeline.setId("pe-timeline");
        Tab peTab = new Tab("PE row", peTimeline);
        peTab.setId("pe-timeline-tab");
        timelines.getTabs().addAll(new Tab("Whole run", timeline), peTab);
        timelines.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        timelines.setId("timelines");
        new PeTimelineController(session, peTimeline, peTab.selectedProperty());
        getItems().addAll(titled("Timeline", timelines), titled("Console", console));
        setDividerPositions(0.38);
    }

    static VBox titled(String title, javafx.scene.Node content) {
        Label l = new Label(title.toUpperCase(java.util.Locale.ROOT));
        l.getStyleClass().add("panel-title");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(l, content);
        box.getStyleClass().add("panel");
        box.setMinWidth(120);
        return box;
    }
}
