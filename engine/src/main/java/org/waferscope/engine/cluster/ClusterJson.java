package org.waferscope.engine.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.ir.SourcePos;

/**
 * Reads {@code cluster.json} strictly: a syntax error, an unknown key, a value of the wrong
 * kind or out of range is an error at its line and column, and all of a file's errors are
 * reported together. The schema is in docs/CLUSTER.md.
 */
public final class ClusterJson {
    public static final String FILE = "cluster.json";
    public static final int MAX_SYSTEMS = 16;
    /** Data bytes a layer PE may use, leaving the rest of its 48 KB for the kernel's code and stack. */
    static final int SRAM_DATA_BYTES = 40 * 1024;

    private static final ObjectMapper MAPPER = mapper();

    private final JsonPositions where;
    private final Diagnostics diags = new Diagnostics();

    private ClusterJson(JsonPositions where) {
        this.where = where;
    }

    private static ObjectMapper mapper() {
        JsonFactory f = JsonFactory.builder().build();
        f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        ObjectMapper m = new ObjectMapper(f);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return m;
    }

    /** Reads and checks {@code text}; every problem is in the exception. */
    public static ClusterSpec read(String text) throws ProgramLoadException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String msg = org.waferscope.engine.program.JsonSyntax.say(e.getOriginalMessage());
            throw new ProgramLoadException(new org.waferscope.engine.csl.Diagnostic(
                    new SourcePos(FILE, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr()), msg));
        }
        ClusterJson r = new ClusterJson(new JsonPositions(FILE, text, MAPPER.getFactory()));
        ClusterSpec spec = r.spec(root);
        r.diags.throwIfAny();
        return spec;
    }

    private void error(String pointer, String message) {
        diags.error(where.of(pointer), message);
    }

    private ClusterSpec spec(JsonNode root) {
        if (root == null || !root.isObject()) {
            error("", "cluster.json must hold one object { \"systems\": ..., \"model\": ..., ... }");
            return null;
        }
        keys(root, "", Set.of("title", "summary", "lesson", "arch", "systems", "model", "data", "training", "links"));
        String title = text(root, "", "title", "");
        String summary = text(root, "", "summary", "");
        String lesson = lesson(root.get("lesson"));
        ArchProfile arch = ArchProfile.WSE2;
        String archName = text(root, "", "arch", "wse2");
        try {
            arch = ArchProfile.byName(archName);
        } catch (IllegalArgumentException e) {
            error("/arch", e.getMessage());
        }
        int systems = integer(root, "", "systems", 1, 1, MAX_SYSTEMS);
        JsonNode model = object(root, "", "model", true);
        int inputs = integer(model, "/model", "inputs", null, 1, 1024);
        List<ClusterSpec.Layer> layers = layers(model);
        if (model != null) {
            keys(model, "/model", Set.of("inputs", "layers", "loss"));
            String loss = text(model, "/model", "loss", "softmax_cross_entropy");
            if (!loss.equals("softmax_cross_entropy")) {
                error("/model/loss", "\"loss\" must be \"softmax_cross_entropy\"");
            }
        }
        ClusterSpec.Data data = data(object(root, "", "data", true), layers);
        ClusterSpec.Training training = training(object(root, "", "training", true));
        ClusterSpec.Links links = links(object(root, "", "links", false));
        if (diags.hasErrors()) {
            return null;
        }
        ClusterSpec spec = new ClusterSpec(title, summary, lesson, arch, systems, inputs, layers, data, training, links);
        checkFits(spec);
        return spec;
    }

    private List<ClusterSpec.Layer> layers(JsonNode model) {
        List<ClusterSpec.Layer> out = new ArrayList<>();
        JsonNode arr = model == null ? null : model.get("layers");
        if (arr == null || !arr.isArray() || arr.isEmpty()) {
            error("/model" + (arr == null ? "" : "/layers"), "\"layers\" must be a non-empty array of dense layers");
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            String at = "/model/layers/" + i;
            JsonNode l = arr.get(i);
            if (!l.isObject()) {
                error(at, "a layer is an object { \"units\": n, \"activation\": \"relu\", \"pes\": {...} }");
                continue;
            }
            keys(l, at, Set.of("units", "activation", "pes"));
            int units = integer(l, at, "units", null, 1, 1024);
            String act = text(l, at, "activation", "relu");
            ClusterSpec.Activation a = switch (act) {
                case "relu" -> ClusterSpec.Activation.RELU;
                case "linear" -> ClusterSpec.Activation.LINEAR;
                default -> {
                    error(at + "/activation", "\"activation\" must be \"relu\" or \"linear\", not \"" + act + "\"");
                    yield ClusterSpec.Activation.RELU;
                }
            };
            JsonNode pes = object(l, at, "pes", true);
            keys(pes, at + "/pes", Set.of("width", "height"));
            int w = integer(pes, at + "/pes", "width", null, 1, 64);
            int h = integer(pes, at + "/pes", "height", 1, 1, 64);
            if (i == arr.size() - 1 && a != ClusterSpec.Activation.LINEAR) {
                error(at + "/activation", "the last layer feeds softmax cross-entropy, so its activation must be \"linear\"");
            }
            if (!out.isEmpty() && (out.get(0).width() != w || out.get(0).height() != h)) {
                error(at + "/pes", "weight streaming maps every layer over the same PEs (the activations stay where"
                        + " the layer before left them): expected " + out.get(0).width() + "x" + out.get(0).height());
            }
            out.add(new ClusterSpec.Layer(units, a, w, h));
        }
        return out;
    }

    private ClusterSpec.Data data(JsonNode d, List<ClusterSpec.Layer> layers) {
        if (d == null) {
            return null;
        }
        keys(d, "/data", Set.of("file", "classes", "scale", "test_fraction", "split_seed"));
        String file = text(d, "/data", "file", null);
        int classes = integer(d, "/data", "classes", null, 2, 1024);
        double scale = number(d, "/data", "scale", 1.0, 0, 1e9, false);
        double test = number(d, "/data", "test_fraction", 0.2, 0, 1, false);
        if (test >= 1) {
            error("/data/test_fraction", "\"test_fraction\" must be below 1");
        }
        long seed = integer(d, "/data", "split_seed", 0, 0, Integer.MAX_VALUE);
        if (!layers.isEmpty() && layers.get(layers.size() - 1).units() != classes) {
            error("/model/layers/" + (layers.size() - 1) + "/units", "the last layer must have one unit per class ("
                    + classes + ")");
        }
        return new ClusterSpec.Data(file, classes, scale, test, seed);
    }

    private ClusterSpec.Training training(JsonNode t) {
        if (t == null) {
            return null;
        }
        keys(t, "/training", Set.of("batch", "steps", "seed", "optimizer"));
        int batch = integer(t, "/training", "batch", null, 1, 4096);
        int steps = integer(t, "/training", "steps", null, 0, 1_000_000);
        long seed = integer(t, "/training", "seed", 1, 0, Integer.MAX_VALUE);
        JsonNode o = object(t, "/training", "optimizer", true);
        if (o == null) {
            return new ClusterSpec.Training(batch, steps, seed, null);
        }
        String at = "/training/optimizer";
        String kind = text(o, at, "kind", null);
        double lr = number(o, at, "learning_rate", null, 0, 100, false);
        if ("sgd".equals(kind)) {
            keys(o, at, Set.of("kind", "learning_rate", "momentum"));
            double mom = number(o, at, "momentum", 0.9, 0, 0.9999, true);
            return new ClusterSpec.Training(batch, steps, seed,
                    new ClusterSpec.Optimizer(ClusterSpec.OptimizerKind.SGD, lr, mom, 0, 0, 0));
        }
        if (!"adam".equals(kind)) {
            error(at + "/kind", "\"kind\" must be \"sgd\" or \"adam\"");
            return null;
        }
        keys(o, at, Set.of("kind", "learning_rate", "beta1", "beta2", "epsilon"));
        double b1 = number(o, at, "beta1", 0.9, 0, 0.9999, true);
        double b2 = number(o, at, "beta2", 0.999, 0, 0.9999, true);
        double eps = number(o, at, "epsilon", 1e-8, 0, 1, false);
        return new ClusterSpec.Training(batch, steps, seed,
                new ClusterSpec.Optimizer(ClusterSpec.OptimizerKind.ADAM, lr, 0, b1, b2, eps));
    }

    private ClusterSpec.Links links(JsonNode l) {
        ClusterSpec.Links d = ClusterSpec.Links.DEFAULTS;
        if (l == null) {
            return d;
        }
        String at = "/links";
        keys(l, at, Set.of("system_io_gbps", "memoryx_gbps", "swarmx_gbps", "memoryx_latency_us",
                "swarmx_latency_us", "swarmx_fanout", "memoryx_update_gweights"));
        return new ClusterSpec.Links(number(l, at, "system_io_gbps", d.systemIoGbps(), 0, 1e6, false),
                number(l, at, "memoryx_gbps", d.memoryxGbps(), 0, 1e6, false),
                number(l, at, "swarmx_gbps", d.swarmxGbps(), 0, 1e6, false),
                number(l, at, "memoryx_latency_us", d.memoryxLatencyUs(), 0, 1e6, true),
                number(l, at, "swarmx_latency_us", d.swarmxLatencyUs(), 0, 1e6, true),
                integer(l, at, "swarmx_fanout", d.fanout(), 2, 64),
                number(l, at, "memoryx_update_gweights", d.updateGweights(), 0, 1e6, false));
    }

    /** The batch a layer PE holds must fit in its SRAM beside the kernel. */
    private void checkFits(ClusterSpec spec) {
        String problem = WeightStreaming.sramProblem(spec, spec.systems());
        if (problem != null) {
            error("/training/batch", problem);
        }
    }

    private void keys(JsonNode o, String at, Set<String> allowed) {
        if (o == null || !o.isObject()) {
            return;
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                error(at + "/" + k, "unknown key \"" + k + "\"" + (at.isEmpty() ? "" : " in " + at.substring(1))
                        + "; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    private JsonNode object(JsonNode parent, String at, String key, boolean required) {
        JsonNode v = parent == null ? null : parent.get(key);
        if (v == null) {
            if (required && parent != null) {
                error(at, "missing \"" + key + "\"");
            }
            return null;
        }
        if (!v.isObject()) {
            error(at + "/" + key, "\"" + key + "\" must be an object");
            return null;
        }
        return v;
    }

    private String text(JsonNode o, String at, String key, String def) {
        JsonNode v = o == null ? null : o.get(key);
        if (v == null) {
            if (def == null && o != null) {
                error(at, "missing \"" + key + "\"");
            }
            return def == null ? "" : def;
        }
        if (!v.isTextual()) {
            error(at + "/" + key, "\"" + key + "\" must be a string");
            return def == null ? "" : def;
        }
        return v.asText();
    }

    private String lesson(JsonNode v) {
        if (v == null) {
            return "";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        List<String> lines = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode line : v) {
                if (!line.isTextual()) {
                    error("/lesson", "\"lesson\" must be a string or an array of strings");
                    return "";
                }
                lines.add(line.asText());
            }
            return String.join("\n", lines);
        }
        error("/lesson", "\"lesson\" must be a string or an array of strings");
        return "";
    }

    private int integer(JsonNode o, String at, String key, Integer def, int min, int max) {
        JsonNode v = o == null ? null : o.get(key);
        if (v == null) {
            if (def == null && o != null) {
                error(at, "missing \"" + key + "\"");
            }
            return def == null ? min : def;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            error(at + "/" + key, "\"" + key + "\" must be an integer from " + min + " to " + max);
            return def == null ? min : def;
        }
        return v.asInt();
    }

    /** A number in [min, max] (or [min, max) when {@code belowMax}), above min unless min is 0 and zero is allowed. */
    private double number(JsonNode o, String at, String key, Double def, double min, double max, boolean zeroOk) {
        JsonNode v = o == null ? null : o.get(key);
        if (v == null) {
            if (def == null && o != null) {
                error(at, "missing \"" + key + "\"");
            }
            return def == null ? 1 : def;
        }
        double x = v.isNumber() ? v.asDouble() : Double.NaN;
        boolean ok = v.isNumber() && x <= max && (zeroOk ? x >= min : x > min);
        if (!ok) {
            error(at + "/" + key, "\"" + key + "\" must be a number " + (zeroOk ? "from " : "above ") + min + " to " + max);
            return def == null ? 1 : def;
        }
        return x;
    }
}
