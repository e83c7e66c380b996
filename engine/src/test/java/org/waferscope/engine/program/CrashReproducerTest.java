package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;
import org.waferscope.engine.sim.WaferStatus;

/**
 * The crash signatures found by fuzzing (issue 15), each as the smallest program that hit
 * it: null axes in run.json, and operator and else-if chains thousands long. Each must now
 * load and run, or fail with a positioned error in the file at fault.
 */
class CrashReproducerTest {
    private static final String ONE_PE = "gemv-one-pe";

    static Map<String, String> gemvOnePe() {
        Map<String, String> m = new HashMap<>();
        for (String f : new String[] {"layout.csl", "pe_program.csl", "run.json"}) {
            m.put(f, CslFixture.sample(ONE_PE, f));
        }
        return m;
    }

    private static WaferProgram load(Map<String, String> files) throws ProgramLoadException {
        return ProgramLoader.load(new MemorySource("repro", files), ProgramLoader.LoadOptions.DEFAULTS);
    }

    private static Diagnostic onlyError(Map<String, String> files) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> load(files));
        assertEquals(1, e.diagnostics().size(), e.getMessage());
        Diagnostic d = e.diagnostics().get(0);
        assertTrue(!d.message().contains("internal error"), d.toString());
        return d;
    }

    private static void loadsAndPasses(Map<String, String> files) throws ProgramLoadException {
        try (Wafer w = Wafer.load(load(files), 1)) {
            RunResult r = w.runToCompletion(1_000_000);
            assertEquals(WaferStatus.HALTED, r.status(), String.join("\n", r.report()));
            assertTrue(r.allChecksPass());
        }
    }

    static String chain(String first, String op, String term, int terms) {
        StringBuilder b = new StringBuilder(first);
        for (int i = 1; i < terms; i++) {
            b.append(' ').append(op).append(' ').append(term);
        }
        return b.toString();
    }

    @Test
    void copyInWithANullAxisIsAnErrorInRunJson() {
        Map<String, String> f = gemvOnePe();
        f.put("run.json", f.get("run.json").replace("{ \"array\": \"x\", \"symbol\": \"x\"",
                "{ \"array\": \"x\", \"transpose\": [null], \"symbol\": \"x\""));
        Diagnostic d = onlyError(f);
        assertEquals("run.json", d.pos().file());
        assertTrue(d.pos().line() > 1, d.toString());
        assertTrue(d.message().contains("transpose"), d.toString());
    }

    @Test
    void checkWithANullAxisIsAnErrorInRunJson() {
        Map<String, String> f = gemvOnePe();
        f.put("run.json", f.get("run.json").replace("\"tolerance\": 1e-4 }", "\"tolerance\": 1e-4, \"transpose\": [0, null] }"));
        Diagnostic d = onlyError(f);
        assertEquals("run.json", d.pos().file());
        assertTrue(d.message().contains("transpose"), d.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+ 0", "* 1", "| 0"})
    void longOperatorChainsInTheLayoutLoad(String opTerm) throws ProgramLoadException {
        String[] p = opTerm.split(" ");
        Map<String, String> f = gemvOnePe();
        f.put("layout.csl", f.get("layout.csl").replace(".width = 1,", ".width = " + chain("1", p[0], p[1], 5_000) + ","));
        loadsAndPasses(f);
    }

    @Test
    void longAndChainInTheLayoutLoads() throws ProgramLoadException {
        Map<String, String> f = gemvOnePe();
        f.put("layout.csl", f.get("layout.csl").replace("layout {",
                "const ok: bool = " + chain("true", "and", "true", 5_000) + ";\nlayout {\n  if (!ok) { @set_rectangle(2, 2); }"));
        loadsAndPasses(f);
    }

    /** 5,000 terms of run-time code compile, and are then too big for a PE's memory: a clean error. */
    @ParameterizedTest
    @ValueSource(strings = {"+", "and"})
    void longOperatorChainsInPeCodeCompile(String op) {
        Map<String, String> f = gemvOnePe();
        String stmt = op.equals("+") ? "var t: i16 = N;\n  t = " + chain("t", "+", "0", 5_000) + ";\n"
                : "var on: bool = M > 0;\n  on = " + chain("on", "and", "on", 5_000) + ";\n";
        f.put("pe_program.csl", f.get("pe_program.csl").replace("fn compute() void {\n", "fn compute() void {\n  " + stmt));
        assertTrue(onlyError(f).message().contains("bytes of SRAM"));
    }

    @ParameterizedTest
    @ValueSource(ints = {5_000, 10_000})
    void longElseIfChainsInTheLayoutLoad(int links) throws ProgramLoadException {
        Map<String, String> f = gemvOnePe();
        f.put("layout.csl", f.get("layout.csl").replace("layout {", "layout {\n  " + elseIfChain(links, "@set_rectangle(2, 2);")));
        loadsAndPasses(f);
    }

    @Test
    void longElseIfChainInPeCodeCompiles() throws ProgramLoadException {
        Map<String, String> f = gemvOnePe();
        f.put("pe_program.csl", f.get("pe_program.csl").replace("fn compute() void {\n",
                "fn compute() void {\n  var k: i16 = 0;\n  " + elseIfChain(5_000, "k = 1;") + "\n"));
        loadsAndPasses(f);
    }

    /** The one crash in the first 100,000 fuzzed cases: a bitwise operator on floats reached the ALU. */
    @ParameterizedTest
    @ValueSource(strings = {"^", "&", "|", "<<"})
    void bitwiseOperatorsOnFloatsAreRefusedWhereTheyAreWritten(String op) {
        Map<String, String> f = gemvOnePe();
        f.put("pe_program.csl", f.get("pe_program.csl").replace("fn compute() void {\n",
                "fn compute() void {\n  y[0] = y[1] " + op + " y[2];\n"));
        Diagnostic d = onlyError(f);
        assertEquals("pe_program.csl", d.pos().file());
        assertTrue(d.message().contains("does not apply to f32"), d.toString());
    }

    @Test
    void aLoaderBugIsAnInternalErrorInOneLineEvenWithoutAMessage() {
        ProgramSource broken = new ProgramSource() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public java.nio.file.Path folder() {
                return null;
            }

            @Override
            public byte[] read(String relativeName, int maxBytes) {
                throw new NullPointerException();
            }
        };
        ProgramLoadException e = assertThrows(ProgramLoadException.class,
                () -> ProgramLoader.load(broken, ProgramLoader.LoadOptions.DEFAULTS));
        assertTrue(e.isInternal());
        String m = e.diagnostics().get(0).message();
        assertTrue(m.startsWith("internal error while loading: NullPointerException at CrashReproducerTest"), m);
        assertEquals(1, m.lines().count(), m);
    }

    /** {@code if (false) {} else if (false) {} ...}: no link taken, so {@code body} never runs. */
    static String elseIfChain(int links, String body) {
        StringBuilder b = new StringBuilder("if (false) { " + body + " }");
        for (int i = 1; i < links; i++) {
            b.append(" else if (false) { ").append(body).append(" }");
        }
        return b.toString();
    }
}
