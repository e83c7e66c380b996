package org.waferscope.app;

import java.util.Set;
import javafx.application.Application;
import org.waferscope.app.cli.WaferscopeCli;

/**
 * The jar's entry point. A plain class (not the JavaFX {@code Application}) so that
 * {@code java -jar} works from the class path without the JavaFX launcher check. The
 * first argument {@code run}, {@code bench} or {@code export} selects the headless command
 * line; anything else opens the explorer.
 */
public final class Launcher {
    static final Set<String> COMMANDS = Set.of("run", "bench", "export");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(WaferscopeCli.execute(args));
        }
        Application.launch(WaferscopeApp.class, args);
    }
}
