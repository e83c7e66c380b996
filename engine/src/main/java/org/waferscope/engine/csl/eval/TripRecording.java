package org.waferscope.engine.csl.eval;

import java.util.ArrayList;
import java.util.List;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.value.Value;

/**
 * One trip of a loop whose {@link TripShape} qualifies, evaluated plainly while its side
 * effects are written down: what the layout's builtins placed (as {@link Effect}s that can be
 * made again at another trip's loop index), and how many budget steps the trip had used at
 * each. A later trip whose probes come out the same makes the same effects at its own index
 * and is charged the same steps, at the same points, without evaluating the body.
 *
 * <p>Anything else that changes state (an assignment, even in a called function; a builtin
 * that is not a placement) marks the trip {@linkplain #impure() impure}: then no trip of that
 * loop is replayed from then on, since the state the recorded trips saw has changed.
 */
public final class TripRecording {
    /** A placement a trip made, to be made again at another trip's loop index. */
    public interface Effect {
        /** Makes this effect again, with {@code index} for the coordinates that were the loop variable. */
        void replay(Value index);
    }

    /** What a finished trip did: its effects, the steps used when each was made, and its steps in all. */
    record Entry(Effect[] effects, long[] at, long steps) {
    }

    private final String var;
    private final Budget budget;
    private final long start;
    private final List<Effect> effects = new ArrayList<>();
    private long[] at = new long[8];
    private boolean impure;

    TripRecording(String var, Budget budget) {
        this.var = var;
        this.budget = budget;
        this.start = budget.used();
    }

    /** Whether {@code e} is the recorded loop's variable itself (a coordinate a replay replaces). */
    public boolean isLoopVariable(Expr e) {
        return e instanceof Expr.Name n && n.name().equals(var);
    }

    public void add(Effect e) {
        if (effects.size() == at.length) {
            at = java.util.Arrays.copyOf(at, at.length * 2);
        }
        at[effects.size()] = budget.used() - start;
        effects.add(e);
    }

    /** The trip changed state other than by placements: its loop is evaluated plainly from now on. */
    public void impure() {
        impure = true;
    }

    boolean isImpure() {
        return impure;
    }

    Entry entry() {
        return new Entry(effects.toArray(new Effect[0]), java.util.Arrays.copyOf(at, effects.size()),
                budget.used() - start);
    }
}
