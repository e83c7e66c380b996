package org.waferscope.engine.csl.eval;

import java.util.List;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;

/**
 * Runs one execution of a range loop whose {@link TripShape} qualifies. Each trip first
 * evaluates the shape's probes (the comparisons of the loop variable) to a key; the first trip
 * with a key runs the body plainly while a {@link TripRecording} writes down its placements,
 * and later trips with that key make the same placements at their own index, charged the same
 * budget steps at the same points. A full-wafer layout's column of 996 PEs has three to six
 * keys (even or odd row, first, last, inner), so its body is evaluated a handful of times per
 * column instead of 996.
 *
 * <p>Whatever a plain evaluation would have reported, a replay reports too: a trip whose probe
 * fails to evaluate, or that would run out of budget, runs plainly; a recorded trip that
 * failed, broke out of the loop or changed state is never replayed; a replayed placement
 * checks its coordinates as the builtin does, with the builtin's position.
 */
final class ReplayedLoop {
    private final Interpreter in;
    private final Stmt.For f;
    private final Scope outer;
    private final TripShape shape;
    private final Budget budget;
    private final TripRecording.Entry[] byKey;
    /** Set when a trip changed state other than by placements: every later trip runs plainly. */
    private boolean plainFromNowOn;
    private final GlobalNames globals;
    /** The probes' names not yet known to be settled (locals of the loop's scope, or resolved globals). */
    private final java.util.Set<String> unsettled;
    private Scope probeScope;

    ReplayedLoop(Interpreter in, Stmt.For f, Scope outer, TripShape shape, Budget budget, GlobalNames globals) {
        this.in = in;
        this.globals = globals;
        this.unsettled = new java.util.HashSet<>();
        shape.names().forEach(n -> unsettled.add(n.name()));
        this.f = f;
        this.outer = outer;
        this.shape = shape;
        this.budget = budget;
        this.byKey = new TripRecording.Entry[1 << shape.probes().size()];
    }

    Interpreter.Flow run(long first, long by, long count, CslType t, java.util.Map<Stmt.For, TripKeys> known) {
        int names = 1 + Interpreter.declarations(f.body());
        TripKeys keys = keys(known, first, by, count, t);
        for (long k = 0; k < count; k++) {
            Budget.trip(k + 1, f.pos());
            Value index = new Value.IntVal(first + k * by, t);
            int key = plainFromNowOn ? -1 : keys != null ? keys.key((int) k, () -> key(index)) : key(index);
            TripRecording.Entry e = key < 0 ? null : byKey[key];
            if (e != null && budget.has(e.steps())) {
                replay(e, index);
                continue;
            }
            Interpreter.Flow fl = plainTrip(names, index, key);
            if (fl == Interpreter.Flow.BREAK) {
                break;
            }
            if (fl == Interpreter.Flow.RETURN) {
                return fl;
            }
        }
        return Interpreter.Flow.NORMAL;
    }

    /**
     * A trip evaluated plainly, recorded under {@code key} (when not negative) if it can be
     * replayed. Kept out of {@link #run}: a column's few plain trips are the only ones that
     * run the evaluator, and in its own method the JIT compiles the replaying loop without
     * inlining the whole interpreter into it.
     */
    private Interpreter.Flow plainTrip(int names, Value index, int key) {
        Scope body = outer.child(names);
        body.define(shape.var(), new Binding.Const(index), f.pos());
        // recorded even when it cannot be stored, to see whether it changes state
        TripRecording rec = new TripRecording(shape.var(), budget);
        in.recording = rec;
        Interpreter.Flow fl;
        try {
            budget.step(f.body().pos());
            fl = in.statements(f.body(), body);
        } finally {
            in.recording = null;
        }
        if (rec.isImpure()) {
            plainFromNowOn = true;
        } else if (key >= 0 && (fl == Interpreter.Flow.NORMAL || fl == Interpreter.Flow.CONTINUE)) {
            byKey[key] = rec.entry();
        }
        return fl;
    }

    /**
     * The keys an earlier execution of this loop found, if it ran over the same indexes with
     * the same values of the probes' names (a layout's inner loop, once per column, sees the
     * same rows each time); else a fresh table that this execution fills. Null while a name
     * is not settled (reading it could run a global's initializer).
     */
    private TripKeys keys(java.util.Map<Stmt.For, TripKeys> known, long first, long by, long count, CslType t) {
        unsettled.removeIf(this::settled);
        if (!unsettled.isEmpty() || count > Budget.MAX_LOOP_TRIPS) {
            return null;
        }
        List<Value> values = new java.util.ArrayList<>();
        try {
            for (org.waferscope.engine.csl.syntax.Expr.Name n : shape.names()) {
                values.add(in.eval(n, outer));
            }
        } catch (CslError e) {
            return null;
        }
        TripKeys before = known.get(f);
        if (before != null && before.sameRun(values, first, by, count, t)) {
            return before;
        }
        TripKeys fresh = new TripKeys(values, first, by, count, t);
        known.put(f, fresh);
        return fresh;
    }

    /** The probes' outcomes as bits, or -1 if one fails or is not a bool (the trip then runs plainly). */
    private int key(Value index) {
        if (!unsettled.isEmpty()) {
            // a probe that resolved a global for the first time would run its initializer
            // ahead of where the body runs it: such trips run plainly until it is resolved
            unsettled.removeIf(this::settled);
            if (!unsettled.isEmpty()) {
                return -1;
            }
        }
        List<org.waferscope.engine.csl.syntax.Expr> probes = shape.probes();
        int key = 0;
        try {
            Scope s = probeScope(index);
            for (int i = 0; i < probes.size(); i++) {
                if (!(in.eval(probes.get(i), s) instanceof Value.BoolVal b)) {
                    return -1;
                }
                key |= b.v() ? 1 << i : 0;
            }
        } catch (CslError e) {
            return -1;
        }
        return key;
    }

    /** The scope the probes see: the loop's, with the variable bound to {@code index}. */
    private Scope probeScope(Value index) {
        if (probeScope == null) {
            probeScope = outer.child(1);
            probeScope.define(shape.var(), new Binding.Const(index), f.pos());
        } else {
            probeScope.rebindLatest(new Binding.Const(index));
        }
        return probeScope;
    }

    private boolean settled(String name) {
        try {
            return outer.lookup(name) != null || globals.settled(name);
        } catch (CslError poisoned) {
            return false;
        }
    }

    private void replay(TripRecording.Entry e, Value index) {
        long charged = 0;
        for (int i = 0; i < e.effects().length; i++) {
            budget.charge(e.at()[i] - charged);
            charged = e.at()[i];
            e.effects()[i].replay(index);
        }
        budget.charge(e.steps() - charged);
    }
}
