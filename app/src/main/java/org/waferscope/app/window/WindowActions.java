package org.waferscope.app.window;

import static javafx.scene.input.KeyCombination.ALT_DOWN;
import static javafx.scene.input.KeyCombination.SHIFT_DOWN;
import static javafx.scene.input.KeyCombination.SHORTCUT_DOWN;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyEvent;
import org.waferscope.app.session.SimulationSession;
import org.waferscope.engine.api.MetricLayer;
import org.waferscope.views.controls.ControlsModel;

/**
 * Every action of the window with its shortcut. The simulation keys (Space, arrows, 1–7)
 * are also handled by a scene-level key filter, because a focused table or list would
 * otherwise swallow them before menu accelerators see them.
 */
final class WindowActions {
    final AppAction open;
    final AppAction gallery;
    final AppAction params;
    final AppAction exportPng;
    final AppAction exportCsv;
    final AppAction exportTrace;
    final AppAction compare;
    final AppAction quit;
    final AppAction runPause;
    final AppAction step;
    final AppAction stepN;
    final AppAction stepToTask;
    final AppAction stepBack;
    final AppAction reset;
    final AppAction fit;
    final AppAction theme;
    final AppAction bigger;
    final AppAction smaller;
    final AppAction copy;
    final AppAction shortcuts;
    final AppAction machine;
    final AppAction about;
    final List<AppAction> layers = new ArrayList<>();
    /** Handled by the scene filter: single keys a focused control might take. */
    private final List<AppAction> simulationKeys;

    WindowActions(SimulationSession session, Shell shell) {
        ControlsModel c = session.controls();
        open = new AppAction("Open program folder…", "mdi2f-folder-open-outline", key(KeyCode.O, SHORTCUT_DOWN), shell::openFolder);
        gallery = new AppAction("Sample gallery", "mdi2v-view-gallery-outline", key(KeyCode.G, SHORTCUT_DOWN), shell::showGallery);
        params = new AppAction("Layout parameters…", "mdi2t-tune-variant", key(KeyCode.L, SHORTCUT_DOWN),
                shell::editParams, c.loadedProperty());
        copy = new AppAction("Save a copy to edit…", "mdi2c-content-copy", null, shell::saveCopy, c.loadedProperty());
        exportPng = new AppAction("Export fabric view as PNG…", "mdi2i-image-outline", key(KeyCode.E, SHORTCUT_DOWN),
                shell::exportPng, c.loadedProperty());
        exportCsv = new AppAction("Export layer as CSV…", "mdi2t-table-arrow-right",
                key(KeyCode.E, SHORTCUT_DOWN, SHIFT_DOWN), shell::exportCsv, c.loadedProperty());
        exportTrace = new AppAction("Export trace (Perfetto)…", "mdi2c-chart-timeline", null, shell::exportTrace,
                c.loadedProperty());
        compare = new AppAction("Compare with…", "mdi2c-compare", null, shell::compareWith, c.loadedProperty());
        quit = new AppAction("Quit", "mdi2e-exit-to-app", key(KeyCode.Q, SHORTCUT_DOWN), shell::quit);
        runPause = new AppAction("Run / pause", "mdi2p-play-pause", key(KeyCode.SPACE), c::runOrPause,
                c.canRunProperty().or(c.runningProperty()));
        step = new AppAction("Step 1 cycle", "mdi2s-step-forward", key(KeyCode.RIGHT), c::step, c.canStepProperty());
        stepN = new AppAction("Step n cycles", "mdi2s-step-forward-2", key(KeyCode.RIGHT, SHIFT_DOWN), c::stepN,
                c.canStepProperty());
        stepToTask = new AppAction("Step to next task activation", "mdi2d-debug-step-into", key(KeyCode.RIGHT, ALT_DOWN),
                c::stepToTaskActivation, c.canStepProperty());
        stepBack = new AppAction("Step back 1 cycle", "mdi2s-step-backward", key(KeyCode.LEFT), c::stepBack,
                c.canStepBackProperty());
        reset = new AppAction("Reset to cycle 0", "mdi2r-restart", key(KeyCode.R, SHORTCUT_DOWN), c::reset,
                c.loadedProperty());
        fit = new AppAction("Fit fabric in view", "mdi2f-fit-to-screen-outline", key(KeyCode.F), shell::fitFabric);
        theme = new AppAction("Toggle light / dark theme", "mdi2t-theme-light-dark", key(KeyCode.T, SHORTCUT_DOWN),
                shell::toggleTheme);
        bigger = new AppAction("Larger UI (projectors)", "mdi2m-magnify-plus-outline", key(KeyCode.EQUALS, SHORTCUT_DOWN),
                () -> shell.scaleUi(1.125));
        smaller = new AppAction("Smaller UI", "mdi2m-magnify-minus-outline", key(KeyCode.MINUS, SHORTCUT_DOWN),
                () -> shell.scaleUi(1 / 1.125));
        shortcuts = new AppAction("Keyboard shortcuts", "mdi2k-keyboard-outline", key(KeyCode.F1), shell::showShortcuts);
        machine = new AppAction("The simulated machine…", "mdi2c-chip", null, shell::showMachine);
        about = new AppAction("About Waferscope", "mdi2i-information-outline", null, shell::showAbout);
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5, KeyCode.DIGIT6,
            KeyCode.DIGIT7};
        for (MetricLayer l : MetricLayer.values()) {
            layers.add(new AppAction(l.title, null, key(digits[l.ordinal()]), () -> session.layers().layerProperty().set(l)));
        }
        simulationKeys = new ArrayList<>(List.of(runPause, step, stepN, stepToTask, stepBack, fit));
        simulationKeys.addAll(layers);
    }

    private static KeyCodeCombination key(KeyCode code, javafx.scene.input.KeyCombination.Modifier... mods) {
        return new KeyCodeCombination(code, mods);
    }

    /** All actions, for the shortcut list. */
    List<AppAction> all() {
        List<AppAction> a = new ArrayList<>(List.of(open, gallery, params, exportPng, exportCsv, runPause, step, stepN, stepToTask,
                stepBack, reset, fit, theme, bigger, smaller, shortcuts, quit));
        a.addAll(layers);
        return a;
    }

    /** Scene filter: fires a simulation key unless a text field has the focus. */
    void filter(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        for (AppAction a : simulationKeys) {
            if (a.key().match(e)) {
                a.fire();
                e.consume();
                return;
            }
        }
    }
}
