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
 * (its params, editable, e.g. fifo-pipeline's use_fifo), or another program folder. Compare
 * waits until run B differs from A: the same program with the same params runs the same,
 * cycle for cycle, and a new user who pressed Compare at once read "no difference" as an answer.
 */
final class CompareDialog extends Dialog<CompareTarget> {
    static final ButtonType COMPARE = new ButtonType("Compare", ButtonBar.ButtonData.OK_DONE);

    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final Map<String, String> asLoaded;
    private final Path loaded;
    private Path folder;
    private final Label same = new Label("Run B is run A as it stands: change a param, or choose another folder "
            + "(the same program with the same params runs the same, cycle for cycle).");

    CompareDialog(Window owner, WaferProgram p, Path dir) {
        initOwner(owner);
        folder = dir;
        loaded = dir;
        asLoaded = new LinkedHashMap<>(p.params());
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
            value.textProperty().addListener((o, a, t) -> sameAsA());
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
                sameAsA();
            }
        });
        Label hint = new Label("Both runs go from load to their end (or the cycle budget) off the wafer; the window "
                + "then shows them side by side, their difference (B - A) for any layer, and their timelines overlaid.");
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        hint.getStyleClass().add("inspector-hint");
        same.setWrapText(true);
        same.setMaxWidth(440);
        same.setId("compare-same");
        same.getStyleClass().add("breakpoint-problem");
        same.managedProperty().bind(same.visibleProperty());
        VBox box = new VBox(10, which, grid, new HBox(other), same, hint);
        box.setPadding(new Insets(10, 4, 0, 4));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(COMPARE, ButtonType.CANCEL);
        getDialogPane().lookupButton(COMPARE).setId("compare-go");
        sameAsA();
        setResultConverter(b -> b == COMPARE ? new CompareTarget(folder, values()) : null);
    }

    /** Whether run B, as the dialog has it now, is run A; Compare waits while it is, and says why. */
    boolean sameAsA() {
        boolean is = folder.equals(loaded) && values().equals(asLoaded);
        same.setVisible(is);
        javafx.scene.Node go = getDialogPane().lookupButton(COMPARE);
        if (go != null) {
            go.setDisable(is);
        }
        return is;
    }

    private Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> out.put(name, field.getText().trim()));
        return out;
    }
}
