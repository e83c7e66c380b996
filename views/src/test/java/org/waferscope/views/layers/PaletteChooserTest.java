package org.waferscope.views.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.views.palette.Palette;

/**
 * Signed program values are drawn blue–red whatever the palette: the chooser says so rather
 * than name a palette that is not on show (a student saw "Viridis" over a blue–red map).
 */
@ExtendWith(ApplicationExtension.class)
class PaletteChooserTest {
    private final LayerChooserModel model = new LayerChooserModel(c -> { });
    private final SimpleBooleanProperty signed = new SimpleBooleanProperty(false);
    private PaletteChooser chooser;

    @Start
    void start(Stage stage) {
        chooser = new PaletteChooser(model);
        chooser.followSignedScale(signed);
        stage.setScene(new Scene(new StackPane(chooser), 300, 80));
        stage.show();
    }

    @Test
    void saysBlueRedAndStepsAsideWhileTheValuesAreSigned(FxRobot robot) {
        robot.interact(() -> model.paletteProperty().set(Palette.VIRIDIS));
        assertEquals("Viridis", shown(robot));
        assertFalse(chooser.isDisabled());
        robot.interact(() -> signed.set(true));
        assertEquals("Blue–red (signed)", shown(robot));
        assertTrue(chooser.isDisabled());
        assertTrue(chooser.getTooltip().getText().contains("centred on zero"));
        robot.interact(() -> signed.set(false));
        assertEquals("Viridis", shown(robot));
        assertFalse(chooser.isDisabled());
    }

    private String shown(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = chooser.getButtonCell().getText());
        return out[0];
    }
}
