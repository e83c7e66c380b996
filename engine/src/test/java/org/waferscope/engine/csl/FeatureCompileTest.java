package org.waferscope.engine.csl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.arch.Direction;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.Opcode;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.TaskDecl;
import org.waferscope.engine.ir.TaskKind;

/** Compiles small programs and looks at what they became: tasks, queues, routes, constants. */
class FeatureCompileTest {
    private static FabricLayout layout(String layout, String pe, ArchProfile arch) throws Exception {
        return CslFixture.layout(Map.of("layout.csl", layout, "pe.csl", pe), Map.of(), arch).layout();
    }

    private static final String ONE = "layout { @set_rectangle(1, 1); @set_tile_code(0, 0, \"pe.csl\", .{}); }";

    private static boolean has(PeProgram p, int opcode) {
        for (int pc = 0; pc < p.instructionCount(); pc++) {
            if (Opcode.op(p.code()[pc * Opcode.WIDTH]) == opcode) {
                return true;
            }
        }
        return false;
    }

    @Test
    void dataTasksGetQueuesAndUnpackHalves() throws Exception {
        String pe = """
                const a: color = @get_color(4);
                const b: color = @get_color(5);
                const in_q = @get_input_queue(0);
                const fin = @get_dsd(fabin_dsd, .{ .fabric_color = a, .extent = 4, .input_queue = in_q });
                var total: u16 = 0;
                var buf: [4]u16;
                const bd = @get_dsd(mem1d_dsd, .{ .tensor_access = |i|{4} -> buf[i] });
                task pair(data: u16, index: u16) void { total += data + index; }
                task whole(v: f32) void { }
                fn touch() void { @mov16(bd, fin); }
                comptime {
                  @bind_data_task(pair, @get_data_task_id(b));
                  @bind_data_task(whole, @get_data_task_id(a));
                }
                """;
        PeProgram p = layout(ONE, pe, ArchProfile.WSE2).program(0);
        TaskDecl pair = p.task(5).orElseThrow();
        TaskDecl whole = p.task(4).orElseThrow();
        assertEquals(TaskKind.DATA, pair.kind());
        assertEquals(5, pair.color());
        assertEquals(1, pair.queue(), "lowest queue not taken by the fabin on queue 0");
        assertEquals(0, whole.queue(), "the queue that already receives color 4");
        assertEquals(Map.of(0, 4, 1, 5), p.inputQueueColors());
        assertTrue(has(p, Opcode.SHR), "the index comes from the high half");
    }

