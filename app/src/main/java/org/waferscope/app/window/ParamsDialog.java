package org.waferscope.app.window;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.waferscope.engine.program.WaferProgram;

/**
 * The layout params of the program on the wafer, editable: what the command line's
 * {@code --param NAME=VALUE} sets, and what the lessons' "Things to try" suggest. Its
 * result is the params as typed, to reload the program with (or none, to reload it as its
 * run.json has it); the front end checks them, and a value it refuses leaves the program on
 * the wafer as it was. A bool param is a check box (a typed "ture" would only be refused);
 * every other type stays a text field, checked by the front end with a positioned error.
 */
final class ParamsDialog extends Dialog<Map<String, String>> {
    static final ButtonType RELOAD = new ButtonType("Reload with these", ButtonBar.ButtonData.OK_DONE);
    /** Reloads with no overrides: the params as the program's run.json sets them. */
    static final ButtonType DEFAULTS = new ButtonType("Reload with run.json's params", ButtonBar.ButtonData.LEFT);

    private final Map<String, Control> fields = new LinkedHashMap<>();

    ParamsDialog(Window owner, WaferProgram p) {
        initOwner(owner);
        setTitle("Layout parameters");
        setHeaderText("Layout parameters of " + p.title());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> e : p.params().entrySet()) {
            Label name = new Label(e.getKey());
            Control value = isBool(e.getValue()) ? new CheckBox() : new TextField(e.getValue());
            if (value instanceof CheckBox box) {
                box.setSelected(Boolean.parseBoolean(e.getValue()));
            } else {
                ((TextField) value).setPrefColumnCount(14);
            }
            value.setId("param-" + e.getKey());
            name.setLabelFor(value);
            grid.addRow(row++, name, value);
            fields.put(e.getKey(), value);
        }
        Label hint = new Label(p.params().isEmpty() ? "This program's layout declares no parameters."
                : "A lesson's --param NAME=VALUE goes here. The program reloads at cycle 0; if the layout "
                        + "refuses a value, the console says why and the program stays as it was.");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.getStyleClass().add("inspector-hint");
        VBox box = new VBox(12, grid, hint);
        box.setPadding(new Insets(10, 4, 0, 4));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(DEFAULTS, RELOAD, ButtonType.CANCEL);
        getDialogPane().lookupButton(RELOAD).setId("params-reload");
        getDialogPane().lookupButton(DEFAULTS).setId("params-defaults");
        getDialogPane().lookupButton(RELOAD).setDisable(p.params().isEmpty());
        getDialogPane().lookupButton(DEFAULTS).setDisable(p.params().isEmpty());
        setResultConverter(b -> b == RELOAD ? values() : b == DEFAULTS ? Map.of() : null);
        setOnShown(e -> fields.values().stream().findFirst().ifPresent(Control::requestFocus));
    }

    /**
     * Whether a param is a bool, from its value as the program holds it: the layout binds
     * each param by its declared type and prints a bool as {@code true} or {@code false},
     * which no int, float or color prints as.
     */
    static boolean isBool(String bound) {
        return bound.equals("true") || bound.equals("false");
    }

    /** The params as typed, trimmed, in the layout's order. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, field) -> out.put(name, field instanceof CheckBox box ? Boolean.toString(box.isSelected())
                : ((TextField) field).getText().trim()));
        return out;
    }
}
