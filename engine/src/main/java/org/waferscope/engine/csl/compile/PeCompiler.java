package org.waferscope.engine.csl.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Budget;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.FunctionBuilder;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.TaskKind;

/**
 * Compiles a parsed PE program, specialised for one set of params, to a {@link PeProgram}.
 *
 * <p>Order of work: params; globals (SRAM and initial values, in declaration order);
 * functions; comptime blocks (task bindings, queues, exports); function and task bodies;
 * then task and queue tables. Errors are collected, one per declaration or statement.
 */
public final class PeCompiler {
    private final Unit u;
    private final PeGlobals globals;
    private final ComptimeBinder binder;
    private final SourceFile file;

    private PeCompiler(SourceFile file, ArchProfile profile, Map<String, ExportDecl> exports, Budget budget,
                       Diagnostics diags) {
        this.file = file;
        this.u = new Unit(file.name(), profile, diags, exports);
        this.globals = new PeGlobals(u);
        u.ev = new PeInterpreter(profile, budget, globals);
        this.binder = new ComptimeBinder(u, new DsdFactory(u, globals), globals);
        u.ev.setHook(binder);
    }

    /**
     * Compiles {@code file} with {@code params}; returns null if there were errors (they are
     * in {@code diags}). {@code exports} are the layout's {@code @export_name}s, or null to
     * accept any export as mutable; {@code requestedAt} is the {@code @set_tile_code} call.
     */
    public static CompiledPe compile(SourceFile file, Map<String, Value> params, ArchProfile profile,
                                     Map<String, ExportDecl> exports, SourcePos requestedAt, Budget budget,
                                     Diagnostics diags) {
        return compile(file, params, profile, exports, requestedAt, budget, diags, new int[2]);
    }

    /** As above, for a program placed in a layout whose rectangle is {@code rectangle} (width, height). */
    public static CompiledPe compile(SourceFile file, Map<String, Value> params, ArchProfile profile,
                                     Map<String, ExportDecl> exports, SourcePos requestedAt, Budget budget,
                                     Diagnostics diags, int[] rectangle) {
        int before = diags.count();
        PeCompiler c = new PeCompiler(file, profile, exports, budget, diags);
        c.u.rectangle = rectangle.clone();
        PeProgram p = null;
        try {
            p = c.run(params, requestedAt);
        } catch (CslError e) {
            diags.error(e.pos(), e.getMessage());
        } catch (RuntimeException e) {
            // The builder refuses what it cannot hold (recursion, oversized data); say so at the file.
            diags.error(new SourcePos(file.name(), 1, 1), "cannot compile " + file.name() + ": " + e.getMessage());
        }
        if (diags.count() > before || p == null) {
            return null;
        }
        return new CompiledPe(p, List.copyOf(c.u.sends), List.copyOf(c.u.localRoutes));
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (CslError e) {
            u.diags.error(e.pos(), e.getMessage());
        }
    }

