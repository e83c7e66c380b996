package org.waferscope.engine.csl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.Value.ModuleVal;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.fabric.Wavelet;
import org.waferscope.engine.ir.SourcePos;

/**
 * The two libraries that change routes while a program runs, as the SDK's benchmark
 * libraries use them: {@code <tile_config>} (a PE rewriting its own router: routes, switch
 * positions, teardown mode; its functions run on the PE) and {@code <memcpy/memcpy_switches>}
 * (compile-time words for control wavelets that carry one switch command per router).
 */
public final class SwitchLibraries {
    private SwitchLibraries() {
    }

    public static final String TILE_CONFIG = "tile_config";
    public static final String COLOR_CONFIG = "tile_config/color_config";
    public static final String SWITCH_CONFIG = "tile_config/switch_config";
    public static final String TEARDOWN = "tile_config/teardown";
    public static final String MEMCPY_SWITCHES = "memcpy/memcpy_switches";

    /** Switch opcodes, as the command words number them. */
    public static final int NOP = 0;
    public static final int ADVANCE = 1;
    public static final int RESET = 2;
    public static final int TEAR_DOWN = 3;

    /** The control task id that means "none" in a command word. */
    static final int NO_ENTRYPOINT = 31;
    static final int COMMANDS = 8;

    static final Map<String, Set<String>> RUNTIME_FUNCTIONS = Map.of(
            COLOR_CONFIG, Set.of("reset_routes"),
            SWITCH_CONFIG, Set.of("clear_current_position", "set_invalid_for_all_switch_positions",
                    "set_rx_switch_pos1", "set_rx_switch_pos2", "set_rx_switch_pos3",
                    "set_tx_switch_pos1", "set_tx_switch_pos2", "set_tx_switch_pos3"),
            TEARDOWN, Set.of("exit", "enter"));

    static boolean isModule(String n) {
        return n.equals(TILE_CONFIG) || n.equals(MEMCPY_SWITCHES);
    }

    static Value importModule(String n, Value params, SourcePos pos) {
        if (params != null && !(params instanceof Value.StructVal s && s.fields().isEmpty())) {
            throw new CslError(pos, "module <" + n + "> takes no params");
        }
        Map<String, Value> members = new LinkedHashMap<>();
        if (n.equals(TILE_CONFIG)) {
            members.put("color_config", new ModuleVal(COLOR_CONFIG, Map.of()));
            members.put("switch_config", new ModuleVal(SWITCH_CONFIG, Map.of()));
            members.put("teardown", new ModuleVal(TEARDOWN, Map.of()));
        } else {
            members.put("sw_nop", ValueOps.integer(NOP));
            members.put("sw_adv", ValueOps.integer(ADVANCE));
            members.put("sw_rst", ValueOps.integer(RESET));
            members.put("sw_td", ValueOps.integer(TEAR_DOWN));
        }
        return new ModuleVal(n, java.util.Collections.unmodifiableMap(members));
    }

    /** A compile-time call of one of these libraries, or null when it runs on the PE. */
    static Value callComptime(ModuleVal m, String fn, List<Value> args, SourcePos pos) {
        if (m.name().equals(COLOR_CONFIG) && fn.equals("get_color_config_addr")) {
            // Waferscope has no configuration registers in memory: the "address" is the color.
            if (args.size() != 1 || !(args.get(0) instanceof Value.ColorVal c)) {
                throw new CslError(pos, "get_color_config_addr takes a color");
            }
            return c;
        }
        if (m.name().equals(MEMCPY_SWITCHES)) {
            return switch (fn) {
                case "ctrl" -> ctrl(args, pos);
                case "switch_cmd_11" -> commands(pos, args, ADVANCE, ADVANCE);
                case "teardown_cmd_1" -> commands(pos, args, TEAR_DOWN);
                default -> throw new CslError(pos, "<memcpy/memcpy_switches> has no function " + fn
                        + "; Waferscope has ctrl, switch_cmd_11 and teardown_cmd_1");
            };
        }
        if (RUNTIME_FUNCTIONS.getOrDefault(m.name(), Set.of()).contains(fn)) {
            return null;
        }
        throw new CslError(pos, "module <" + m.name() + "> has no function " + fn);
    }

    /** Eight command opcodes: the given ones first, NOPs after. */
    private static Value commands(SourcePos pos, List<Value> args, int... first) {
        if (!args.isEmpty()) {
            throw new CslError(pos, "this command list takes no arguments");
        }
        int[] bits = new int[COMMANDS];
        System.arraycopy(first, 0, bits, 0, first.length);
        return new Value.ArrayVal(new CslType.Array(List.of(COMMANDS), CslType.U16), bits);
    }

    /**
     * {@code ctrl(cmds)}: the control wavelet word of up to eight commands, one for each
     * router that pops the one before; every command keeps the wavelet from its router's CE,
     * and it activates no control task.
     */
    private static Value ctrl(List<Value> args, SourcePos pos) {
        if (args.size() != 1) {
            throw new CslError(pos, "ctrl takes a list of switch commands, as ctrl(switch_cmd_11())");
        }
        List<Integer> ops = new ArrayList<>();
        if (args.get(0) instanceof Value.ArrayVal a) {
            for (int b : a.bits()) {
                ops.add(b);
            }
        } else {
            for (Value v : ValueOps.items(args.get(0))) {
                ops.add(ValueOps.intIn(v, 0, 3, "a switch command", pos));
            }
        }
        if (ops.size() > COMMANDS) {
            throw new CslError(pos, "a control wavelet carries at most " + COMMANDS + " switch commands, not " + ops.size());
        }
        int[] cmds = new int[COMMANDS];
        for (int k = 0; k < COMMANDS; k++) {
            int op = k < ops.size() ? ops.get(k) : NOP;
            if (op < 0 || op > 3) {
                throw new CslError(pos, "switch command " + op + " is not one of 0 (NOP), 1 (advance), 2 (reset), 3 (teardown)");
            }
            cmds[k] = op | 4;
        }
        return new Value.IntVal(Wavelet.commands(cmds, NO_ENTRYPOINT) & 0xFFFFFFFFL, CslType.U32);
    }
}
