package org.waferscope.engine.csl.link;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.eval.ModuleParams;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.Expr;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.csl.syntax.Stmt;
import org.waferscope.engine.ir.SourcePos;

/**
 * Flattens the user modules a file imports into it, as the SDK gives each
 * {@code const m = @import_module("file.csl", .{ params })} its own instance of the file: a
 * separate namespace whose params are set by the import's struct and whose functions, tasks,
 * globals and comptime blocks become part of the importing program.
 *
 * <p>Each instance's top-level names are prefixed with its import path ({@code m.name},
 * {@code m.inner.name}); {@code m.name} in the importer becomes that name. A module's
 * {@code param p: T = d;} becomes a const that takes {@code .p} from the import's struct, or
 * {@code d}; the struct itself is a hidden const {@code m.<params>} evaluated in the
 * importer's namespace. Declarations keep their order, each module's in place of its import.
 */
public final class ModuleLinker {
    /** More module instances than this in one program are refused (imports can multiply). */
    static final int MAX_INSTANCES = 1000;

    private final ModuleFiles files;
    private final Diagnostics diags;
    private final Deque<String> importing = new ArrayDeque<>();
    private int instances;

    private ModuleLinker(ModuleFiles files, Diagnostics diags) {
        this.files = files;
        this.diags = diags;
    }

    /** A file's declarations in the flat namespace and what its importer may reach. */
    private record Linked(List<Decl> decls, ModuleInstance instance) {
    }

    /**
     * {@code root} with every user module it imports flattened in, or {@code root} itself when
     * it imports none; null when there were errors (they are in {@code diags}).
     */
    public static SourceFile link(SourceFile root, ModuleFiles files, Diagnostics diags) {
        if (root.decls().stream().noneMatch(d -> importOf(d) != null)) {
            return root;
        }
        int before = diags.count();
        ModuleLinker l = new ModuleLinker(files, diags);
        l.importing.push(root.name());
        Linked linked = l.file(root, "", null);
        return diags.count() > before || linked == null ? null : new SourceFile(root.name(), linked.decls());
    }

    /** The {@code @import_module} call of a top-level const that imports a user module, or null. */
    static Expr.Builtin importOf(Decl d) {
        if (d instanceof Decl.Global g && g.decl().init() instanceof Expr.Builtin b && b.name().equals("@import_module")
                && !b.args().isEmpty() && (b.args().get(0) instanceof Expr.StringLit s && ModulePath.isUserModule(s.value())
                || ComputedPath.isComputed(b.args().get(0)))) {
            return b;
        }
        return null;
    }

    /** Links {@code f} under {@code prefix}; {@code importedAt} is the import (null for the root file). */
    private Linked file(SourceFile f, String prefix, SourcePos importedAt) {
        Map<String, ModuleInstance> imports = new LinkedHashMap<>();
        Map<String, Linked> children = new LinkedHashMap<>();
        Set<String> top = new LinkedHashSet<>();
        List<String> params = new ArrayList<>();
        boolean failed = false;
        for (Decl d : f.decls()) {
            if (importOf(d) == null && d.name() != null) {
                top.add(d.name());
                if (d instanceof Decl.Param) {
                    params.add(d.name());
                }
            }
        }
        for (Decl d : f.decls()) {
            Expr.Builtin b = importOf(d);
            if (b == null) {
                continue;
            }
            try {
                Linked child = child(f, d, b, prefix, top, imports);
                if (child == null) {
                    failed = true;
                } else {
                    children.put(d.name(), child);
                    imports.put(d.name(), child.instance());
                }
            } catch (CslError e) {
                diags.error(e.pos(), e.getMessage());
                failed = true;
            }
        }
        if (failed) {
            return null;
        }
        Renamer r = new Renamer(prefix, top, imports);
        List<Decl> out = new ArrayList<>();
        for (Decl d : f.decls()) {
            try {
                if (children.containsKey(d.name()) && importOf(d) != null) {
                    Linked child = children.get(d.name());
                    out.add(paramsConst(importOf(d), child.instance(), r));
                    out.addAll(child.decls());
                } else {
                    out.add(decl(d, r, prefix, importedAt));
                }
            } catch (CslError e) {
                diags.error(e.pos(), e.getMessage());
            }
        }
        Set<String> members = new LinkedHashSet<>(top);
        return new Linked(out, new ModuleInstance(prefix, f.name(), List.copyOf(params), members, imports));
    }

