package org.waferscope.app.window;

import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.waferscope.app.about.AboutText;

/**
 * Help → About: the name and version (for a lab's bug report, with the Java and JavaFX
 * under it), what Waferscope is, where its documentation is, its licence, and the
 * attribution each bundled data set asks for, read from the sample's own NOTICE.
 */
final class AboutSheet {
    private static final double WIDTH = 520;

    private AboutSheet() {
    }

    static String title() {
        return AboutText.nameAndVersion();
    }

    /** {@code notices}: a sample's name to its NOTICE ({@code SampleCatalog.notices}). */
    static Node of(Map<String, String> notices) {
        VBox sheet = new VBox(10);
        sheet.getChildren().addAll(para(AboutText.WHAT), section("Version"),
                para(AboutText.nameAndVersion() + " on " + AboutText.runtime()),
                section("Documentation"), para(AboutText.DOCS), section("Licence"), para(AboutText.LICENCE));
        if (!notices.isEmpty()) {
            sheet.getChildren().add(section("Data it ships"));
            notices.forEach((sample, notice) -> sheet.getChildren().add(para("Sample " + sample + ": " + notice)));
        }
        sheet.setId("about-sheet");
        return sheet;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-section");
        return l;
    }

    private static Label para(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(WIDTH);
        return l;
    }
}
