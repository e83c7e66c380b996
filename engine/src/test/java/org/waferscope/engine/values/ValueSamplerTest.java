package org.waferscope.engine.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ValueQuery;
import org.waferscope.engine.api.ValueSample;
import org.waferscope.engine.api.ValueSymbol;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.Fabric;
import org.waferscope.engine.ir.Symbol;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.WaferProgram;
import org.waferscope.engine.sim.Wafer;

/** The value layer reads what SRAM holds: element, reductions and whole-array tiles agree with the bytes. */
class ValueSamplerTest {
    private static Wafer wafer;
    private static WaferProgram program;

    @BeforeAll
    static void runHeatDiffusion() throws Exception {
        program = ProgramLoader.load(CslFixture.sampleFolder("heat-diffusion"), ProgramLoader.LoadOptions.DEFAULTS);
        wafer = Wafer.load(program, 1);
        wafer.advance(3_000, false, false);
    }

    @AfterAll
    static void close() {
        wafer.close();
    }

    /** Element i of T on PE pe, decoded here independently of the sampler. */
    private static float t(Fabric f, int pe, int i) {
        Symbol s = f.programOf(pe).symbol("T").orElseThrow();
        return ByteBuffer.wrap(f.sramOf(pe)).order(ByteOrder.LITTLE_ENDIAN).getFloat(s.address() + 4 * i);
    }

    @Test
    void elementAndReductionsMatchTheBytes() {
        Fabric f = wafer.fabric();
        ValueSampler s = new ValueSampler(f);
        int pe = f.pe(3, 2);
        int n = f.programOf(pe).symbol("T").orElseThrow().length();
        float sum = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            sum += t(f, pe, i);
            max = Math.max(max, t(f, pe, i));
        }
        assertTrue(sum != 0, "the run has moved heat into T");
        assertEquals(t(f, pe, 7), s.sample(ValueQuery.parse("T[7]")).values()[pe]);
        assertEquals(sum, s.sample(ValueQuery.parse("sum(T)")).values()[pe], Math.abs(sum) * 1e-5);
        assertEquals(sum / n, s.sample(ValueQuery.parse("T")).values()[pe], Math.abs(sum) * 1e-5);
        assertEquals(max, s.sample(ValueQuery.parse("max(T)")).values()[pe]);
    }

    @Test
    void rangeSpansThePesThatHaveTheVariable() {
        ValueSampler.Result r = new ValueSampler(wafer.fabric()).sample(ValueQuery.parse("max(T)"));
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : r.values()) {
            if (!Float.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        assertEquals(lo, r.min());
        assertEquals(hi, r.max());
        assertEquals(r.values().length, r.sample().pes(), "every PE of this layout runs the tile program");
    }

    @Test
    void tilesCarryWholeArraysOnlyForTheWindow() {
        Fabric f = wafer.fabric();
        ValueQuery q = ValueQuery.of("T").withTiles(new ValueQuery.Window(2, 1, 3, 2));
        ValueSample s = new ValueSampler(f).sample(q).sample();
        assertEquals(new ValueQuery.Window(2, 1, 3, 2), s.tiles());
        assertEquals(6 * s.length(), s.elements().length);
        assertEquals(t(f, f.pe(4, 2), 13), s.element(4, 2, 13));
        assertTrue(Float.isNaN(s.element(0, 0, 0)), "outside the window there is nothing");
        ValueQuery.Window beyond = new ValueQuery.Window(f.width - 1, f.height - 1, 10, 10);
        assertEquals(new ValueQuery.Window(f.width - 1, f.height - 1, 1, 1),
                new ValueSampler(f).sample(q.withTiles(beyond)).sample().tiles(), "the window is clipped to the fabric");
    }

    @Test
    void unknownSymbolAndIndexOutOfRangeSayWhy() {
        ValueSampler s = new ValueSampler(wafer.fabric());
        ValueSampler.Result none = s.sample(ValueQuery.parse("nothing_here"));
        assertTrue(Float.isNaN(none.values()[0]));
        assertTrue(none.sample().problem().contains("no PE has a variable nothing_here"), none.sample().problem());
        assertTrue(s.sample(ValueQuery.parse("T[100000]")).sample().problem().contains("out of range"));
        assertNull(s.sample(null).sample());
    }

    @Test
    void symbolsListsTheGlobalsWithTheirPes() {
        List<ValueSymbol> syms = ValueSymbols.of(program.layout());
        ValueSymbol t = syms.stream().filter(v -> v.name().equals("T")).findFirst().orElseThrow();
        assertEquals(program.layout().peCount(), t.pes());
        assertTrue(t.isArray());
        assertTrue(t.describe().startsWith("T  ["), t.describe());
    }

    @Test
    void queryTextRoundTripsAndBadTextIsPositioned() {
        for (String text : List.of("T", "T[3]", "sum(T)", "mean(u)", "min(x)", "max(counts)")) {
            assertEquals(text, ValueQuery.parse(text).text());
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ValueQuery.parse("avg(T)"));
        assertEquals("value:avg(T):1: expected sum, mean, min or max before '('", e.getMessage());
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ValueQuery.parse("T[x]")).getMessage().contains(":3: expected an element index"));
    }

    @Test
    void oneChosenElementColoursTheArraysOnItsOwnRange() throws Exception {
        WaferProgram chain = ProgramLoader.load(CslFixture.sampleFolder("broadcast-chain"), ProgramLoader.LoadOptions.DEFAULTS);
        try (Wafer w = Wafer.load(chain, 1)) {
            w.runToCompletion(10_000);
            ValueQuery.Window all = new ValueQuery.Window(0, 0, w.fabric().width, w.fabric().height);
            ValueSampler.Result first = new ValueSampler(w.fabric()).sample(ValueQuery.parse("arrivals[0]").withTiles(all));
            // PEs 1-4 see the first value at cycles 8, 10, 12, 14; the arrays reach 76 (the third value)
            assertEquals(8, first.min());
            assertEquals(14, first.max());
            assertEquals(8, first.sample().elementMin(), "before: 8, the least of every element");
            assertEquals(14, first.sample().elementMax(), "before: 76, the greatest of every element");
            ValueSample whole = new ValueSampler(w.fabric()).sample(ValueQuery.parse("max(arrivals)").withTiles(all)).sample();
            assertEquals(76, whole.elementMax(), "a reduction's arrays keep every element's range");
        }
    }
}
