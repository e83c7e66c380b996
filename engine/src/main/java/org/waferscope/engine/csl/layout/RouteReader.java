package org.waferscope.engine.csl.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.fabric.ColorConfig;
import org.waferscope.engine.fabric.RoutePosition;
import org.waferscope.engine.ir.SourcePos;

/**
 * Reads the struct of {@code @set_color_config} into a {@link ColorConfig}. Switch
 * positions 1..3 each start from the position before and override only what they name: the
 * router's input and output switches move apart, each position setting one of them (the
 * SDK's switch register holds one port per position and a bit saying whether it is an
 * input or an output). So with {@code .pos1 = .{ .tx = EAST }, .pos2 = .{ .rx = RAMP }}
 * after {@code .rx = .{ WEST }, .tx = .{ RAMP, EAST }}, position 2 takes RAMP in and sends
 * EAST, as the SDK's cholesky and fft benchmarks use it to turn a receiving PE into the
 * sender. Results are cached by value, as a layout gives the same few structs to many PEs.
 */
final class RouteReader {
    private static final Set<String> TOP = Set.of("routes", "switches", "filter", "teardown");
    private static final Set<String> ROUTE = Set.of("rx", "tx");
    private static final Set<String> POSITION = Set.of("rx", "tx", "invalid");
    private static final Set<String> ROUTES = Set.of("rx", "tx", "color_swap_x", "color_swap_y");
    private static final Set<String> SWITCHES = Set.of("pos1", "pos2", "pos3", "current_switch_pos", "ring_mode",
            "pop_mode");
    private static final Set<String> POP_MODES = Set.of("no_pop", "pop_on_advance", "always_pop");

    private final Map<Value, ColorConfig> cache = new HashMap<>();
    /** The evaluator reuses a literal's struct while its values repeat: most reads hit by identity. */
    private final Map<Value, ColorConfig> byInstance = new java.util.IdentityHashMap<>();

    ColorConfig read(Value v, SourcePos pos) {
        ColorConfig c = byInstance.get(v);
        if (c != null) {
            return c;
        }
        c = cache.get(v);
        if (c == null) {
            c = parse(v, pos);
            if (cache.size() < 100_000) {
                cache.put(v, c);
            }
        }
        if (byInstance.size() < 100_000) {
            byInstance.put(v, c);
        }
        return c;
    }

    private static Map<String, Value> struct(Value v, Set<String> allowed, String what, SourcePos pos) {
        if (!(v instanceof Value.StructVal s)) {
            throw new CslError(pos, what + " must be a struct .{ ... }, not " + ValueOps.describe(v));
        }
        for (String k : s.fields().keySet()) {
            if (!allowed.contains(k)) {
                throw new CslError(pos, what + " has no field ." + k + " in Waferscope's CSL subset; expected one of "
                        + allowed.stream().sorted().toList());
            }
        }
        return s.fields();
    }

    private ColorConfig parse(Value v, SourcePos pos) {
        Map<String, Value> top = struct(v, TOP, "a color config", pos);
        if (!top.containsKey("routes")) {
            throw new CslError(pos, "a color config needs .routes = .{ .rx = .{ ... }, .tx = .{ ... } }");
        }
        Map<String, Value> routes = struct(top.get("routes"), ROUTES, ".routes", pos);
        boolean swapX = routes.containsKey("color_swap_x") && ValueOps.bool(routes.get("color_swap_x"), ".color_swap_x", pos);
        boolean swapY = routes.containsKey("color_swap_y") && ValueOps.bool(routes.get("color_swap_y"), ".color_swap_y", pos);
        RoutePosition p0 = new RoutePosition(ports(routes.get("rx"), pos), ports(routes.get("tx"), pos));
        List<RoutePosition> positions = new ArrayList<>(List.of(p0));
        int current = 0;
        boolean ring = false;
        int pop = ColorConfig.NO_POP;
        if (top.containsKey("switches")) {
            Map<String, Value> sw = struct(top.get("switches"), SWITCHES, ".switches", pos);
            int invalidFrom = 0;
            for (int k = 1; k <= 3; k++) {
                Value pk = sw.get("pos" + k);
                if (pk == null) {
                    continue;
                }
                Map<String, Value> r = struct(pk, POSITION, ".pos" + k, pos);
                if (r.containsKey("invalid") && ValueOps.bool(r.get("invalid"), ".pos" + k + ".invalid", pos)) {
                    // not a setting the switch can take: it stops at the last valid one (as with ring mode off)
                    if (r.size() > 1) {
                        throw new CslError(pos, ".pos" + k + " is marked .invalid and so takes no .rx or .tx");
                    }
                    invalidFrom = invalidFrom == 0 ? k : invalidFrom;
                    continue;
                }
                if (invalidFrom != 0) {
                    throw new CslError(pos, ".pos" + k + " follows .pos" + invalidFrom + ", which is marked .invalid: "
                            + "a switch's valid positions come first");
                }
                while (positions.size() < k) {
                    positions.add(positions.get(positions.size() - 1));
                }
                RoutePosition before = positions.get(k - 1);
                int rx = r.containsKey("rx") ? ports(r.get("rx"), pos) : before.rx();
                int tx = r.containsKey("tx") ? ports(r.get("tx"), pos) : before.tx();
                positions.add(new RoutePosition(rx, tx));
            }
            if (sw.containsKey("current_switch_pos")) {
                current = ValueOps.intIn(sw.get("current_switch_pos"), 0, positions.size() - 1L,
                        ".current_switch_pos (a configured position)", pos);
            }
            if (sw.containsKey("ring_mode")) {
                ring = ValueOps.bool(sw.get("ring_mode"), ".ring_mode", pos);
            }
            if (sw.containsKey("pop_mode")) {
                Map<String, Value> pm = struct(sw.get("pop_mode"), POP_MODES, ".pop_mode", pos);
                for (Map.Entry<String, Value> e : pm.entrySet()) {
                    if (ValueOps.bool(e.getValue(), "." + e.getKey(), pos)) {
                        pop = switch (e.getKey()) {
                            case "pop_on_advance" -> ColorConfig.POP_ON_ADVANCE;
                            case "always_pop" -> ColorConfig.ALWAYS_POP;
                            default -> ColorConfig.NO_POP;
                        };
                    }
                }
            }
        }
        FilterReader.Filter filter = top.containsKey("filter") ? FilterReader.read(top.get("filter"), pos)
                : FilterReader.Filter.NONE;
        // .teardown = true: the color starts in teardown mode, until the PE's program ends it
        boolean teardown = top.containsKey("teardown") && ValueOps.bool(top.get("teardown"), ".teardown", pos);
        return new ColorConfig(positions, current, ring, filter.min(), filter.max(), swapX, swapY, pop, teardown,
                filter.counter());
    }

    private static int ports(Value v, SourcePos pos) {
        return ValueOps.ports(v, pos);
    }
}
