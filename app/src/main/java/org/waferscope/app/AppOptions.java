package org.waferscope.app;

import java.nio.file.Path;
import java.util.List;
import org.waferscope.engine.api.LayerChoice;

/**
 * The explorer's command-line options.
 *
 * @param open       a program folder to open instead of the default sample
 * @param sample     a packaged sample to open by name
 * @param screenshot where to write a PNG of the main window, then exit
 * @param cycles     cycles to run before the screenshot
 * @param layer      the layer to show first (for the value layer, with its variable)
 * @param select     the PE to select first, or null
 * @param theme      "light" or "dark" to override the preference, or null
 * @param exitAfterMs close after this many milliseconds (scripted runs), or 0
 * @param params     layout params overriding run.json's, as text
 * @param build      which build of an SDK example's build script to open, or null
 * @param window     the window's width and height (e.g. a screenshot at a laptop's 1280x800), or null
 */
record AppOptions(Path open, String sample, Path screenshot, long cycles, LayerChoice layer, int[] select,
                  String theme, long exitAfterMs, java.util.Map<String, String> params,
                  org.waferscope.engine.program.SdkChoice build, int[] window) {
    /** Flag (no value): render with no display at all, for {@code --screenshot} on servers. */
    static final String HEADLESS = "--headless";
    static final String USAGE = """
            usage: waferscope [--open DIR [--build N] | --sample NAME] [--param NAME=VALUE]... [--layer LAYER|value:SYMBOL] [--select X,Y]
                              [--theme light|dark] [--headless] [--window WIDTHxHEIGHT]
                              [--screenshot FILE.png [--cycles N]] [--exit-after MS]
                   waferscope run|bench|check|export-trace|compare|train|sdk-examples-check ...   (the headless command line)""";

    /** The options that take a value; any other word is unknown, whether or not a value follows it. */
    static final java.util.Set<String> WITH_VALUE = java.util.Set.of("--open", "--sample", "--screenshot",
            "--cycles", "--layer", "--select", "--theme", "--exit-after", "--param", "--build", "--window");

    static AppOptions parse(List<String> args) {
        Path open = null;
        String sample = null;
        Path shot = null;
        long cycles = 1000;
        LayerChoice layer = null;
        int[] select = null;
        String theme = null;
        long exitAfter = Long.getLong("waferscope.exitAfterMs", 0L);
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        org.waferscope.engine.program.SdkChoice build = null;
        int[] window = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(HEADLESS)) {
                continue;
            }
            if (i == 0 && !a.startsWith("-")) {
                // a first word that is no option was meant as a command of the command line
                throw new IllegalArgumentException(unknownCommand(a) + "\n" + USAGE);
            }
            if (!WITH_VALUE.contains(a)) {
                throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            if (next == null) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            switch (a) {
                case "--open" -> open = Path.of(next);
                case "--sample" -> sample = next;
                case "--screenshot" -> shot = Path.of(next);
                case "--cycles" -> cycles = number(a, next);
                case "--layer" -> layer = layer(next);
                case "--select" -> select = java.util.Arrays.stream(next.split(",")).mapToLong(v -> number(a, v))
                        .mapToInt(Math::toIntExact).toArray();
                case "--theme" -> theme = next;
                case "--exit-after" -> exitAfter = number(a, next);
                case "--window" -> window = size(next);
                case "--build" -> build = org.waferscope.engine.program.SdkChoice.parse(next);
                case "--param" -> {
                    int eq = next.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--param wants NAME=VALUE, not " + next);
                    }
                    params.put(next.substring(0, eq), next.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
            i++;
        }
        if (select != null && (select.length != 2 || select[0] < 0 || select[1] < 0)) {
            throw new IllegalArgumentException("--select wants X,Y, each 0 or more");
        }
        if (cycles < 0) {
            throw new IllegalArgumentException("--cycles wants 0 or more cycles, not " + cycles);
        }
        if (build != null && open == null) {
            throw new IllegalArgumentException("--build chooses a build of the SDK example folder --open names; give --open DIR");
        }
        return new AppOptions(open, sample, shot, cycles, layer, select, theme, exitAfter, java.util.Map.copyOf(params),
                build, window);
    }

    /**
     * Why the program these options name cannot be opened, or null when it can: an unknown
     * sample or a missing folder. Checked before any window exists, so a scripted
     * {@code --screenshot} fails (and says why) instead of writing a picture of an empty window.
     */
    String missingProgram(org.waferscope.app.samples.SampleCatalog samples) {
        if (open != null && !java.nio.file.Files.isDirectory(open)) {
            return "cannot open the program folder: " + org.waferscope.engine.program.FolderSource.notAFolder(open);
        }
        if (open == null && sample != null && samples.byName(sample).isEmpty()) {
            return samples.unknown(sample);
        }
        return null;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " wants a whole number, not " + text);
        }
    }

    /** WIDTHxHEIGHT in pixels, each at least 640x480: smaller cannot show the explorer's panes. */
    private static int[] size(String text) {
        String[] wh = text.strip().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (wh.length != 2) {
            throw new IllegalArgumentException("--window wants WIDTHxHEIGHT in pixels, such as 1280x800, not " + text);
        }
        long w = number("--window", wh[0]);
        long h = number("--window", wh[1]);
        if (w < 640 || h < 480 || w > 16384 || h > 16384) {
            throw new IllegalArgumentException("--window wants a size from 640x480 to 16384x16384, not " + text);
        }
        return new int[] {(int) w, (int) h};
    }

    private static LayerChoice layer(String name) {
        try {
            return LayerChoice.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--layer: " + e.getMessage());
        }
    }

    /**
     * "unknown command WORD", with what was likely meant: a command of another name ("compile":
     * check says a program's errors without running it), a sample named without --sample, or a
     * mistyped command.
     */
    static String unknownCommand(String word) {
        String said = "unknown command " + word;
        if (java.util.Set.of("compile", "lint", "build", "verify").contains(word)) {
            return said + ": `check PROGRAM` says every error of a program without running it";
        }
        if (new org.waferscope.app.samples.SampleCatalog(AppOptions.class.getClassLoader()).byName(word).isPresent()) {
            return said + ": to open the sample " + word + " in the explorer, --sample " + word
                    + "; to run it without the window, run " + word;
        }
        return said + org.waferscope.engine.csl.eval.NameHint.didYouMean(word, Launcher.COMMANDS);
    }
}
