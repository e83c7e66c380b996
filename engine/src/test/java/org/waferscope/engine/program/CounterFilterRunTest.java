package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.waferscope.engine.program.LanguageRunTest.assertPasses;
import static org.waferscope.engine.program.LanguageRunTest.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.Wafer;

/**
 * Counter filters ({@code .filter = .{ .kind = .{ .counter = true }, ... }}): a sender
 * multicasts twelve numbered wavelets along a row; each receiver's router hands its CE only
 * those its counter filter passes, and the receiver keeps them in order. What each keeps is
 * worked out here by a plain loop over the documented rule (docs/csl-subset.md, "Counter
 * filters"): a data wavelet passes while the counter is at most max_counter; then the counter
 * moves on, from limit1 back to 0.
 */
class CounterFilterRunTest {
    static final int COUNT = 12;
    /** Per receiver: limit1, max_counter, init_counter. */
    static final int[][] FILTERS = {{2, 0, 0}, {3, 1, 3}, {4, 2, 1}};

    /** Which of the wavelets 0..count-1 a filter passes, by the rule alone. */
    static List<Integer> passed(int limit1, int max, int init, int count) {
        List<Integer> kept = new ArrayList<>();
        int counter = init;
        for (int k = 0; k < count; k++) {
            if (counter <= max) {
                kept.add(k);
            }
            counter = counter == limit1 ? 0 : counter + 1;
        }
        return kept;
    }

    static String layout(String filterOfReceiverOne) {
        StringBuilder l = new StringBuilder("""
                const c: color = @get_color(3);
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = 4, .height = 1 });
                layout {
                  @set_rectangle(4, 1);
                  @set_tile_code(0, 0, "send.csl", .{ .memcpy_params = memcpy.get_params(0), .c = c });
                  @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
                """);
        for (int r = 1; r <= 3; r++) {
            int[] f = FILTERS[r - 1];
            String filter = r == 1 && filterOfReceiverOne != null ? filterOfReceiverOne
                    : ".{ .kind = .{ .counter = true }, .limit1 = %d, .max_counter = %d, .init_counter = %d, .count_data = true, .count_control = false, .fast_mode = true }"
                            .formatted(f[0], f[1], f[2]);
            l.append("""
                      @set_tile_code(%d, 0, "recv.csl", .{ .memcpy_params = memcpy.get_params(%d), .c = c, .keep = %d });
                      @set_color_config(%d, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ %s } },
                                                     .filter = %s });
                    """.formatted(r, r, passed(f[0], f[1], f[2], COUNT).size(), r, r == 3 ? "RAMP" : "RAMP, EAST", filter));
        }
        return l.append("""
                  @export_name("mine", [*]u16, true);
                  @export_name("go", fn()void);
                }
                """).toString();
    }

    static final String SEND = """
            param memcpy_params: comptime_struct;
            param c: color;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const out = @get_dsd(fabout_dsd, .{ .fabric_color = c, .extent = 1, .output_queue = @get_output_queue(2) });
            var mine = @zeros([12]u16);
            var mine_ptr: [*]u16 = &mine;
            fn go() void {
              for (@range(u32, 12)) |k| {
                @mov32(out, 100 + k);
              }
              sys.unblock_cmd_stream();
            }
            comptime {
              if (@is_arch("wse3")) { @initialize_queue(@get_output_queue(2), .{ .color = c }); }
              @export_symbol(mine_ptr, "mine");
              @export_symbol(go);
            }
            """;

    /** Keeps what reaches it, in order; done once it has as many as its filter passes. */
    static final String RECV = """
            param memcpy_params: comptime_struct;
            param c: color;
            param keep: i16;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            var mine = @zeros([12]u16);
            var mine_ptr: [*]u16 = &mine;
            var seen: i16 = 0;
            const in_q = @get_input_queue(2);
            const recv_id: data_task_id = if (@is_arch("wse3")) @get_data_task_id(in_q) else @get_data_task_id(c);
            task recv(value: u16, index: u16) void {
              mine[seen] = value;
              seen += 1;
              if (seen == keep) { sys.unblock_cmd_stream(); }
            }
            fn go() void {
            }
            comptime {
              @bind_data_task(recv, recv_id);
              if (@is_arch("wse3")) { @initialize_queue(in_q, .{ .color = c }); }
              @export_symbol(mine_ptr, "mine");
              @export_symbol(go);
            }
            """;

    static String runJson() {
        StringBuilder expected = new StringBuilder("[");
        for (int[] f : FILTERS) {
            List<Integer> kept = passed(f[0], f[1], f[2], COUNT);
            for (int i = 0; i < COUNT; i++) {
                expected.append(expected.length() > 1 ? ", " : "").append(i < kept.size() ? 100 + kept.get(i) : 0);
            }
        }
        return """
                { "steps": [ { "launch": "go" },
                  { "copy_out": { "symbol": "mine", "array": "got", "type": "u16", "rect": { "x": 1, "width": 3, "height": 1 }, "per_pe": 12 } },
                  { "check": { "name": "what each counter filter passed", "array": "got", "expected": %s, "tolerance": 0 } } ] }
                """.formatted(expected.append("]"));
    }

