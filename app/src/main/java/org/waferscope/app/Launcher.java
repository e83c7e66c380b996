package org.waferscope.app;

import java.util.Set;
import javafx.application.Application;
import org.waferscope.app.cli.WaferscopeCli;
import org.waferscope.app.samples.SampleCatalog;

/**
 * The jar's entry point. A plain class (not the JavaFX {@code Application}) so that
 * {@code java -jar} works from the class path without the JavaFX launcher check. The
 * first argument naming a command ({@code run}, {@code bench}, {@code export-trace}, {@code compare}) selects the headless command
 * line; anything else opens the explorer.
 */
public final class Launcher {
    static final Set<String> COMMANDS = Set.of("run", "check", "bench", "export-trace", "compare", "train", "sdk-examples-check");

    private Launcher() {
    }

    /**
     * Renders without a display: Monocle's headless glass with the software pipeline. Must
     * be set before the toolkit starts; the screen is made larger than the screenshot
     * window, which Monocle requires.
     */
    static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("headless.geometry", "1600x1000-32");
        System.setProperty("java.awt.headless", "true");
    }

    public static void main(String[] args) {
        int status = Relaunch.run(args);
        if (status >= 0) {
            System.exit(status);
        }
        // a command or the explorer loads a program next: its JSON mapper is made meanwhile
        org.waferscope.engine.program.ProgramLoader.warmUpAhead();
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(WaferscopeCli.execute(args));
        }
        java.util.List<String> list = java.util.Arrays.asList(args);
        String help = HelpText.of(list);
        if (help != null) {
            System.out.println(help);
            return;
        }
        if (list.contains("--version") || list.contains("-V")) {
            // the same answer as every command's -V
            System.out.println(org.waferscope.app.cli.WaferscopeCli.VERSION);
            return;
        }
        String problem;
        try {
            problem = AppOptions.parse(list).missingProgram(new SampleCatalog(Launcher.class.getClassLoader()));
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        if (problem != null) {
            // said before any window or toolkit starts, so it works without a display too
            System.err.println("waferscope: " + problem);
            System.exit(2);
        }
        if (list.contains(AppOptions.HEADLESS)) {
            headless();
        }
        quietClassPathWarning();
        Application.launch(WaferscopeApp.class, args);
        if (ScreenshotRun.exitStatus() != 0) {
            System.exit(ScreenshotRun.exitStatus());
        }
    }

    /** JavaFX's logger; held here so that the filter set on it outlives this method. */
    static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /**
     * Drops JavaFX's start-up warning that classes came from the class path ("Unsupported
     * JavaFX configuration"): the jar runs from the class path on purpose (TOOLCHAIN.md), and
     * the line on every start made users think the install was broken. Other warnings pass.
     */
    static void quietClassPathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }
}
