package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;

/**
 * A check with {@code "reduce"}: the largest, smallest or sum of a slice of the array, as a host
 * script checks {@code values.max()} over every PE. A PE program writes two numbers per PE; the
 * expected reductions are worked out here.
 */
class CheckReduceTest {
    static final String LAYOUT = """
            param W: u16;
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = 1 });
            layout {
              @set_rectangle(W, 1);
              for (@range(u16, W)) |x| {
                @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
              }
              @export_name("out", [*]f32, true);
              @export_name("compute", fn()void);
            }
            """;

    static final String PE = """
            param memcpy_params: comptime_struct;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const coords = @import_module("<layout>");
            var out: [2]f32;
            var out_ptr: [*]f32 = &out;
            fn compute() void {
              const x = @as(f32, coords.get_x_coord());
              out[0] = x * x - 3.0 * x;
              out[1] = 10.0 - x;
              sys.unblock_cmd_stream();
            }
            comptime {
              @export_symbol(out_ptr, "out");
              @export_symbol(compute);
            }
            """;

    static String run(String checks) {
        return """
                { "params": { "W": 5 },
                  "steps": [
                    { "launch": "compute" },
                    { "copy_out": { "symbol": "out", "array": "out", "rect": { "width": "W", "height": 1 }, "per_pe": 2 } },
                    %s
                  ] }
                """.formatted(checks);
    }

    static RunResult load(String checks) throws Exception {
        return LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", run(checks)), "wse2");
    }

    @Test
    void reductionsOverASliceCompareWithOneValue() throws Exception {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int x = 0; x < 5; x++) {
            min = Math.min(min, x * x - 3.0 * x);
            max = Math.max(max, 10.0 - x);
            sum += 10.0 - x;
        }
        RunResult r = load("""
                { "check": { "name": "min", "array": "out", "slice": { "step": 2 }, "reduce": "min", "expected": [%s], "tolerance": 0 } },
                { "check": { "name": "max", "array": "out", "slice": { "start": 1, "step": 2 }, "reduce": "max", "expected": [%s], "tolerance": 0 } },
                { "check": { "name": "sum", "array": "out", "slice": { "start": 1, "step": 2 }, "reduce": "sum", "expected": [%s], "tolerance": 0 } },
                { "check": { "name": "wrong", "array": "out", "reduce": "max", "expected": [%s], "atol": 0.01 } }
                """.formatted(min, max, sum, max - 1));
        assertEquals(4, r.checks().size());
        for (int i = 0; i < 3; i++) {
            assertTrue(r.checks().get(i).pass(), r.checks().get(i).describe());
        }
        assertFalse(r.checks().get(3).pass(), "the largest of all is 10, not 9");
    }

    @Test
    void aReductionTakesOneExpectedValueAndAKnownName() {
        ProgramLoadException many = assertThrows(ProgramLoadException.class,
                () -> load("{ \"check\": { \"array\": \"out\", \"reduce\": \"max\", \"expected\": [1, 2] } }"));
        assertTrue(many.getMessage().contains("expects one value, not 2"), many.getMessage());
        ProgramLoadException name = assertThrows(ProgramLoadException.class,
                () -> load("{ \"check\": { \"array\": \"out\", \"reduce\": \"mean\", \"expected\": [1] } }"));
        assertTrue(name.getMessage().contains("reduce is \"max\", \"min\" or \"sum\", not \"mean\""), name.getMessage());
    }
}
