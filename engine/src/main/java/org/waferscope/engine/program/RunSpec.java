package org.waferscope.engine.program;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * run.json as written, before its values are checked (see docs/run-json.md). Numbers that
 * may depend on layout params are kept as {@link JsonNode}s: a number, or a string holding
 * an integer expression over the params such as {@code "M / kernel_y_dim"}.
 */
record RunSpec(
        @JsonProperty("title") String title,
        @JsonProperty("summary") String summary,
        @JsonProperty("lesson") JsonNode lesson,
        @JsonProperty("arch") String arch,
        @JsonProperty("params") Map<String, JsonNode> params,
        @JsonProperty("arrays") Map<String, JsonNode> arrays,
        @JsonProperty("steps") List<JsonNode> steps) {

    /** A named host array: inline values, a file, or generated. */
    record ArraySpec(
            @JsonProperty("type") String type,
            @JsonProperty("shape") List<JsonNode> shape,
            @JsonProperty("values") JsonNode values,
            @JsonProperty("file") String file,
            @JsonProperty("fill") Double fill,
            @JsonProperty("arange") Arange arange,
            @JsonProperty("uniform") Uniform uniform,
            @JsonProperty("expr") String expr) {
    }

    record Arange(@JsonProperty("start") Double start, @JsonProperty("step") Double step) {
    }

    record Uniform(@JsonProperty("min") Double min, @JsonProperty("max") Double max, @JsonProperty("seed") Long seed) {
    }

    /** A rectangle of PEs; each number may be a param expression. */
    record Rect(@JsonProperty("x") JsonNode x, @JsonProperty("y") JsonNode y,
                @JsonProperty("width") JsonNode width, @JsonProperty("height") JsonNode height) {
    }

    /** One step: exactly one of the fields is set. */
    record Step(
            @JsonProperty("copy_in") Transfer copyIn,
            @JsonProperty("stream_in") Transfer streamIn,
            @JsonProperty("launch") String launch,
            @JsonProperty("args") List<JsonNode> args,
            @JsonProperty("copy_out") Transfer copyOut,
            @JsonProperty("stream_out") Transfer streamOut,
            @JsonProperty("check") Check check) {
    }

    /** A copy or stream between a host array and a rectangle of PEs. */
    record Transfer(
            @JsonProperty("array") String array,
            @JsonProperty("symbol") String symbol,
            @JsonProperty("color") JsonNode color,
            @JsonProperty("type") String type,
            @JsonProperty("rect") Rect rect,
            @JsonProperty("per_pe") JsonNode perPe,
            @JsonProperty("order") String order,
            @JsonProperty("reshape") List<JsonNode> reshape,
            @JsonProperty("transpose") List<Integer> transpose,
            @JsonProperty("nonblock") Boolean nonblock,
            @JsonProperty("broadcast") String broadcast,
            @JsonProperty("index_high") Boolean indexHigh) {
    }

    /** Which elements of the checked array to compare: start, start + step, ... before stop. */
    record Slice(@JsonProperty("start") JsonNode start, @JsonProperty("stop") JsonNode stop,
                 @JsonProperty("step") JsonNode step) {
    }

    record Check(
            @JsonProperty("name") String name,
            @JsonProperty("array") String array,
            @JsonProperty("expected") JsonNode expected,
            @JsonProperty("tolerance") Double tolerance,
            @JsonProperty("atol") Double atol,
            @JsonProperty("rtol") Double rtol,
            @JsonProperty("slice") Slice slice,
            @JsonProperty("reduce") String reduce,
            @JsonProperty("reshape") List<JsonNode> reshape,
            @JsonProperty("transpose") List<Integer> transpose,
            @JsonProperty("complex") Boolean complex) {
    }
}
