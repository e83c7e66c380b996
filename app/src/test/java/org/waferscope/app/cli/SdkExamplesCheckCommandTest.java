package org.waferscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker over a made-up checkout: one example passes, one is refused, the Python-layout ones are skipped. */
class SdkExamplesCheckCommandTest {
    private static final String LAYOUT = """
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = 1, .height = 1 });
            layout {
              @set_rectangle(1, 1);
              @set_tile_code(0, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(0) });
              @export_name("v", [*]f32, true);
              @export_name("go", fn()void);
            }
            """;
    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var v: [2]f32;
            var v_ptr: [*]f32 = &v;
            fn go() void { v[0] = 1.5; v[1] = 2.5; sys.unblock_cmd_stream(); }
            comptime { @export_symbol(v_ptr, "v"); @export_symbol(go); }
            """;
    static final String RUN = """
            { "steps": [ { "launch": "go" },
              { "copy_out": { "symbol": "v", "array": "v", "rect": { "width": 1, "height": 1 }, "per_pe": 2 } },
              { "check": { "array": "v", "expected": [1.5, 2.5] } } ] }
            """;

    private static void example(Path dir, String pe, String run) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("commands_wse2.sh"), "cslc --arch=wse2 ./layout.csl --fabric-dims=8,3 \\\n"
                + "--fabric-offsets=4,1 -o out --memcpy --channels 1\ncs_python run.py --name out\n");
        Files.writeString(dir.resolve("layout.csl"), LAYOUT);
        Files.writeString(dir.resolve("pe.csl"), pe);
        if (run != null) {
            Files.writeString(dir.resolve("run.json"), run);
        }
    }

    @Test
    void printsOneLinePerExampleAndATotal(@TempDir Path tmp) throws Exception {
        example(tmp.resolve("tutorials/mine-01"), PE, RUN);
        example(tmp.resolve("benchmarks/mine-02"), PE.replace("1.5;", "1.5 +;"), RUN);
        Files.createDirectories(tmp.resolve("tutorials/sdklayout-01-x"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WaferscopeCli.execute(new String[] {"sdk-examples-check", tmp.toString()}, new PrintWriter(out),
                new PrintWriter(err));
        String[] lines = out.toString().split("\n");
        assertEquals(4, lines.length, out.toString());
        assertEquals("waferscope: exit code 1: 1 build did not pass (1 refused, 0 failed)", err.toString().strip(),
                "a refusal fails the check as a wrong answer does, and says so");
        assertTrue(lines[0].matches("tutorials/mine-01 +PASS +1 check, \\d+ cycles"), lines[0]);
        assertTrue(lines[1].matches("tutorials/sdklayout-01-x +SKIP .*"), lines[1]);
        assertTrue(lines[2].matches("benchmarks/mine-02 +REFUSED +pe.csl:5:28: error: expected an expression .*"), lines[2]);
        assertEquals("total: 1 of 2 pass (1 skipped)", lines[3]);
        assertEquals(WaferscopeCli.CHECK_FAILED, code);
    }

    @Test
    void jsonReportsAnInvalidProgramAsAnObjectWithItsErrorsInSourceOrder(@TempDir Path tmp) throws Exception {
        example(tmp.resolve("tutorials/bad"), PE.replace("1.5;", "nope;").replace("2.5;", "nada;"), RUN);
        StringWriter out = new StringWriter();
        int code = WaferscopeCli.execute(new String[] {"run", tmp.resolve("tutorials/bad").toString(), "--json"},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(WaferscopeCli.INVALID_PROGRAM, code);
        com.fasterxml.jackson.databind.JsonNode o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals("INVALID", o.get("status").asText());
        assertEquals(2, o.get("errors").size(), out.toString());
        assertTrue(o.get("errors").get(0).get("message").asText().contains("'nope'"), out.toString());
        assertTrue(o.get("errors").get(1).get("message").asText().contains("'nada'"), out.toString());
        assertEquals(5, o.get("errors").get(0).get("line").asInt());
    }

    @Test
    void jsonKeepsParamTypesAndFieldOrder(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("tutorials/typed");
        example(dir, PE, RUN);
        Files.writeString(dir.resolve("commands_wse2.sh"), "cslc ./layout.csl --params=n:3,f:1.5,b:true\n");
        Files.writeString(dir.resolve("layout.csl"), "param n: i16;\nparam f: f32;\nparam b: bool;\n" + LAYOUT);
        StringWriter out = new StringWriter();
        WaferscopeCli.execute(new String[] {"run", dir.toString(), "--json"}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        com.fasterxml.jackson.databind.JsonNode o = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertTrue(o.get("params").get("n").isIntegralNumber(), out.toString());
        assertTrue(o.get("params").get("f").isFloatingPointNumber(), out.toString());
        assertTrue(o.get("params").get("b").isBoolean(), out.toString());
        java.util.List<String> fields = new java.util.ArrayList<>();
        o.get("fabric").fieldNames().forEachRemaining(fields::add);
        assertEquals(java.util.List.of("width", "height"), fields);
    }

    @Test
    void runOpensTheSameFolder(@TempDir Path tmp) throws Exception {
        example(tmp.resolve("tutorials/mine-01"), PE, RUN);
        StringWriter out = new StringWriter();
        int code = WaferscopeCli.execute(new String[] {"run", tmp.resolve("tutorials/mine-01").toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("PASS"), out.toString());
    }

    /** A build script with two cslc commands: a line for each build, named by its params, and run picks one with --build. */
    @Test
    void eachBuildOfAScriptIsALineOfItsOwn(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("benchmarks/two-builds");
        example(dir, PE, RUN);
        Files.writeString(dir.resolve("layout.csl"), "param k: i16;\n"
                + LAYOUT.replace(".memcpy_params = memcpy.get_params(0)", ".memcpy_params = memcpy.get_params(0), .k = k"));
        Files.writeString(dir.resolve("pe.csl"), "param k: i16;\n" + PE.replace("v[0] = 1.5;", "v[0] = 1.5 * @as(f32, k);"));
        Files.writeString(dir.resolve("commands_wse2.sh"), "cslc ./layout.csl --params=k:1 -o a\ncs_python run.py --name a\n"
                + "cslc ./layout.csl --params=k:2 -o b\ncs_python run.py --name b\n");
        StringWriter out = new StringWriter();
        WaferscopeCli.execute(new String[] {"sdk-examples-check", tmp.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        String[] lines = out.toString().split("\n");
        assertEquals(3, lines.length, out.toString());
        assertTrue(lines[0].matches("benchmarks/two-builds \\[k:1\\] +PASS .*"), lines[0]);
        assertTrue(lines[1].matches("benchmarks/two-builds \\[k:2\\] +FAIL .*"), lines[1]);
        assertEquals("total: 1 of 2 pass (0 skipped)", lines[2]);
        StringWriter second = new StringWriter();
        int code = WaferscopeCli.execute(new String[] {"run", dir.toString(), "--build", "2"}, new PrintWriter(second),
                new PrintWriter(new StringWriter()));
        assertEquals(WaferscopeCli.CHECK_FAILED, code, second.toString());
        StringWriter refused = new StringWriter();
        assertEquals(WaferscopeCli.INVALID_PROGRAM, WaferscopeCli.execute(new String[] {"run", dir.toString(), "--build", "3"},
                new PrintWriter(refused), new PrintWriter(refused)));
        assertTrue(refused.toString().contains("commands_wse2.sh:1:1: error: the build script has 2 builds"), refused.toString());
        // without --build, run runs the first and says so, as the explorer's console does
        StringWriter first = new StringWriter();
        StringWriter said = new StringWriter();
        assertEquals(WaferscopeCli.OK, WaferscopeCli.execute(new String[] {"run", dir.toString()}, new PrintWriter(first),
                new PrintWriter(said)), first.toString() + said);
        assertEquals("waferscope: two-builds: its build script compiles 2 programs (build 1 [k:1], build 2 [k:2]); "
                + "build 1 runs. --build N runs another.", said.toString().strip());
        StringWriter chosen = new StringWriter();
        WaferscopeCli.execute(new String[] {"run", dir.toString(), "--build", "1"}, new PrintWriter(first),
                new PrintWriter(chosen));
        assertEquals("", chosen.toString(), "a build chosen needs no word");
    }
}
