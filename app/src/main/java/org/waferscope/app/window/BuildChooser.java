package org.waferscope.app.window;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import org.waferscope.engine.program.SdkChoice;
import org.waferscope.engine.program.SdkFolderSource;

/**
 * Asks which build to open when an SDK example's build script compiles several programs (the
 * fft-1d-2d benchmark builds a 1-D and a 2-D FFT, and runs the 2-D one forward and inverse).
 * The command line's {@code --build N} chooses without asking.
 */
final class BuildChooser {
    private BuildChooser() {
    }

    /**
     * Opens {@code dir} through {@code open}: at once with null (the folder's only program, or
     * not an SDK example), or with the build the user chooses; not at all when the user cancels.
     */
    static void ask(Window owner, Path dir, Consumer<SdkChoice> open) {
        List<SdkFolderSource.Choice> choices = choices(dir);
        if (choices.size() < 2) {
            open.accept(null);
            return;
        }
        List<String> labels = labels(choices, "  ");
        ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.get(0), labels);
        dialog.initOwner(owner);
        dialog.getDialogPane().setId("build-chooser");
        dialog.setTitle("Open which build?");
        dialog.setHeaderText(dir.getFileName() + ": its build script compiles " + choices.size()
                + " programs. Open which one? (On the command line: --build N)");
        dialog.setContentText("Build:");
        dialog.showAndWait().ifPresent(label -> open.accept(choices.get(labels.indexOf(label)).choice()));
    }

    /**
     * What to tell a user who opened {@code dir} without choosing (the command line's
     * {@code --open} without {@code --build}) when its build script compiles several programs:
     * that the first is open, and how to open the others. Null for a folder of one program.
     */
    static String firstOfSeveral(Path dir) {
        String note = SdkFolderSource.firstOfSeveral(dir, "is open");
        return note == null ? null : note + " --build N opens another from the command line, and File > Open asks which.";
    }

    /** Each build as "build SPEC" and its params, {@code gap} between the two. */
    private static List<String> labels(List<SdkFolderSource.Choice> choices, String gap) {
        return choices.stream().map(c -> c.named(gap)).toList();
    }

    private static List<SdkFolderSource.Choice> choices(Path dir) {
        try {
            return SdkFolderSource.choices(dir, false);
        } catch (IOException e) {
            return List.of();   // the load itself will say what is wrong with the folder
        }
    }
}
