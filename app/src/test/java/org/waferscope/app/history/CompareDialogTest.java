package org.waferscope.app.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.waferscope.engine.program.ClasspathSource;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;

/**
 * The ninth review: File → Compare with… offered run B as run A, and pressing Compare at once
 * showed "no difference", which a new user took for the answer. Compare waits for B to differ.
 */
@ExtendWith(ApplicationExtension.class)
class CompareDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void compareWaitsUntilRunBDiffersFromRunA(FxRobot robot) throws Exception {
        WaferProgram fifo = ProgramLoader.load(new ClasspathSource(getClass().getClassLoader(),
                "org/waferscope/samples/fifo-pipeline"), ProgramLoader.LoadOptions.DEFAULTS);
        CompareDialog[] dialog = new CompareDialog[1];
        robot.interact(() -> dialog[0] = new CompareDialog(stage, fifo, Path.of("fifo-pipeline")));
        CompareDialog d = dialog[0];
        javafx.scene.Node go = d.getDialogPane().lookupButton(CompareDialog.COMPARE);
        javafx.scene.Node same = d.getDialogPane().lookup("#compare-same");
        assertTrue(go.isDisable() && same.isVisible(), "B is A as it opens: Compare waits, and says why");
        TextField useFifo = (TextField) d.getDialogPane().lookup("#compare-param-use_fifo");
        robot.interact(() -> useFifo.setText("false"));
        assertFalse(go.isDisable() || same.isVisible(), "a param changed: B differs");
        robot.interact(() -> useFifo.setText(" true "));
        assertTrue(go.isDisable(), "back to A's value (spaces aside): waits again");
    }
}
