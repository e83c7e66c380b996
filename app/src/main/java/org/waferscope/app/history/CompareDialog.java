package org.waferscope.app.history;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.waferscope.engine.program.WaferProgram;

/**
 * Asks what to compare the program on the wafer with: the same folder with other params
 * (its params, editable, e.g. fifo-pipeline's use_fifo), or another program folder.
 */
final class CompareDialog extends Dialog<CompareTarget> {
    static final ButtonType COMPARE = new ButtonType("Compare", ButtonBar.ButtonData.OK_DONE);

    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private Path folder;

    CompareDialog(Window owner, WaferProgram p, Path dir) {
        initOwner(owner);
        folder = dir;
        setTitle("Compare with…");
        setHeaderText("Compare " + p.title() + " with a second run");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> e : p.params().entrySet()) {
            TextField value = new TextField(e.getValue());
            value.setId("compare-param-" + e.getKey());
            value.setPrefColumnCount(14);
            grid.addRow(row++, new Label(e.getKey()), value);
            fields.put(e.getKey(), value);
        }
        Label which = new Label("Run B: " + dir.getFileName() + " with these params");
        Button other = new Button("Another program folder…");
        other.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("The program to compare with");
            File f = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                folder = f.toPath();
                fields.clear();
                grid.getChildren().clear();
                which.setText("Run B: " + folder + " as its run.json has it");
            }
        });
        Label hint = new Label("Both runs go from load to their end (or the cycle budget) off the wafer; the window "
                + "then shows them side by side, their difference (B - A) for any layer, and their timelines overlaid.");
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        hint.getStyleClass().add("inspector-hint");
        VBox box = new VBox(10, which, grid, new HBox(other), hint);
        box.setPadding(new Insets(10, 4, 0, 4));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(COMPARE, ButtonType.CANCEL);
        getDialogPane().lookupButton(COMPARE).setId("compare-go");
        setResultConverter(b -> b == COMPARE ? new CompareTarget(folder, values()) : null);
    }

    private Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> out.put(name, field.getText().trim()));
        return out;
    }
}
