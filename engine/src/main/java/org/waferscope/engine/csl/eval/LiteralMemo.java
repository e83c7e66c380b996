package org.waferscope.engine.csl.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.Value;

/**
 * Struct literals are built once per distinct set of leaf values. A layout loop evaluates
 * the same literals for every PE (its route configs, its tile params), and building their
 * nested maps, then hashing them to find the route or the program, was most of a full
 * wafer's layout time. The leaves (every part of the literal that is not itself a struct
 * or tuple literal: names, calls, operators) are still evaluated every time, once each and
 * in the order a plain evaluation takes them, so errors and side effects are unchanged;
 * only when they all equal an earlier evaluation's is that evaluation's struct returned
 * (values are immutable, and only equality is ever asked of them).
 *
 * <p>Threads: the evaluator's.
 */
final class LiteralMemo {
    /** Past this many distinct leaf values per literal, the literal is simply built. */
    private static final int MAX_ENTRIES = 4096;

    /** How many of a literal's latest (leaves, struct) pairs are compared before hashing. */
    private static final int RECENT = 8;

    /** One literal's leaves, the structs built from them, and the last few returned. */
    private static final class Site {
        final Expr[] leaves;
        final Map<List<Value>, Value.StructVal> built = new HashMap<>();
        final Value[][] recentLeaves = new Value[RECENT][];
        final Value.StructVal[] recent = new Value.StructVal[RECENT];
        int nextRecent;
        /** Where the leaves are evaluated when the site is not already in use further up the stack. */
        Value[] scratch;

        Site(Expr[] leaves) {
            this.leaves = leaves;
        }
    }

    private final Map<Expr.StructLit, Site> sites = new IdentityHashMap<>();

    Value.StructVal eval(Expr.StructLit sl, Scope s, Evaluator ev) {
        Site site = sites.get(sl);
        if (site == null) {
            site = new Site(leavesOf(sl));
            sites.put(sl, site);
        }
        Expr[] parts = site.leaves;
        // A leaf may call a function that evaluates this literal again: only the outermost
        // evaluation uses the scratch array.
        Value[] now = site.scratch != null ? site.scratch : new Value[parts.length];
        site.scratch = null;
        try {
            for (int i = 0; i < parts.length; i++) {
                now[i] = ev.eval(parts[i], s);
            }
        } catch (RuntimeException e) {
            site.scratch = now;
            throw e;
        }
        // A loop hands a literal the same few sets of values over and over (a route config
        // at every PE, tile params that alternate between even and odd rows): compared with
        // the latest ones, most often by identity, they need no hashing.
        for (int k = 0; k < RECENT && site.recent[k] != null; k++) {
            if (Arrays.equals(now, site.recentLeaves[k])) {
                site.scratch = now;
                return site.recent[k];
            }
        }
        List<Value> key = Arrays.asList(now);
        Value.StructVal v = site.built.get(key);
        if (v == null) {
            v = (Value.StructVal) assemble(sl, now, new int[1]);
            if (site.built.size() < MAX_ENTRIES) {
                site.built.put(key, v);
            }
        }
        site.recentLeaves[site.nextRecent] = now;
        site.recent[site.nextRecent] = v;
        site.nextRecent = (site.nextRecent + 1) % RECENT;
        return v;
    }

    /** The literal rebuilt from its leaves' values, taken in order from {@code next}. */
    private static Value assemble(Expr e, Value[] values, int[] next) {
        if (e instanceof Expr.StructLit sl) {
            Map<String, Value> fields = new java.util.LinkedHashMap<>(sl.names().size() * 2);
            for (int i = 0; i < sl.names().size(); i++) {
                fields.put(sl.names().get(i), assemble(sl.values().get(i), values, next));
            }
            return new Value.StructVal(java.util.Collections.unmodifiableMap(fields));
        }
        if (e instanceof Expr.TupleLit t) {
            List<Value> items = new ArrayList<>(t.items().size());
            for (Expr x : t.items()) {
                items.add(assemble(x, values, next));
            }
            return new Value.TupleVal(List.copyOf(items));
        }
        return values[next[0]++];
    }

    private static Expr[] leavesOf(Expr.StructLit sl) {
        List<Expr> out = new ArrayList<>();
        collect(sl, out);
        return out.toArray(new Expr[0]);
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e instanceof Expr.StructLit sl) {
            sl.values().forEach(v -> collect(v, out));
        } else if (e instanceof Expr.TupleLit t) {
            t.items().forEach(v -> collect(v, out));
        } else {
            out.add(e);
        }
    }
}
