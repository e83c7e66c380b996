package org.waferscope.engine.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations a hostile or careless user might make to a program folder: byte flips,
 * truncations, token and line edits, splices from other samples, huge numbers, deep
 * nesting and long chains, and bad values in run.json. Every choice comes from the
 * {@link Random} it is given, so a case is replayed from its seed alone.
 */
final class FuzzMutator {
    static final String[] POOL = {"{", "}", "(", ")", ";", ",", ".{", ".", "@", "\"", "|", "->", "&", "*",
        "[", "]", "999999999999", "-1", "0", "65536", "1e40", "while (true) {}", "@map(", "for (@range(u16, 65535)) |i| {}",
        "var", "const", "\"../x.csl\"", "@set_rectangle(1000, 1000);", "[*]", "fn", "task", "comptime", "if", "else",
        "@get_color(99)", "@get_local_task_id(22)", "@fmacs(", ".{ .async = true }", "\u00e9", "\u0000", "\t", "\n",
        "[100000]f32", "@increment_dsd_offset(", "return", "break;", "null", "{ \"x\": 1 }", "\"M * N * 1000\"",
        "@activate(", "@block(", "@unblock(", "@bind_local_task(", "@get_dsd(", "while (true) : (x += 1) {}", "undefined",
        "i16", "u32", "f16", "[*]f32", "&", ".*", "@as(i16, ", "@zeros([", "-", "/ 0", "% 0", ">> 40", "<< 99"};
    static final String[] HUGE = {"99999999999999999999999", "2147483648", "-2147483649", "4294967296", "65535", "65536",
        "32768", "-32769", "1e308", "1e400", "-0", "0", "9223372036854775807", "0x7fffffff", "16777216", "1000000"};
    static final String[] BAD_JSON = {"null", "[null]", "[0, null]", "[]", "{}", "\"\"", "-1", "0", "1e400",
        "99999999999999999999", "\"M * N * 99999\"", "true", "\"../../outside\"", "[[[[[[1]]]]]]", "{ \"file\": null }",
        "\"1 / 0\"", "\"A @ A @ A\"", "[1e308, -1e308]", "\"\\u0000\"", "{ \"x\": -5, \"y\": -5, \"width\": 0, \"height\": 0 }"};
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_@][A-Za-z0-9_]*|[0-9][0-9.eExX_]*|\"[^\"\\n]*\"|\\S");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern JSON_VALUE = Pattern.compile("(?<=: ?)(-?[0-9][0-9.eE+-]*|\"[^\"]*\"|\\[[^\\[\\]]*\\]|true|false|null)");

    private final Random r;
    private final List<String> donors;

    /** {@code donors}: texts of every sample file, for splices. */
    FuzzMutator(Random r, List<String> donors) {
        this.r = r;
        this.donors = donors;
    }

    /** Applies one mutation, or two or three, to random files to random files of {@code files}, in place. */
    void mutate(Map<String, String> files) {
        List<String> names = new ArrayList<>(files.keySet());
        java.util.Collections.sort(names);
        int n = r.nextInt(3) == 0 ? 2 + r.nextInt(2) : 1;
        for (int k = 0; k < n; k++) {
            String f = r.nextInt(4) == 0 && files.containsKey(RunJson.FILE) ? RunJson.FILE : names.get(r.nextInt(names.size()));
            files.put(f, once(files.get(f), f.equals(RunJson.FILE)));
        }
    }

    String once(String s, boolean json) {
        if (s.isEmpty()) {
            return pick(POOL);
        }
        int kind = r.nextInt(json ? 11 : 10);
        return switch (kind) {
            case 0 -> flipBytes(s);
            case 1 -> s.substring(0, r.nextInt(s.length()));
            case 2 -> tokenEdit(s);
            case 3 -> tokenEdit(s);
            case 4 -> lineEdit(s);
            case 5 -> splice(s);
            case 6 -> replaceOne(s, NUMBER, pick(HUGE));
            case 7 -> insert(s, deep());
            case 8 -> insert(s, pick(POOL));
            case 9 -> lineEdit(tokenEdit(s));
            default -> replaceOne(s, JSON_VALUE, pick(BAD_JSON));
        };
    }

    private String pick(String[] a) {
        return a[r.nextInt(a.length)];
    }

    private String insert(String s, String what) {
        int at = r.nextInt(s.length() + 1);
        return s.substring(0, at) + what + s.substring(at);
    }

    private String flipBytes(String s) {
        char[] c = s.toCharArray();
        for (int k = 1 + r.nextInt(4); k > 0; k--) {
            int at = r.nextInt(c.length);
            c[at] = r.nextBoolean() ? (char) (c[at] ^ (1 << r.nextInt(8))) : (char) r.nextInt(256);
        }
        return new String(c);
    }

    private String tokenEdit(String s) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return insert(s, pick(POOL));
        }
        int[] a = spans.get(r.nextInt(spans.size()));
        String replacement = switch (r.nextInt(3)) {
            case 0 -> "";
            case 1 -> pick(POOL);
            default -> {
                int[] b = spans.get(r.nextInt(spans.size()));
                yield s.substring(b[0], b[1]);
            }
        };
        return s.substring(0, a[0]) + replacement + s.substring(a[1]);
    }

    private String lineEdit(String s) {
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int i = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(r.nextInt(lines.size() + 1), lines.get(i));
            default -> java.util.Collections.swap(lines, i, r.nextInt(lines.size()));
        }
        return String.join("\n", lines);
    }

    /** A run of lines from another sample's file, put in at a line start. */
    private String splice(String s) {
        String[] from = donors.get(r.nextInt(donors.size())).split("\n", -1);
        int a = r.nextInt(from.length);
        int b = Math.min(from.length, a + 1 + r.nextInt(12));
        String chunk = String.join("\n", java.util.Arrays.asList(from).subList(a, b)) + "\n";
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int at = r.nextInt(lines.size() + 1);
        lines.add(at, chunk);
        return String.join("\n", lines);
    }

    private String replaceOne(String s, Pattern p, String with) {
        Matcher m = p.matcher(s);
        List<int[]> hits = new ArrayList<>();
        while (m.find()) {
            hits.add(new int[] {m.start(), m.end()});
        }
        if (hits.isEmpty()) {
            return insert(s, with);
        }
        int[] h = hits.get(r.nextInt(hits.size()));
        return s.substring(0, h[0]) + with + s.substring(h[1]);
    }

    /** Deep nesting and long chains, past the parser's and evaluators' depths. */
    private String deep() {
        int n = 150 + r.nextInt(9_000);
        return switch (r.nextInt(7)) {
            case 0 -> "(".repeat(n) + "1" + ")".repeat(n);
            case 1 -> "{".repeat(n) + "}".repeat(n);
            case 2 -> "1" + " + 1".repeat(n);
            case 3 -> "true" + " and true".repeat(n);
            case 4 -> "if (false) {}" + " else if (false) {}".repeat(n);
            case 5 -> "-".repeat(n) + "1";
            default -> "[".repeat(n) + "]".repeat(n);
        };
    }
}
