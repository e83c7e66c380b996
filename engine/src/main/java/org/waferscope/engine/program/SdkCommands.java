package org.waferscope.engine.program;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiler options of an SDK example folder, read from the first {@code cslc} command of
 * its {@code commands_wse2.sh} (or {@code commands_wse3.sh}): the layout file, its params,
 * the fabric's size and the program rectangle's offset on it, and the architecture. A
 * folder the SDK builds this way opens in Waferscope without a hand-written layout option.
 *
 * @param layout        the layout file, relative to the folder ({@code layout.csl}, {@code src/layout.csl})
 * @param params        {@code --params} and {@code --colors} values, in the order given
 * @param fabricWidth   {@code --fabric-dims} width, or 0 when not given
 * @param fabricHeight  {@code --fabric-dims} height, or 0
 * @param offsetX       {@code --fabric-offsets} x
 * @param offsetY       {@code --fabric-offsets} y
 * @param arch          {@code --arch}, or null
 */
public record SdkCommands(String layout, Map<String, String> params, int fabricWidth, int fabricHeight,
                          int offsetX, int offsetY, String arch) {
    public SdkCommands {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Reads the first cslc command of a shell script; null when the script has none. */
    public static SdkCommands parse(String script) {
        for (List<String> words : commandLines(script)) {
            if (words.get(0).equals("cslc")) {
                return of(words);
            }
        }
        return null;
    }

    /** The options of one cslc command's words; null when it names no .csl file. */
    static SdkCommands of(List<String> words) {
        String layout = null;
        Map<String, String> params = new LinkedHashMap<>();
        int[] dims = {0, 0};
        int[] offs = {0, 0};
        String arch = null;
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            String key = w;
            String value = null;
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                key = w.substring(0, eq);
                value = w.substring(eq + 1);
            } else if (w.startsWith("-") && takesValue(w) && i + 1 < words.size()) {
                value = words.get(++i);
            }
            switch (key) {
                case "--params", "--colors" -> {
                    for (String pair : value == null ? new String[0] : value.split(",")) {
                        int colon = pair.indexOf(':');
                        if (colon > 0) {
                            params.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
                        }
                    }
                }
                case "--fabric-dims" -> dims = pair(value);
                case "--fabric-offsets" -> offs = pair(value);
                case "--arch" -> arch = value;
                default -> {
                    if (!w.startsWith("-") && w.endsWith(".csl") && layout == null) {
                        layout = w.startsWith("./") ? w.substring(2) : w;
                    }
                }
            }
        }
        return layout == null ? null : new SdkCommands(layout, params, dims[0], dims[1], offs[0], offs[1], arch);
    }

    private static boolean takesValue(String option) {
        return switch (option) {
            case "--params", "--colors", "--fabric-dims", "--fabric-offsets", "--arch", "-o", "--channels" -> true;
            default -> false;
        };
    }

    private static int[] pair(String v) {
        if (v == null) {
            return new int[] {0, 0};
        }
        String[] p = v.split(",");
        try {
            return new int[] {Integer.parseInt(p[0].trim()), p.length > 1 ? Integer.parseInt(p[1].trim()) : 0};
        } catch (NumberFormatException e) {
            return new int[] {0, 0};
        }
    }

    /** The script's command lines as words, backslash continuations joined, comments and blank lines left out. */
    static List<List<String>> commandLines(String script) {
        String joined = script.replace("\\\r\n", " ").replace("\\\n", " ");
        List<List<String>> lines = new ArrayList<>();
        for (String line : joined.split("\r?\n")) {
            String t = line.strip();
            int hash = t.indexOf(" #");
            if (hash >= 0) {
                t = t.substring(0, hash);
            }
            if (!t.isEmpty() && !t.startsWith("#")) {
                lines.add(new ArrayList<>(List.of(t.split("\\s+"))));
            }
        }
        return lines;
    }
}