    static Map<String, String> files(String filterOfReceiverOne) {
        return Map.of("layout.csl", layout(filterOfReceiverOne), "send.csl", SEND, "recv.csl", RECV, "run.json", runJson());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wse2", "wse3"})
    void eachReceiverKeepsTheWaveletsItsCounterPasses(String arch) throws Exception {
        assertPasses(run(files(null), arch));
    }

    @Test
    void theRuleByHandMatchesTheFftTranspose() {
        // the fft-1d-2d 2-D build (Nz 4): of every three wavelets, PE 1 keeps the first, PE 2
        // the second (init 2), PE 3 the third (init 1)
        assertEquals(List.of(0, 3), passed(2, 0, 0, 6));
        assertEquals(List.of(1, 4), passed(2, 0, 2, 6));
        assertEquals(List.of(2, 5), passed(2, 0, 1, 6));
    }

    /**
     * The counters are state that snapshots keep: going back to cycle 0 puts them back at
     * init_counter (receiver 3's counter, of period 5, ends the run elsewhere than it began).
     */
    @Test
    void aSnapshotKeepsTheCounters() throws Exception {
        WaferProgram p = ProgramLoader.load(new MemorySource("counter", files(null)),
                ProgramLoader.LoadOptions.DEFAULTS.withArch(ArchProfile.byName("wse2")));
        try (Wafer w = Wafer.load(p, 1)) {
            Wafer.Snapshot start = w.snapshot();
            RunResult first = w.runToCompletion(1_000_000);
            long hash = w.stateHash();
            w.restore(start);
            RunResult second = w.runToCompletion(1_000_000);
            assertPasses(first);
            assertPasses(second);
            assertEquals(hash, w.stateHash());
            // the inspector shows the counter: receiver 3's went 1 + 12 steps round 0..4
            var route = org.waferscope.engine.fabric.CoreInspector.inspect(w.fabric(), 3, 0).routes().stream()
                    .filter(r -> r.color() == 3).findFirst().orElseThrow();
            assertEquals("counter 3 of 0..4, passes 0..2", route.filter());
        }
    }

    /** The counters belong to their PE's router: any number of threads gives the same state. */
    @Test
    void threadsDoNotChangeTheState() throws Exception {
        WaferProgram p = ProgramLoader.load(new MemorySource("counter", files(null)),
                ProgramLoader.LoadOptions.DEFAULTS.withArch(ArchProfile.byName("wse2")));
        long[] hashes = new long[2];
        for (int t = 1; t <= 2; t++) {
            try (Wafer w = Wafer.load(p, t)) {
                assertPasses(w.runToCompletion(1_000_000));
                hashes[t - 1] = w.stateHash();
            }
        }
        assertEquals(hashes[0], hashes[1]);
    }

    @Test
    void withoutTheFilterEveryWaveletArrivesAndTheCheckFails() throws Exception {
        RunResult r = run(files(".{ .kind = .{ .counter = true }, .limit1 = 0, .max_counter = 0 }"), "wse2");
        assertFalse(r.allChecksPass(), "a filter passing everything must fail the check");
    }

    static String refused(String filter) {
        ProgramLoadException e = assertThrows(ProgramLoadException.class, () -> run(files(filter), "wse2"));
        return e.getMessage();
    }

    @Test
    void hostileFilterFieldsAreRefusedAtTheConfig() {
        String at = "layout.csl:8:3: error: ";
        assertTrue(refused(".{ .kind = .{ .counter = true }, .max_counter = 0 }").contains(at + "a counter filter needs .limit1"),
                refused(".{ .kind = .{ .counter = true }, .max_counter = 0 }"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 70000, .max_counter = 0 }").contains(at)
                && refused(".{ .kind = .{ .counter = true }, .limit1 = 70000, .max_counter = 0 }").contains(".limit1"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 2, .max_counter = 3 }").contains(".max_counter (at most .limit1)"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 2, .max_counter = 0, .init_counter = 3 }")
                .contains(".init_counter (at most .limit1)"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = -1, .max_counter = 0 }").contains(".limit1"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 2, .max_counter = 0, .fast_mode = false }")
                .contains(at + ".fast_mode = false is not in Waferscope's CSL subset"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 2, .max_counter = 0, .count_data = 1 }")
                .contains(".count_data"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 2, .max_counter = 0, .limit2 = 1 }")
                .contains(at + ".filter has no field .limit2 in Waferscope's CSL subset"));
        assertTrue(refused(".{ .kind = .{ .counter = true }, .limit1 = 2, .max_counter = 0, .min_idx = 1 }")
                .contains(at + "a counter filter takes no .min_idx"));
        assertTrue(refused(".{ .kind = .{ .range = true }, .min_idx = 0, .max_idx = 3, .limit1 = 2 }")
                .contains(at + "a range filter takes no .limit1"));
        assertTrue(refused(".{ .kind = .{ .sparse = true } }").contains(at + "Waferscope supports range and counter filters only"));
        assertTrue(refused(".{ .kind = .{ .counter = true, .range = true }, .limit1 = 2, .max_counter = 0 }")
                .contains(at + ".filter.kind names two kinds"));
        assertTrue(refused(".{ .kind = .{ .counter = false }, .limit1 = 2, .max_counter = 0 }").contains(at + ".filter.kind sets no kind"));
        assertTrue(refused(".{ .limit1 = 2, .max_counter = 0 }").contains(at + "a filter needs .kind"));
        assertTrue(refused("3").contains(at + ".filter must be a struct"));
    }
}