    @Test
    void controlPayloadsFoldOrLowerToAluOps() throws Exception {
        String pe = """
                const ctrl = @import_module("<control>");
                const c: color = @get_color(2);
                const done_id: control_task_id = @get_control_task_id(40);
                const out = @get_dsd(fabout_dsd, .{ .fabric_color = c, .extent = 1, .output_queue = @get_output_queue(0),
                                                   .control = true });
                var payload: u32 = ctrl.encode_single_payload(ctrl.opcode.SWITCH_ADV, true, done_id, 7);
                var n: u16 = 3;
                task done(d: u16) void { n = d; }
                fn send() void {
                  @mov32(out, ctrl.encode_single_payload(ctrl.opcode.NOP, false, done_id, n));
                }
                comptime { @bind_control_task(done, done_id); }
                """;
        String lay = """
                const c: color = @get_color(2);
                layout { @set_rectangle(1, 1); @set_tile_code(0, 0, "pe.csl", .{});
                  @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ RAMP } } }); }
                """;
        PeProgram p = layout(lay, pe, ArchProfile.WSE2).program(0);
        int addr = p.symbol("payload").orElseThrow().address();
        int word = java.nio.ByteBuffer.wrap(p.dataImage()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(addr);
        // SWITCH_ADV (1) in bits 22..23, ce_ignore in bit 24 and again in 27 (the NOP after a pop)
        assertEquals(7 | (40 << 16) | (1 << 22) | (1 << 24) | (1 << 27), word);
        assertEquals(TaskKind.CONTROL, p.task(40).orElseThrow().kind());
        assertTrue(has(p, Opcode.AND) && has(p, Opcode.OR), "run-time data is masked and or-ed in");
    }

    @Test
    void switchesAndFiltersBecomeColorConfigs() throws Exception {
        String lay = """
                const c: color = @get_color(7);
                layout {
                  @set_rectangle(3, 3);
                  @set_color_config(1, 1, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ NORTH } },
                    .switches = .{ .pos1 = .{ .tx = EAST }, .pos2 = .{ .tx = SOUTH }, .pos3 = .{ .tx = WEST },
                                   .current_switch_pos = 1, .ring_mode = true } });
                  @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ SOUTH }, .tx = .{ RAMP } },
                    .filter = .{ .kind = .{ .range = true }, .min_idx = 2, .max_idx = 5 } });
                  @set_color_config(2, 1, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
                  @set_color_config(1, 2, c, .{ .routes = .{ .rx = .{ NORTH }, .tx = .{ RAMP } } });
                  @set_color_config(0, 1, c, .{ .routes = .{ .rx = .{ EAST }, .tx = .{ RAMP } } });
                }
                """;
        FabricLayout l = CslFixture.layout(Map.of("layout.csl", lay), Map.of(), ArchProfile.WSE2).layout();
        ColorConfig centre = l.configAt(4, 7);
        assertEquals(4, centre.positions().size());
        assertEquals(new RoutePosition(Direction.RAMP.bit(), Direction.EAST.bit()), centre.positions().get(1));
        assertEquals(Direction.WEST.bit(), centre.positions().get(3).tx());
        assertEquals(1, centre.initialPosition());
        assertTrue(centre.ringMode());
        ColorConfig north = l.configAt(1, 7);
        assertEquals(2, north.filterMin());
        assertEquals(5, north.filterMax());
    }

    @Test
    void aPositionMarkedInvalidEndsTheSwitchsValidPositions() throws Exception {
        String lay = """
                const c: color = @get_color(7);
                layout {
                  @set_rectangle(2, 1);
                  @set_color_config(0, 0, c, .{ .routes = .{ .rx = .{ RAMP }, .tx = .{ EAST } },
                    .switches = .{ .pos1 = .{ .rx = WEST }, .pos2 = .{ .tx = RAMP }, .pos3 = .{ .invalid = true } } });
                  @set_color_config(1, 0, c, .{ .routes = .{ .rx = .{ WEST }, .tx = .{ RAMP } } });
                }
                """;
        ColorConfig first = CslFixture.layout(Map.of("layout.csl", lay), Map.of(), ArchProfile.WSE2).layout().configAt(0, 7);
        assertEquals(3, first.positions().size(), "pos3 is no setting: the switch has positions 0, 1 and 2");
        assertEquals(new RoutePosition(Direction.WEST.bit(), Direction.RAMP.bit()), first.positions().get(2));
        String after = lay.replace(".pos3 = .{ .invalid = true }", ".pos2 = .{ .invalid = true }, .pos3 = .{ .tx = RAMP }")
                .replace(".pos2 = .{ .tx = RAMP }, ", "");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> CslFixture.layout(Map.of("layout.csl", after), Map.of(), ArchProfile.WSE2));
        assertTrue(e.getMessage().contains(".pos3 follows .pos2, which is marked .invalid"), e.getMessage());
    }

    @Test
    void wse3DataTasksBindToInitializedQueues() throws Exception {
        String pe = """
                const c: color = @get_color(3);
                const q = @get_input_queue(4);
                task t(v: u32) void { }
                comptime {
                  @bind_data_task(t, @get_data_task_id(q));
                  @initialize_queue(q, .{ .color = c });
                }
                """;
        PeProgram p = layout(ONE, pe, ArchProfile.WSE3).program(0);
        TaskDecl t = p.task(4).orElseThrow();
        assertEquals(3, t.color());
        assertEquals(4, t.queue());
    }

    @Test
    void everyInstructionKnowsItsSourceLine() throws Exception {
        PeProgram p = layout(ONE, "var x: u16 = 0;\nfn f() void {\n  x = x + 1;\n}\n", ArchProfile.WSE2).program(0);
        for (int pc = 0; pc < p.instructionCount(); pc++) {
            assertEquals("pe.csl", p.position(pc).file());
            assertTrue(p.position(pc).line() >= 2, p.disassemble(pc));
        }
    }
}
