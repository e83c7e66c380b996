package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;

/**
 * User modules ({@code @import_module("file.csl", .{ params })}) with the program in
 * {@code modules/}: a layout module that gives each PE its params and route, two instances of
 * one PE module with different params and their own state, a module imported by a module,
 * and a module bringing a task and its comptime binding. The results are checked against a
 * plain Java reference of the same arithmetic.
 */
class UserModulesTest {
    static final int WIDTH = 3;
    static final List<String> FILES = List.of("layout.csl", "pe.csl", "lib/row.csl", "lib/affine.csl",
            "lib/square.csl", "lib/finish.csl");

    static Map<String, String> program() throws IOException {
        Map<String, String> files = new HashMap<>();
        for (String f : FILES) {
            try (InputStream in = UserModulesTest.class.getResourceAsStream("modules/" + f)) {
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        files.put("run.json", runJson());
        return files;
    }

    static int input(int pe, int i) {
        return pe * 4 + i - 5;
    }

    /** What pe.csl computes on PE {@code pe}: twice = 2x^2 + 1, thrice = 3x^2 - 4 (first two only, times pe + 1). */
    static List<Integer> reference(int pe) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int x = input(pe, i);
            int r = 2 * x * x + 1;
            if (i < 2) {
                r += (3 * x * x - 4) * (pe + 1);
            }
            out.add(r);
        }
        out.add(4 * 10 + 2);
        return out;
    }

    static String runJson() {
        List<Integer> v = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int pe = 0; pe < WIDTH; pe++) {
            for (int i = 0; i < 4; i++) {
                v.add(input(pe, i));
            }
            expected.addAll(reference(pe));
        }
        return """
                { "params": { "width": %d },
                  "arrays": { "v": { "type": "i32", "values": %s } },
                  "steps": [
                    { "copy_in": { "array": "v", "symbol": "v", "rect": { "width": "width", "height": 1 }, "per_pe": 4 } },
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "out", "array": "out", "type": "i32",
                                    "rect": { "width": "width", "height": 1 }, "per_pe": 5 } },
                    { "check": { "array": "out", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(WIDTH, v, expected);
    }

    static String errorOf(Map<String, String> files) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(files, "wse2"));
        return e.getMessage();
    }

    static Map<String, String> with(String file, String text) throws IOException {
        Map<String, String> files = program();
        files.put(file, text);
        return files;
    }

    @Test
    void modulesInTheLayoutAndThePeProgramComputeWhatTheReferenceDoes() throws Exception {
        assertPasses(run(program(), "wse2"));
        assertPasses(run(program(), "wse3"));
    }

    @Test
    void eachInstanceKeepsItsOwnGlobalsUnderItsImportPath() throws Exception {
        WaferProgram p = ProgramLoader.load(new MemorySource("modules", program()), ProgramLoader.LoadOptions.DEFAULTS);
        var pe = p.layout().programs().get(0);
        assertTrue(pe.symbol("twice.calls").isPresent());
        assertTrue(pe.symbol("thrice.calls").isPresent());
        assertTrue(p.sources().containsKey("lib/square.csl"), p.sources().keySet().toString());
    }

    @Test
    void aMissingModuleIsAnErrorAtItsPath() throws Exception {
        String pe = program().get("pe.csl").replace("\"lib/finish.csl\"", "\"lib/finis.csl\"");
        String e = errorOf(with("pe.csl", pe));
        assertTrue(e.contains("pe.csl:9:31: error: there is no module file lib/finis.csl"), e);
    }

    @Test
    void aModulePathIsRelativeToTheImportingFileAndMayNotLeaveTheFolder() throws Exception {
        String affine = program().get("lib/affine.csl").replace("\"square.csl\"", "\"../square.csl\"");
        String e = errorOf(with("lib/affine.csl", affine));
        assertTrue(e.contains("lib/affine.csl:5:27: error: there is no module file square.csl"), e);
        affine = program().get("lib/affine.csl").replace("\"square.csl\"", "\"../../square.csl\"");
        e = errorOf(with("lib/affine.csl", affine));
        assertTrue(e.contains("lib/affine.csl:5:27: error: cannot read module ../square.csl"), e);
        assertTrue(e.contains("leaves the program folder"), e);
    }

    @Test
    void anImportCycleIsAnError() throws Exception {
        Map<String, String> files = with("lib/square.csl", "const back = @import_module(\"affine.csl\", .{ .factor = 1 });\n"
                + "fn square(x: i32) i32 { return x * x; }\n");
        String e = errorOf(files);
        assertTrue(e.contains("lib/square.csl:1:14: error: import cycle: lib/affine.csl imports "
                + "lib/square.csl imports lib/affine.csl"), e);
    }

    @Test
    void unknownMembersAndParamsAreErrorsWhereTheyAreWritten() throws Exception {
        String pe = program().get("pe.csl").replace("twice.calls * 10", "twice.count * 10");
        String e = errorOf(with("pe.csl", pe));
        assertTrue(e.contains("pe.csl:23:17: error: module lib/affine.csl (imported as twice) has no member 'count'"), e);
        pe = program().get("pe.csl").replace(".factor = 3,", ".factr = 3,");
        e = errorOf(with("pe.csl", pe));
        assertTrue(e.contains("pe.csl:8:16: error: lib/affine.csl declares no param 'factr'"), e);
    }

    @Test
    void aParamWithNoValueIsAnErrorOnlyWhereItIsUsed() throws Exception {
        String pe = program().get("pe.csl").replace(".{ .factor = 2 }", ".{}");
        String e = errorOf(with("pe.csl", pe));
        assertTrue(e.contains("pe.csl:7:15: error: param 'factor' of the module imported here is used"), e);
        String unused = program().get("lib/affine.csl").replace("var calls", "param spare: i32;\nvar calls");
        assertPasses(run(with("lib/affine.csl", unused), "wse2"));
    }

    @Test
    void aModuleNamesOnlyItsOwnDeclarations() throws Exception {
        // scale is the PE program's param; the module cannot see it.
        String affine = program().get("lib/affine.csl").replace("+ offset;", "+ offset + scale;");
        String e = errorOf(with("lib/affine.csl", affine));
        assertTrue(e.contains("lib/affine.csl:11:43: error: unknown name 'scale'"), e);
    }

    @Test
    void aModuleHasNoLayoutBlock() throws Exception {
        String e = errorOf(with("lib/square.csl", "fn square(x: i32) i32 { return x * x; }\nlayout { }\n"));
        assertTrue(e.contains("lib/square.csl:2:1: error: a module has no layout block"), e);
    }

    @Test
    void errorsAreListedOnce() throws Exception {
        String e = errorOf(with("lib/square.csl", "fn square(x: i32) i32 { return x * y; }\n"));
        assertEquals(1, e.lines().filter(l -> l.contains("error:")).collect(Collectors.toList()).size(), e);
    }
}
