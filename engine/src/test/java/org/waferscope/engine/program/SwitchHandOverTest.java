package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.csl.CslFixture;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.sim.RunResult;
import org.waferscope.engine.sim.WaferStatus;

/**
 * A row of PEs hands the sender's role east, as the SDK's cholesky benchmark does with its
 * row routes: the PEs between the first and the last forward in position 0
 * ({@code WEST -> RAMP, EAST}); {@code .pos1 = .{ .tx = EAST }} stops them taking copies, and
 * {@code .pos2 = .{ .rx = RAMP }} makes them send east, each position starting from the one
 * before. Each sender sends its value, then two advances that pop where they move a switch;
 * a sender whose switch is at its last position (no ring mode) passes them on. A plain Java
 * model of those rules (the reference) says what each PE receives.
 */
class SwitchHandOverTest {
    static final String LAYOUT = """
            param W: u16;
            const c: color = @get_color(2);
            const memcpy = @import_module("<memcpy/get_params>", .{ .width = W, .height = 1 });
            layout {
              @set_rectangle(W, 1);
              for (@range(u16, W)) |x| {
                @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x), .c = c,
                                                  .sends = x < W - 1 });
              }
              @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } } });
              for (@range(u16, 1, W - 1, 1)) |x| {
                @set_color_config(x, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP, EAST } },
                                              .switches = .{ .pos1 = .{ .tx = EAST }, .pos2 = .{ .rx = RAMP },
                                                             .pop_mode = .{ .pop_on_advance = true } } });
              }
              @set_color_config(W - 1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
              @export_name("total", [*]u32, false);
              @export_name("start", fn()void);
            }
            """;

    /** Every PE but the last sends 10^x, then two advances: the raw payload of the SDK's cholesky, and <control>'s. */
    static final String PE = """
            param memcpy_params: comptime_struct;
            param c: color;
            param sends: bool;
            const sys = @import_module("<memcpy/memcpy>", memcpy_params);
            const ctrl = @import_module("<control>");
            const coords = @import_module("<layout>");
            const q = @get_output_queue(3);
            const data_out = @get_dsd(fabout_dsd, .{ .extent = 1, .fabric_color = c, .output_queue = q });
            const ctrl_out = @get_dsd(fabout_dsd, .{ .extent = 1, .fabric_color = c, .output_queue = q, .control = true });
            const raw_advance: u32 = (5 << 22) | (4 << 25);
            var total = @zeros([1]u32);
            var total_ptr: [*]u32 = &total;

            task arrive(v: u32) void {
              total[0] += v;
            }

            fn start() void {
              if (sends) {
                var v: u32 = 1;
                for (@range(u16, coords.get_x_coord())) |i| {
                  v *= 10;
                }
                @mov32(data_out, v);
                @mov32(ctrl_out, raw_advance);
                @mov32(ctrl_out, ctrl.encode_single_payload(ctrl.opcode.SWITCH_ADV, true, {}, 0));
              }
              sys.unblock_cmd_stream();
            }

            comptime {
              @bind_data_task(arrive, @get_data_task_id(c));
              @export_symbol(total_ptr, "total");
              @export_symbol(start);
            }
            """;

    /** One router of the reference: its positions' rx and tx, where it is, and whether it pops on advance. */
    private static final class RefRouter {
        final List<int[]> positions = new ArrayList<>();
        int pos;
        boolean popOnAdvance;
    }

    private static final int W_BIT = Direction.WEST.bit();
    private static final int E_BIT = Direction.EAST.bit();
    private static final int R_BIT = Direction.RAMP.bit();