    private Linked child(SourceFile f, Decl d, Expr.Builtin b, String prefix, Set<String> top,
                         Map<String, ModuleInstance> imports) {
        if (top.contains(d.name()) || imports.containsKey(d.name())) {
            throw new CslError(d.pos(), "'" + d.name() + "' is declared twice");
        }
        if (b.args().size() > 2) {
            throw new CslError(b.pos(), "@import_module takes a file name and an optional struct of params");
        }
        String spec = ComputedPath.fold(f, b.args().get(0), files.arch());
        if (!ModulePath.isUserModule(spec)) {
            throw new CslError(b.args().get(0).pos(), "a computed module path must name a .csl file, not the library "
                    + spec);
        }
        String name = ModulePath.resolve(f.name(), spec, b.pos());
        if (importing.contains(name)) {
            List<String> chain = new ArrayList<>(importing);
            java.util.Collections.reverse(chain);
            chain = chain.subList(chain.indexOf(name), chain.size());
            throw new CslError(b.pos(), "import cycle: " + String.join(" imports ", chain) + " imports " + name);
        }
        if (++instances > MAX_INSTANCES) {
            throw new CslError(b.pos(), "more than " + MAX_INSTANCES + " module instances in one program");
        }
        SourceFile mf = files.load(name, b.args().get(0).pos());
        if (mf == null) {
            return null;
        }
        importing.push(name);
        try {
            return file(mf, prefix + d.name() + ".", b.pos());
        } finally {
            importing.pop();
        }
    }

    /** The hidden const holding an import's struct of params, checked against the module's params. */
    private static Decl paramsConst(Expr.Builtin b, ModuleInstance m, Renamer importer) {
        SourcePos pos = b.pos();
        Expr struct = b.args().size() == 2 ? importer.expr(b.args().get(1)) : new Expr.StructLit(pos, List.of(), List.of());
        Expr init = new Expr.Builtin(pos, ModuleParams.CHECK, List.of(struct,
                new Expr.StringLit(pos, String.join(",", m.params())), new Expr.StringLit(pos, m.file())));
        return new Decl.Global(pos, new Stmt.VarDecl(pos, true, m.prefix() + ModuleParams.HIDDEN, null, init));
    }

    private static Decl decl(Decl d, Renamer r, String prefix, SourcePos importedAt) {
        if (d instanceof Decl.Param p) {
            if (prefix.isEmpty()) {
                return new Decl.Param(p.pos(), p.name(), r.expr(p.type()), r.expr(p.defaultValue()));
            }
            // A module's param: the import's struct field, else the default, else an error where used.
            List<Expr> args = new ArrayList<>(List.of(new Expr.Name(importedAt, prefix + ModuleParams.HIDDEN),
                    new Expr.StringLit(p.pos(), p.name()),
                    p.type() == null ? new Expr.VoidLit(p.pos()) : r.expr(p.type())));
            if (p.defaultValue() != null) {
                args.add(r.expr(p.defaultValue()));
            }
            Expr init = new Expr.Builtin(importedAt, ModuleParams.VALUE, args);
            return new Decl.Global(p.pos(), new Stmt.VarDecl(p.pos(), true, r.global(p.name()), null, init));
        }
        if (d instanceof Decl.Global g) {
            return new Decl.Global(g.pos(), r.globalVar(g.decl()));
        }
        if (d instanceof Decl.Fn fn) {
            return r.fn(fn);
        }
        if (d instanceof Decl.Comptime c) {
            return new Decl.Comptime(c.pos(), r.block(c.body()));
        }
        if (d instanceof Decl.Layout l) {
            if (!prefix.isEmpty()) {
                throw new CslError(l.pos(), "a module has no layout block; only the layout file does");
            }
            return new Decl.Layout(l.pos(), r.block(l.body()));
        }
        throw new CslError(d.pos(), "this declaration is not supported in a user module");
    }
}
