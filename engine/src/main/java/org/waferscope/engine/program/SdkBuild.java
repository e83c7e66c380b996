package org.waferscope.engine.program;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One build of an SDK example's build script: a {@code cslc} command ({@link SdkCommands}),
 * its number in the script (1 for the first), and the host-script variants the script runs
 * on it: the flags of each {@code cs_python run.py ...} line that follows it, with the
 * output-folder and address flags left out ({@code ""} for a plain run, {@code "--inverse"}).
 * The fft-1d-2d benchmark, for one, builds a 1-D and a 2-D program and runs each forward and
 * with {@code --inverse}.
 *
 * @param number   1, 2, ... in the order of the script
 * @param commands the cslc options
 * @param variants the run.py flags of each run of this build, in order, without repeats
 */
public record SdkBuild(int number, SdkCommands commands, List<String> variants) {
    /** run.py flags that only say where things are, not what the run does. */
    private static final Set<String> PLACE_FLAGS = Set.of("--name", "-n", "--cmaddr", "--latestlink");

    public SdkBuild {
        variants = List.copyOf(variants);
    }

    /** How a check and a chooser name it: its params as the script gives them, {@code [DIM:2,Nz:4,FP:1]}. */
    public String label() {
        StringBuilder s = new StringBuilder("[");
        commands.params().forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(k).append(':').append(v));
        return s.append(']').toString();
    }

    /** Every build of a script, in order; empty when it has no cslc command. */
    public static List<SdkBuild> parseAll(String script) {
        List<SdkBuild> builds = new ArrayList<>();
        SdkCommands current = null;
        Set<String> variants = new LinkedHashSet<>();
        for (List<String> words : SdkCommands.commandLines(script)) {
            if (words.get(0).equals("cslc")) {
                if (current != null) {
                    builds.add(new SdkBuild(builds.size() + 1, current, new ArrayList<>(variants)));
                }
                current = SdkCommands.of(words);
                variants.clear();
            } else if (current != null && runsHostScript(words)) {
                variants.add(flags(words));
            }
        }
        if (current != null) {
            builds.add(new SdkBuild(builds.size() + 1, current, new ArrayList<>(variants)));
        }
        builds.removeIf(b -> b.commands() == null);
        return builds;
    }

    private static boolean runsHostScript(List<String> words) {
        return words.size() > 1 && words.get(0).equals("cs_python") && words.get(1).endsWith("run.py");
    }

    /** The run's flags that change what it does, space-separated in the script's order. */
    private static String flags(List<String> words) {
        StringBuilder s = new StringBuilder();
        for (int i = 2; i < words.size(); i++) {
            String w = words.get(i);
            String key = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (PLACE_FLAGS.contains(key)) {
                if (!w.contains("=")) {
                    i++;
                }
                continue;
            }
            s.append(s.length() > 0 ? " " : "").append(w);
        }
        return s.toString();
    }
}
