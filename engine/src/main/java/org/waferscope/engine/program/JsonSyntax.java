package org.waferscope.engine.program;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error of run.json (or cluster.json) in our words: what was expected and what
 * was found, as the CSL front end says its errors, rather than the JSON library's text ("code
 * 123", "field name", "Object entries"). The library's position is right and is kept by the
 * caller; a missing close bracket is said with where its opening one is.
 */
public final class JsonSyntax {
    private static final Pattern CHARACTER = Pattern.compile("Unexpected character \\('(.*?)' \\(code \\d+\\)\\):? (.*)",
            Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);
    private static final Pattern UNCLOSED = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array).*line: (\\d+), column: (\\d+).*",
            Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'.*", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*?)'.*", Pattern.DOTALL);
    private static final String VALUE = "a value (a string in double quotes, a number, true, false, null, [ or {)";

    private JsonSyntax() {
    }

    /** The library's message {@code m} (its original message, without the location) said our way. */
    public static String say(String m) {
        if (m == null) {
            return "not valid JSON";
        }
        Matcher c = CHARACTER.matcher(m);
        if (c.matches()) {
            return character(c.group(1), c.group(2));
        }
        Matcher t = TOKEN.matcher(m);
        if (t.matches()) {
            return "expected " + VALUE + ", found " + t.group(1);
        }
        Matcher u = UNCLOSED.matcher(m);
        if (u.matches()) {
            boolean object = u.group(1).equals("Object");
            return "the file ends before the '" + (object ? "{" : "[") + "' at line " + u.group(2) + ", column "
                    + u.group(3) + " is closed: a '" + (object ? "}" : "]") + "' is missing";
        }
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of the JSON: a value, '}' or ']' is missing";
        }
        Matcher cl = CLOSE.matcher(m);
        if (cl.matches()) {
            return "found '" + cl.group(1) + "' with nothing open to close: one too many";
        }
        Matcher d = DUPLICATE.matcher(m);
        if (d.matches()) {
            return "the key \"" + d.group(1) + "\" appears twice in this object";
        }
        if (m.startsWith("Trailing token")) {
            return "more after the end of the file's one object: remove it, or the '}' that ends the object too early";
        }
        int cut = m.indexOf("\n at [Source");
        return "not valid JSON: " + (cut >= 0 ? m.substring(0, cut) : m).replaceAll("\\s*\\n.*", "");
    }

    private static String character(String ch, String expecting) {
        String found = "found '" + ch + "'";
        if (expecting.contains("double-quote to start field name")) {
            return ch.equals("}") ? "a ',' before '}': JSON allows no comma after an object's last entry"
                    : "expected a key in double quotes (\"name\": value), " + found;
        }
        if (expecting.contains("colon to separate")) {
            return "expected ':' after the key, " + found;
        }
        if (expecting.contains("comma to separate Object")) {
            return "expected ',' before the next entry or '}' to end the object, " + found;
        }
        if (expecting.contains("comma to separate Array")) {
            return "expected ',' before the next element or ']' to end the list, " + found;
        }
        if (expecting.contains("expected a valid value")) {
            return switch (ch) {
                case "]" -> "a ',' before ']': JSON allows no comma after a list's last element";
                case "'" -> "expected " + VALUE + ", found a single quote: JSON strings take double quotes";
                default -> "expected " + VALUE + ", " + found;
            };
        }
        return "unexpected '" + ch + "' here";
    }
}
