package org.waferscope.views.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueSymbol;
import org.waferscope.engine.arch.ElementType;

/** The variable chooser keeps naming the variable on show when the same program is loaded again. */
@ExtendWith(ApplicationExtension.class)
class ValueChooserTest {
    private final LayerChooserModel model = new LayerChooserModel(c -> { });

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new ValueChooser(model)), 500, 80));
        stage.show();
    }

    private static List<ValueSymbol> globals() {
        return List.of(new ValueSymbol("arrivals", ElementType.U32, 3, new int[] {3}, 4),
                new ValueSymbol("received", ElementType.F32, 3, new int[] {3}, 4));
    }

    @Test
    void theSameProgramLoadedAgainStillNamesItsVariable(FxRobot robot) {
        robot.interact(() -> {
            model.setSymbols(globals());
            model.showValue(ValueQuery.of("arrivals"));
        });
        assertEquals("arrivals", shown(robot));
        robot.interact(() -> {   // a reload (Layout parameters, File → Open of the same folder): equal globals, new objects
            model.setSymbols(globals());
            model.showValue(ValueQuery.of("arrivals"));
        });
        assertEquals(MetricLayer.VALUE, model.layerProperty().get());
        assertEquals("arrivals", shown(robot));
    }

    private String shown(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> {
            ComboBox<?> symbol = robot.lookup("#value-symbol").queryAs(ComboBox.class);
            out[0] = symbol.getButtonCell().getText();
        });
        return out[0];
    }
}