    /**
     * The reference: senders in turn from the west (each one's wavelets can only leave once
     * the previous sender's advances have turned its switch). Returns what each CE received.
     */
    static long[] reference(int w) {
        List<RefRouter> row = new ArrayList<>();
        for (int x = 0; x < w; x++) {
            RefRouter r = new RefRouter();
            if (x == 0) {
                r.positions.add(new int[] {R_BIT, E_BIT});
            } else if (x == w - 1) {
                r.positions.add(new int[] {W_BIT, R_BIT});
            } else {
                int[] p0 = {W_BIT, R_BIT | E_BIT};
                int[] p1 = {p0[0], E_BIT};          // .tx = EAST, rx from position 0
                int[] p2 = {R_BIT, p1[1]};          // .rx = RAMP, tx from position 1
                r.positions.addAll(List.of(p0, p1, p2));
                r.popOnAdvance = true;
            }
            row.add(r);
        }
        long[] got = new long[w];
        long value = 1;
        for (int sender = 0; sender < w - 1; sender++, value *= 10) {
            send(row, sender, false, value, got);
            send(row, sender, true, 0, got);
            send(row, sender, true, 0, got);
        }
        return got;
    }

    /** One wavelet from {@code sender}'s CE east along the row; a control one carries an advance, kept from CEs. */
    private static void send(List<RefRouter> row, int sender, boolean advance, long value, long[] got) {
        boolean command = advance;
        for (int x = sender; x < row.size(); x++) {
            RefRouter r = row.get(x);
            int[] route = r.positions.get(r.pos);
            assertEquals(x == sender ? R_BIT : W_BIT, route[0] & (x == sender ? R_BIT : W_BIT),
                    "the reference's router " + x + " must accept the wavelet");
            if (!advance && (route[1] & R_BIT) != 0) {
                got[x] += value;
            }
            if (command) {
                boolean moves = r.pos < r.positions.size() - 1;   // no ring mode: the last position stays
                if (moves) {
                    r.pos++;
                    command = !r.popOnAdvance;
                }
            }
            if ((route[1] & E_BIT) == 0) {
                return;
            }
        }
    }

    @Test
    void theReferenceIsWhatTheSdkExampleNeeds() {
        // every PE east of a sender hears it, and no PE hears itself
        assertArrayEquals(new long[] {0, 1, 11, 111, 1111}, reference(5));
    }

    @Test
    void eachSenderHandsOverToTheNextAsTheReferenceSays() throws Exception {
        for (int w : new int[] {3, 5}) {
            String run = """
                    { "params": { "W": %d },
                      "steps": [ { "launch": "start" },
                                 { "copy_out": { "symbol": "total", "array": "total", "type": "u32",
                                                 "rect": { "width": "W", "height": 1 }, "per_pe": 1 } } ] }
                    """.formatted(w);
            RunResult r = LanguageRunTest.run(Map.of("layout.csl", LAYOUT, "pe.csl", PE, "run.json", run), "wse2");
            assertEquals(WaferStatus.HALTED, r.status(), () -> String.join("\n", r.report()));
            long[] ref = reference(w);
            double[] expected = new double[w];
            for (int x = 0; x < w; x++) {
                expected[x] = ref[x];
            }
            assertArrayEquals(expected, r.arrays().get("total").values(), "W = " + w);
        }
    }

    @Test
    void aPositionStartsFromThePositionBeforeIt() throws Exception {
        String layout = """
                const c: color = @get_color(2);
                layout {
                  @set_rectangle(3, 1);
                  @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ EAST }, .tx = .{ RAMP } } });
                  @set_color_config(2, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
                  @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP, EAST } },
                                                .switches = .{ .pos1 = .{ .tx = EAST }, .pos2 = .{ .rx = RAMP },
                                                               .pos3 = .{ .tx = WEST } } });
                }
                """;
        ColorConfig cc = CslFixture.layout(Map.of("layout.csl", layout), Map.of(), ArchProfile.WSE2).layout()
                .configAt(1, 2);
        assertEquals(List.of(new RoutePosition(W_BIT, R_BIT | E_BIT), new RoutePosition(W_BIT, E_BIT),
                new RoutePosition(R_BIT, E_BIT), new RoutePosition(R_BIT, Direction.WEST.bit())), cc.positions());
    }
}