    private PeProgram run(Map<String, Value> params, SourcePos requestedAt) {
        int before = u.diags.count();
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Layout) {
                u.diags.error(d.pos(), "a layout block belongs in the layout file, not in a PE program");
            } else if (d.name() != null && u.decls.putIfAbsent(d.name(), d) != null) {
                u.diags.error(d.pos(), "'" + d.name() + "' is declared twice");
            } else if (d.name() != null && Evaluatorish.isReserved(d.name())) {
                u.diags.error(d.pos(), "'" + d.name() + "' is a built-in name and cannot be redeclared");
            }
        }
        bindParams(params, requestedAt);
        for (Decl d : file.decls()) {
            // A module's globals (and params) are analysed where they are used, as cslc does: an
            // unused one needs no valid value and takes no memory. The linker gave them dotted names.
            if (d instanceof Decl.Global g && !g.decl().name().contains(".")) {
                guarded(() -> globals.resolve(g.decl().name(), g.pos()));
            }
        }
        List<Decl.Fn> fns = new ArrayList<>();
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Fn fn && !fn.isTask()) {
                if (runsAtCompileTimeOnly(fn)) {
                    u.comptimeFunctions.add(fn.name());
                    continue;
                }
                guarded(() -> u.functions.put(fn.name(), u.program.function(fn.name(), paramSlots(fn), fn.pos())));
                fns.add(fn);
            }
        }
        binder.inComptimeBlock = true;
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Comptime c) {
                try {
                    u.ev.runBlock(c.body(), new Scope(null));
                } catch (CslError e) {
                    u.diags.error(e.pos(), e.getMessage());
                    globals.sayTheOtherUnknownNames(c.body(), e);
                }
            }
        }
        binder.inComptimeBlock = false;
        Map<String, Diagnostics> bodyErrors = new java.util.HashMap<>();
        Diagnostics main = u.diags;
        for (Decl.Fn fn : fns) {
            FunctionBuilder fb = u.functions.get(fn.name());
            if (fb != null && !fn.name().contains(".")) {
                guarded(() -> new FunctionCompiler(u, globals, fb).compile(fn, null));
            } else if (fb != null) {
                // A module's function is analysed where it is used, as cslc does (and as a module's
                // globals are): the SDK's helper modules hold functions only ever run at compile
                // time whose bodies would not compile for the PE. Its errors wait for a use.
                u.diags = new Diagnostics();
                try {
                    guarded(() -> new FunctionCompiler(u, globals, fb).compile(fn, null));
                } finally {
                    bodyErrors.put(fn.name(), u.diags);
                    u.diags = main;
                }
            }
        }
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Fn t && t.isTask()) {
                guarded(() -> compileTask(t));
            }
        }
        for (ComptimeBinder.ExportRequest r : binder.exportRequests) {
            guarded(() -> export(r));
        }
        for (Decl.Fn fn : fns) {
            if (u.used.contains(fn.name()) && bodyErrors.containsKey(fn.name())) {
                u.diags.addAll(bodyErrors.get(fn.name()).all());
            }
        }
        if (u.diags.count() > before) {
            return null;
        }
        new TaskTable(u).bind();
        PeProgram p = u.program.build();
        if (p.sramBytes(u.profile) > u.profile.sramBytes()) {
            SramOverflow.report(p, u.profile, file.name(), requestedAt, u.diags);
        }
        for (String problem : p.problemsBesidesSram(u.profile)) {
            u.diags.error(requestedAt, file.name() + ": " + problem);
        }
        return p;
    }

    private void bindParams(Map<String, Value> params, SourcePos requestedAt) {
        for (String given : new TreeSet<>(params.keySet())) {
            if (!(u.decls.get(given) instanceof Decl.Param)) {
                u.diags.error(requestedAt, file.name() + " declares no param '" + given + "'");
            }
        }
        for (Decl d : file.decls()) {
            if (!(d instanceof Decl.Param p)) {
                continue;
            }
            guarded(() -> {
                Value v = params.get(p.name());
                if (v == null && p.defaultValue() == null) {
                    // As in the SDK, a param nobody gives a value is an error only where it is used.
                    u.unsetParams.put(p.name(), requestedAt);
                    return;
                }
                CslType t = p.type() != null ? u.ev.type(p.type(), new Scope(null))
                        : (v != null ? v : u.ev.eval(p.defaultValue(), new Scope(null))).type();
                if (v == null) {
                    v = u.ev.eval(p.defaultValue(), new Scope(null));
                }
                // Across the layout/program boundary an integer keeps its value, not its type.
                Value typed = v instanceof Value.IntVal iv && t.isInt() ? ValueOps.typedInt(iv.v(), t, p.pos())
                        : ValueOps.coerce(v, t, p.pos());
                u.resolved.put(p.name(), new Binding.Const(typed));
                u.program.param(p.name(), typed.toString());
            });
        }
    }

    /**
     * Whether a function's signature has a type that no run-time value has (an array passed by
     * value, a direction, a comptime_struct, a comptime_string, a type), as the SDK's helper functions that compute
     * constants, routes and switch commands do: such a function is only ever run by the
     * compile-time evaluator. A signature that cannot be evaluated is left to {@link #paramSlots}.
     */
    private boolean runsAtCompileTimeOnly(Decl.Fn fn) {
        try {
            Scope root = new Scope(null);
            for (Decl.FnParam p : fn.params()) {
                if (u.ev.type(p.type(), root).slots() == 0) {
                    return true;
                }
            }
            CslType ret = u.ev.type(fn.ret(), root);
            return ret != CslType.VOID && ret.slots() == 0;
        } catch (CslError e) {
            return false;
        }
    }

    private int paramSlots(Decl.Fn fn) {
        int n = 0;
        for (Decl.FnParam p : fn.params()) {
            CslType t = u.ev.type(p.type(), new Scope(null));
            if (t.slots() == 0) {
                throw new CslError(p.pos(), "a function parameter must be a run-time value (number, pointer or DSD), not " + t);
            }
            n += t.slots();
        }
        return n;
    }

    private void compileTask(Decl.Fn t) {
        TaskKind kind = null;
        for (Unit.TaskBinding b : u.tasks) {
            if (b.task() == t) {
                kind = b.id().kind();
            }
        }
        if (kind == null) {
            if (!t.params().isEmpty() && t.name().contains(".")) {
                // A module's data task that this PE never binds (a library's receive task on a
                // PE that receives nothing) is left out, as a module's unused globals are.
                return;
            }
            if (!t.params().isEmpty()) {
                throw new CslError(t.pos(), "task " + t.name() + " is never bound to a task id; bind it in a comptime "
                        + "block with @bind_data_task, @bind_local_task or @bind_control_task");
            }
            kind = TaskKind.LOCAL;
        }
        int slots = kind == TaskKind.LOCAL ? 0 : 1;
        FunctionBuilder fb = u.program.function(t.name(), slots, t.pos());
        u.functions.put(t.name(), fb);
        new FunctionCompiler(u, globals, fb).compile(t, kind);
    }

    private void export(ComptimeBinder.ExportRequest r) {
        Object target = ComptimeBinder.exportTarget(r, u, globals);
        if (target instanceof Decl.Fn fn) {
            // A module's function keeps its own name when exported, not its import path.
            String name = r.name() != null ? r.name() : fn.name().substring(fn.name().lastIndexOf('.') + 1);
            ExportDecl decl = declared(name, r.pos());
            if (decl != null && !(decl.type() instanceof CslType.Fn)) {
                throw new CslError(r.pos(), "the layout exports '" + name + "' as " + decl.type() + ", not a function");
            }
            FunctionBuilder fb = u.usedFunction(fn.name());
            if (fn.isTask() || fb == null) {
                throw new CslError(r.pos(), "only functions (not tasks) can be launched by the host");
            }
            u.program.exportFunction(name, fb.index());
            return;
        }
        Storage.Global g = (Storage.Global) target;
        if (g.type() instanceof CslType.Pointer) {
            String pointee = g.pointsTo()[0];
            if (pointee == null) {
                throw new CslError(r.pos(), "pointer '" + g.name() + "' must be initialised with &array to be exported");
            }
            g = (Storage.Global) globals.resolve(pointee, r.pos());
        }
        if (r.name() == null) {
            throw new CslError(r.pos(), "@export_symbol of a variable needs a name, as in @export_symbol(ptr, \"name\")");
        }
        ExportDecl decl = declared(r.name(), r.pos());
        CslType elem = g.type() instanceof CslType.Array at ? at.elem() : g.type();
        if (decl != null) {
            CslType want = decl.type() instanceof CslType.Pointer pt ? pt.elem() : decl.type();
            if (!want.equals(elem)) {
                throw new CslError(r.pos(), "the layout exports '" + r.name() + "' as " + decl.type() + " but "
                        + g.name() + " holds " + elem);
            }
        }
        if (!u.exported.add(r.name())) {
            throw new CslError(r.pos(), "'" + r.name() + "' is exported twice");
        }
        u.program.export(g.symbol(), r.name(), decl == null || decl.mutable());
    }

    private ExportDecl declared(String name, SourcePos pos) {
        if (u.exports == null) {
            return null;
        }
        ExportDecl d = u.exports.get(name);
        if (d == null) {
            throw new CslError(pos, "'" + name + "' is exported here but the layout has no @export_name(\"" + name + "\", ...)");
        }
        return d;
    }

    /** Names a program may not redeclare. */
    private static final class Evaluatorish {
        static boolean isReserved(String name) {
            return org.waferscope.engine.csl.eval.Evaluator.builtinName(name) != null;
        }
    }
}
