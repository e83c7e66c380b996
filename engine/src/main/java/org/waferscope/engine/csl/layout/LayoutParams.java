package org.waferscope.engine.csl.layout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.eval.Binding;
import org.waferscope.engine.csl.eval.Interpreter;
import org.waferscope.engine.csl.eval.Scope;
import org.waferscope.engine.csl.syntax.Decl;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.csl.value.CslType;
import org.waferscope.engine.csl.value.Value;
import org.waferscope.engine.csl.value.ValueOps;
import org.waferscope.engine.ir.SourcePos;

/** Binds a layout's params from the host's values (run.json "params" and --param), given as text. */
final class LayoutParams {
    private final Interpreter ev;
    private final Diagnostics diags;
    private final SourceFile file;

    LayoutParams(Interpreter ev, Diagnostics diags, SourceFile file) {
        this.ev = ev;
        this.diags = diags;
        this.file = file;
    }

    Map<String, String> bind(Map<String, String> given, Map<String, Decl> decls, Map<String, Binding> resolved) {
        Map<String, String> used = new LinkedHashMap<>();
        for (String name : new TreeSet<>(given.keySet())) {
            if (!(decls.get(name) instanceof Decl.Param)) {
                diags.error(new SourcePos(file.name(), 1, 1), "a value is given for param '" + name + "' but "
                        + file.name() + " declares no such param" + org.waferscope.engine.csl.eval.NameHint.didYouMean(name,
                        decls.entrySet().stream().filter(e -> e.getValue() instanceof Decl.Param).map(Map.Entry::getKey).toList()));
            }
        }
        for (Decl d : file.decls()) {
            if (!(d instanceof Decl.Param p)) {
                continue;
            }
            try {
                String text = given.get(p.name());
                if (p.type() == null && p.defaultValue() == null) {
                    throw new CslError(p.pos(), "a layout's param '" + p.name() + "' needs a type or a default");
                }
                CslType t = p.type() != null ? ev.type(p.type(), new Scope(null))
                        : ev.eval(p.defaultValue(), new Scope(null)).type();
                Value v;
                if (text != null) {
                    v = parse(text.trim(), t, p.pos(), p.name());
                } else if (p.defaultValue() != null) {
                    v = ValueOps.coerce(ev.eval(p.defaultValue(), new Scope(null)), t, p.pos());
                } else {
                    throw new CslError(p.pos(), "param '" + p.name() + "' has no value: give it in run.json \"params\" "
                            + "or with --param " + p.name() + "=...");
                }
                resolved.put(p.name(), new Binding.Const(v));
                used.put(p.name(), v instanceof Value.ColorVal c ? Integer.toString(c.id()) : v.toString());
            } catch (CslError e) {
                diags.error(e.pos(), e.getMessage());
            }
        }
        return used;
    }

    private Value parse(String text, CslType t, SourcePos pos, String name) {
        try {
            if (t.isInt()) {
                long v = text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
                return ValueOps.typedInt(v, t, pos);
            }
            if (t.isFloat()) {
                return ValueOps.typedFloat(Double.parseDouble(text), t);
            }
            if (t == CslType.BOOL && (text.equals("true") || text.equals("false"))) {
                return new Value.BoolVal(text.equals("true"));
            }
            if (t == CslType.COLOR) {
                return new Value.ColorVal(ValueOps.intIn(ValueOps.integer(Long.parseLong(text)), 0,
                        ev.profile().colors() - 1L, "color param " + name, pos));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CslError(pos, "param '" + name + "' is " + t + " but was given \"" + text + "\"");
    }
}
