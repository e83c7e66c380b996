package org.waferscope.views.lesson;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** Shows a program's title, summary and lesson as styled, wrapped text. */
public class LessonView extends ScrollPane {
    private final VBox content = new VBox(8);

    public LessonView() {
        getStyleClass().add("lesson-view");
        content.getStyleClass().add("lesson-content");
        setContent(content);
        setFitToWidth(true);
        show("", "", "Open a program folder or pick a sample from the gallery.");
    }

    public void show(String title, String summary, String lesson) {
        content.getChildren().clear();
        if (!title.isEmpty()) {
            content.getChildren().add(label(title, "lesson-title"));
        }
        if (!summary.isEmpty()) {
            content.getChildren().add(label(summary, "lesson-summary"));
        }
        for (LessonBlocks.Block b : LessonBlocks.parse(lesson)) {
            String style = "lesson-" + b.kind().name().toLowerCase(Locale.ROOT);
            content.getChildren().add(label(b.kind() == LessonBlocks.Kind.BULLET ? "•  " + b.text() : b.text(), style));
        }
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
