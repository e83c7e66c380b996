package org.waferscope.engine.csl.layout;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.PhaseClock;
import org.waferscope.engine.csl.compile.CompiledPe;
import org.waferscope.engine.csl.compile.ExportDecl;
import org.waferscope.engine.csl.compile.PeCompiler;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Budget;
import org.waferscope.engine.csl.eval.GlobalNames;
import org.waferscope.engine.csl.eval.Interpreter;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.eval.UnknownNames;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.SourcePos;

/**
 * Runs a layout file: binds its params, evaluates its layout block (bounded by a step
 * budget), compiles each distinct PE program request once, and checks the routes.
 */
public final class LayoutEvaluator {
    private final SourceFile file;
    private final ArchProfile profile;
    private final Diagnostics diags;
    private final Budget budget;
    private final Map<String, Decl> decls = new HashMap<>();
    private final Map<String, Binding> resolved = new HashMap<>();
    private final java.util.Set<String> resolving = new java.util.HashSet<>();
    private final GlobalNames globals;
    private final Interpreter ev;
    /** The errors of the layout block's declarations that failed (said where they failed). */
    private final java.util.Set<CslError> failedLocals = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    final LayoutState state;

    private LayoutEvaluator(SourceFile file, ArchProfile profile, Budget budget, Diagnostics diags,
                            boolean replayTrips) {
        this.file = file;
        this.profile = profile;
        this.diags = diags;
        this.budget = budget;
        this.globals = new GlobalNames() {
            @Override
            public Binding resolve(String name, SourcePos pos) {
                return LayoutEvaluator.this.resolve(name, pos);
            }

            @Override
            public boolean settled(String name) {
                return resolved.containsKey(name) || !decls.containsKey(name);
            }

            @Override
            public java.util.Collection<String> names() {
                return decls.keySet();
            }
        };
        this.ev = new Interpreter(profile, budget, globals);
        ev.replayTrips(replayTrips);
        this.state = new LayoutState(profile, file.name());
        ev.setHook(new LayoutBuiltins(state));
        ev.setModuleHook(new CollectivesLayout(state));
    }

    /**
     * Evaluates {@code file} with the host's param values (text); returns null if there were
     * errors, all of which are in {@code diags}.
     */
    public static LayoutResult evaluate(SourceFile file, Map<String, String> params, ArchProfile profile,
                                        TileSources sources, Budget budget, Diagnostics diags) {
        return evaluate(file, params, profile, sources, budget, diags, PhaseClock.OFF);
    }

    /** As above, charging the layout block, the compiles and the route check to {@code clock}. */
    public static LayoutResult evaluate(SourceFile file, Map<String, String> params, ArchProfile profile,
                                        TileSources sources, Budget budget, Diagnostics diags, PhaseClock clock) {
        return evaluate(file, params, profile, sources, budget, diags, clock, true);
    }

    /**
     * As above; {@code replayTrips} false evaluates every loop trip plainly (a test compares
     * that with the default, where a layout loop's trips of one kind are evaluated once and
     * replayed: {@link Interpreter#replayTrips}).
     */
    public static LayoutResult evaluate(SourceFile file, Map<String, String> params, ArchProfile profile,
                                        TileSources sources, Budget budget, Diagnostics diags, PhaseClock clock,
                                        boolean replayTrips) {
        LayoutEvaluator le = new LayoutEvaluator(file, profile, budget, diags, replayTrips);
        int before = diags.count();
        try {
            return le.run(params, sources, before, clock);
        } catch (CslError e) {
            diags.error(e.pos(), e.getMessage());
            return null;
        }
    }

    private Binding resolve(String name, SourcePos pos) {
        Binding b = resolved.get(name);
        if (b instanceof Binding.Poisoned p) {
            throw p.cause();
        }
        if (b != null) {
            return b;
        }
        Decl d = decls.get(name);
        if (d == null) {
            return null;
        }
        if (!resolving.add(name)) {
            throw new CslError(pos, "'" + name + "' depends on its own value");
        }
        try {
            if (d instanceof Decl.Fn fn) {
                b = new Binding.Const(new Value.FnVal(fn.name(), fn.isTask(), fn));
            } else if (d instanceof Decl.Global g) {
                Scope root = new Scope(null);
                Value v = ev.eval(g.decl().init(), root);
                if (g.decl().type() != null) {
                    v = org.waferscope.engine.csl.value.ValueOps.coerce(v, ev.type(g.decl().type(), root), g.pos());
                }
                b = g.decl().isConst() ? new Binding.Const(v) : new Binding.ComptimeVar(v.type(), v);
            } else {
                throw new CslError(pos, "'" + name + "' has no value");
            }
        } catch (CslError e) {
            if (d instanceof Decl.Global g) {
                sayTheOtherUnknownNames(g.decl(), e, new Scope(null));
            }
            // A layout loop would evaluate the failing initializer at every use: remember the failure.
            resolved.put(name, new Binding.Poisoned(e));
            throw e;
        } finally {
            resolving.remove(name);
        }
        resolved.put(name, b);
        return b;
    }

