package org.waferscope.app.window;

import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.waferscope.app.samples.Sample;

/** The sample gallery: one row per packaged sample; a double-click or Enter opens it. */
final class GalleryPane extends ListView<Sample> {
    GalleryPane(java.util.List<Sample> samples, Consumer<Sample> open) {
        getItems().setAll(samples);
        setId("gallery");
        getStyleClass().add("gallery-list");
        setPlaceholder(new Label("No samples packaged in this build."));
        setCellFactory(v -> new SampleCell());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && getSelectionModel().getSelectedItem() != null) {
                open.accept(getSelectionModel().getSelectedItem());
            }
        });
    }

    private static final class SampleCell extends ListCell<Sample> {
        @Override
        protected void updateItem(Sample s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(s.title());
            name.getStyleClass().add("gallery-name");
            name.setWrapText(true);
            name.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            Label summary = new Label(s.summary());
            summary.getStyleClass().add("gallery-summary");
            summary.setWrapText(true);
            // the summary wraps at the list's width (minus padding and scroll bar), whatever the UI scale
            summary.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            summary.setMinHeight(javafx.scene.control.Label.USE_PREF_SIZE);
            setPrefWidth(0);
            setGraphic(new VBox(2, name, summary));
        }
    }
}
