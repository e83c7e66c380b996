package org.waferscope.engine.program;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.ir.SourcePos;

/**
 * Reads run.json strictly: a syntax error, an unknown key or a value of the wrong kind is
 * an error with its line and column. Each array and step is read on its own, so one load
 * reports the problems of all of them.
 */
final class RunJson {
    static final String FILE = "run.json";
    private static final Set<String> ROOT = Set.of("title", "summary", "lesson", "arch", "params", "arrays", "steps",
            "watch", "sdk_layout");

    private static final ObjectMapper MAPPER = mapper();

    private RunJson() {
    }

    private static ObjectMapper mapper() {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1_000_000)
                        .maxNumberLength(100).build())
                .build();
        f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper m = new ObjectMapper(f);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        return m;
    }

    /**
     * A run.json with an array and a step of each kind that a load's first read meets: read
     * once by {@link #warmUp()}, so that the mapper's set-up and its introspection of the step
     * classes (about 40 ms of a cold JVM's loading thread) are done before a load asks.
     */
    static final String WARM_UP = """
            { "title": "warm-up", "params": { "n": 2 },
              "arrays": { "a": { "type": "f32", "shape": ["n"], "uniform": { "min": 0, "max": 1, "seed": 1 } } },
              "steps": [
                { "copy_in": { "array": "a", "symbol": "x", "rect": { "x": 0, "y": 0, "width": 1, "height": 1 }, "per_pe": "n" } },
                { "launch": "start" },
                { "copy_out": { "symbol": "x", "array": "b", "rect": { "x": 0, "y": 0, "width": 1, "height": 1 }, "per_pe": 2 } },
                { "check": { "name": "b", "array": "b", "expected": "a", "tolerance": 0 } } ] }
            """;

    /**
     * Reads {@link #WARM_UP} and drops it: a launcher calls this on a thread of its own while
     * it parses its command line. The mapper is shared and thread-safe; nothing else is kept.
     */
    static boolean warmUp() {
        Diagnostics d = new Diagnostics();
        return read(WARM_UP, d) != null && !d.hasErrors();
    }

    /** Reads {@code text}; returns null if it is not JSON at all (errors in {@code diags}). */
    static RunPlan read(String text, Diagnostics diags) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            diags.error(position(e.getLocation()), JsonSyntax.say(e.getOriginalMessage()));
            return null;
        }
        JsonLocator loc = new JsonLocator(FILE, text, MAPPER.getFactory());
        if (root == null || !root.isObject()) {
            diags.error(loc.at(""), "run.json must hold one object { \"title\": ..., \"steps\": [...] }");
            return null;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!ROOT.contains(k)) {
                diags.error(loc.at("/" + k), "unknown key \"" + k + "\" in run.json; expected one of " + sorted(ROOT));
            }
        }
        String title = text(root, "title", loc, diags);
        String summary = text(root, "summary", loc, diags);
        String arch = text(root, "arch", loc, diags);
        String sdkLayout = text(root, "sdk_layout", loc, diags);
        String lesson = lesson(root.get("lesson"), loc, diags);
        String watch = watch(text(root, "watch", loc, diags), loc, diags);
        Map<String, String> params = params(root.get("params"), loc, diags);
        Map<String, RunPlan.Located<RunSpec.ArraySpec>> arrays = new LinkedHashMap<>();
        JsonNode arr = root.get("arrays");
        if (arr != null && !arr.isObject()) {
            diags.error(loc.at("/arrays"), "\"arrays\" must be an object of named arrays");
        } else if (arr != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = arr.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String ptr = "/arrays/" + e.getKey();
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    diags.error(loc.at(ptr), "array name \"" + e.getKey() + "\" must be a name like A or x_in");
                    continue;
                }
                RunSpec.ArraySpec spec = convert(e.getValue(), RunSpec.ArraySpec.class, ptr, "array " + e.getKey(), loc, diags);
                if (spec != null) {
                    arrays.put(e.getKey(), new RunPlan.Located<>(spec, ptr));
                }
            }
        }
        List<RunPlan.Located<RunSpec.Step>> steps = new ArrayList<>();
        JsonNode st = root.get("steps");
        if (st == null || !st.isArray()) {
            diags.error(loc.at(st == null ? "" : "/steps"), "run.json needs \"steps\": [ ... ], the host's commands in order");
        } else {
            for (int i = 0; i < st.size(); i++) {
                String ptr = "/steps/" + i;
                RunSpec.Step s = convert(st.get(i), RunSpec.Step.class, ptr, "step " + (i + 1), loc, diags);
                if (s != null) {
                    steps.add(new RunPlan.Located<>(s, ptr));
                }
            }
        }
        return new RunPlan(title, summary, lesson, arch, params, arrays, steps, loc, watch, sdkLayout);
    }

    private static <T> T convert(JsonNode node, Class<T> type, String ptr, String what, JsonLocator loc, Diagnostics diags) {
        if (!node.isObject()) {
            diags.error(loc.at(ptr), what + " must be an object { ... }");
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            String at = ptr + pointer(e);
            String known = e.getKnownPropertyIds() == null ? "" : "; expected one of "
                    + sorted(e.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.toSet()));
            diags.error(loc.at(at), "unknown key \"" + e.getPropertyName() + "\" in " + what + known);
        } catch (JsonMappingException e) {
            diags.error(loc.at(ptr + pointer(e)), what + ": " + clean(e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            diags.error(loc.at(ptr), what + ": " + clean(e.getMessage()));
        }
        return null;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('/').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }

    private static String text(JsonNode root, String key, JsonLocator loc, Diagnostics diags) {
        JsonNode n = root.get(key);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            diags.error(loc.at("/" + key), "\"" + key + "\" must be a string");
            return null;
        }
        return n.asText();
    }

    /** The layer the explorer opens the program on, as {@code --layer} spells it ("" for none). */
    private static String watch(String text, JsonLocator loc, Diagnostics diags) {
        if (text == null) {
            return "";
        }
        try {
            return org.waferscope.engine.api.LayerChoice.parse(text).text();
        } catch (IllegalArgumentException e) {
            diags.error(loc.at("/watch"), "\"watch\": " + e.getMessage());
            return "";
        }
    }

    private static String lesson(JsonNode n, JsonLocator loc, Diagnostics diags) {
        if (n == null) {
            return "";
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode line : n) {
                if (!line.isTextual()) {
                    diags.error(loc.at("/lesson"), "\"lesson\" must be a string or an array of strings (lines)");
                    return "";
                }
                sb.append(line.asText()).append('\n');
            }
            return sb.toString();
        }
        diags.error(loc.at("/lesson"), "\"lesson\" must be a string or an array of strings (lines)");
        return "";
    }

    private static Map<String, String> params(JsonNode n, JsonLocator loc, Diagnostics diags) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!n.isObject()) {
            diags.error(loc.at("/params"), "\"params\" must be an object such as { \"M\": 32 }");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isIntegralNumber() || v.isBoolean() || v.isFloatingPointNumber()) {
                out.put(e.getKey(), v.asText());
            } else {
                diags.error(loc.at("/params/" + e.getKey()), "param \"" + e.getKey() + "\" must be a number or a bool");
            }
        }
        return out;
    }

    static SourcePos position(JsonLocation l) {
        return l == null ? new SourcePos(FILE, 1, 1) : new SourcePos(FILE, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static String clean(String m) {
        if (m == null) {
            return "malformed JSON";
        }
        int cut = m.indexOf("\n at [Source");
        String s = cut >= 0 ? m.substring(0, cut) : m;
        return s.replace("org.waferscope.engine.program.RunSpec$", "").replace("`", "");
    }

    private static String sorted(Set<String> s) {
        return s.stream().sorted().collect(Collectors.joining(", "));
    }
}