    /**
     * When {@code st} was abandoned at an unknown name, or at a declaration that failed before
     * (said there), says its other unknown names too, those of the statements inside it
     * included: layout code is evaluated, and stops at its first error.
     */
    private void sayTheOtherUnknownNames(Stmt st, CslError first, Scope s) {
        boolean saidElsewhere = failedLocals.contains(first) || UnknownNames.failedBefore(first, resolved.values());
        List<UnknownNames.Use> unknown = UnknownNames.in(st, name -> UnknownNames.declared(name, s, decls, resolved));
        UnknownNames.say(UnknownNames.besides(unknown, first, saidElsewhere), s, globals, diags);
    }

    private LayoutResult run(Map<String, String> params, TileSources sources, int before, PhaseClock clock) {
        Decl.Layout block = null;
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Layout l) {
                if (block != null) {
                    diags.error(l.pos(), "a layout file has one layout block; the first is at line " + block.pos().line());
                }
                block = l;
            } else if (d instanceof Decl.Comptime) {
                continue; // run once the params are bound, before the layout block
            } else if (d.name() != null && decls.putIfAbsent(d.name(), d) != null) {
                diags.error(d.pos(), "'" + d.name() + "' is declared twice");
            }
        }
        Map<String, String> used = new LayoutParams(ev, diags, file).bind(params, decls, resolved);
        if (block == null) {
            diags.error(new SourcePos(file.name(), 1, 1), file.name() + " has no layout { ... } block");
        }
        if (diags.count() == before) {
            runComptimeBlocks();
        }
        if (diags.count() > before) {
            return null;
        }
        // Each statement's error is reported; the next statements still run while that can
        // only find more of the user's mistakes (not without a rectangle or past the step
        // budget). A failed declaration's name is poisoned, so its uses add nothing.
        int mark = diags.count();
        ev.globalsSettled();
        Scope top = new Scope(null);
        List<Stmt> stmts = block.body().stmts();
        Stmt.Block body = block.body();
        ev.runBlockReporting(body, top, (stmt, e) -> {
            diags.error(e.pos(), e.getMessage());
            sayTheOtherUnknownNames(stmt, e, top);
            if (stmt instanceof Stmt.VarDecl) {
                failedLocals.add(e);
            }
            boolean onward = state.layout != null;
            if (!e.getMessage().startsWith("compile-time evaluation took")) {
                if (!onward) {
                    // without a rectangle the rest is not run: its unknown names are said all the same
                    int next = stmts.indexOf(stmt) + 1;
                    UnknownNames.say(UnknownNames.inRest(body, next, name -> UnknownNames.declared(name, top, decls, resolved)),
                            top, globals, diags);
                }
                return onward;
            }
            return false;
        });
        if (diags.count() > mark) {
            if (state.layout != null) {
                // the PE programs the layout did place are compiled too, so that one load
                // names their mistakes beside the layout's; the result is not used
                compileAll(sources);
            }
            return null;
        }
        if (state.layout == null) {
            throw new CslError(block.pos(), "the layout block never calls @set_rectangle(width, height)");
        }
        clock.lap("layout block");
        List<String> files = compileAll(sources);
        clock.lap("compile");
        if (diags.count() > before) {
            return null;
        }
        new RouteChecker(state, diags).check();
        clock.lap("route check");
        if (diags.count() > before) {
            return null;
        }
        return new LayoutResult(state.layout, used, Map.copyOf(state.exports), files);
    }

    /** A layout file's top-level comptime blocks: checks such as @comptime_assert on the params. */
    private void runComptimeBlocks() {
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Comptime c) {
                try {
                    ev.runBlock(c.body(), new Scope(null));
                } catch (CslError e) {
                    diags.error(e.pos(), e.getMessage());
                    sayTheOtherUnknownNames(c.body(), e, new Scope(null));
                }
            }
        }
    }

    private List<String> compileAll(TileSources sources) {
        int before = diags.count();
        TileCode tiles = state.tiles;
        CompiledPe[] compiled = new CompiledPe[tiles.requests.size()];
        Map<String, SourceFile> parsed = new LinkedHashMap<>();
        for (int i = 0; i < compiled.length && !diags.full(); i++) {
            TileCode.Request r = tiles.requests.get(i);
            SourceFile src;
            try {
                src = parsed.containsKey(r.file()) ? parsed.get(r.file()) : sources.source(r.file(), r.pos());
            } catch (CslError e) {
                diags.error(e.pos(), e.getMessage());
                src = null;
            }
            parsed.put(r.file(), src);
            if (src == null) {
                continue;
            }
            Map<String, Value> ps = r.params() == null ? Map.of() : r.params().fields();
            compiled[i] = PeCompiler.compile(src, ps, profile, state.exports, r.pos(), budget, diags,
                    new int[] {state.layout.width(), state.layout.height()});
        }
        if (diags.count() > before) {
            return List.copyOf(parsed.keySet());
        }
        FabricLayout layout = state.layout;
        int w = layout.width();
        state.programs = compiled;
        for (int pe = 0; pe < tiles.perPe.length; pe++) {
            int k = tiles.perPe[pe];
            if (k >= 0) {
                layout.setTileCode(pe % w, pe / w, compiled[k].program());
                for (CompiledPe.LocalRoute r : compiled[k].localRoutes()) {
                    try {
                        state.route(pe % w, pe / w, r.color(), state.routes.read(r.config(), r.pos()), r.pos());
                    } catch (CslError e) {
                        diags.error(e.pos(), e.getMessage());
                    }
                }
            }
        }
        return List.copyOf(parsed.keySet());
    }
}
