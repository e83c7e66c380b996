package org.waferscope.engine.csl.compile;

import java.util.Comparator;
import java.util.List;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.ir.Symbol;

/**
 * A PE program too large for a PE's SRAM, said where the user can act on it: at the
 * declaration of its largest global, with the sizes of the largest few, and the layout's
 * {@code @set_tile_code} that placed it (which params made it that large) in the text.
 * Data is what grows with params; code and stack are named in the total. A program
 * compiled for several sets of params (a stencil's corner, edge and inner PEs) differs in
 * code only, so one error is said per largest global and data size.
 */
final class SramOverflow {
    /** How many of the largest globals the message names. */
    private static final int NAMED = 3;

    private SramOverflow() {
    }

    static void report(PeProgram p, ArchProfile profile, String file, SourcePos placedAt, Diagnostics diags) {
        List<Symbol> largest = p.symbols().stream().filter(s -> s.bytes() > 0)
                .sorted(Comparator.comparingInt(Symbol::bytes).reversed()).limit(NAMED).toList();
        String placed = " (placed by " + placedAt.file() + ":" + placedAt.line() + ":" + placedAt.column() + ")";
        if (largest.isEmpty() || largest.get(0).pos() == null) {
            diags.error(placedAt, file + ": program " + file + " needs " + p.sramBreakdown(profile));
            return;
        }
        Symbol top = largest.get(0);
        String lead = String.format("%s, %,d bytes, is the largest global of %s, which does not fit in a PE's SRAM: ",
                describe(top), top.bytes(), file);
        String data = String.format(" + data %,d + stack %,d)", p.dataBytes(), p.stackBytes());
        if (diags.all().stream().anyMatch(d -> d.pos().equals(top.pos()) && d.message().startsWith(lead)
                && d.message().contains(data) && d.message().endsWith(placed))) {
            return;
        }
        StringBuilder m = new StringBuilder(lead).append("it needs ").append(p.sramBreakdown(profile));
        if (largest.size() > 1) {
            m.append("; next largest:");
            for (int i = 1; i < largest.size(); i++) {
                Symbol s = largest.get(i);
                m.append(i > 1 ? "," : "").append(String.format(" %s %,d bytes", describe(s), s.bytes()));
                if (s.pos() != null) {
                    m.append(" (").append(s.pos().line()).append(':').append(s.pos().column()).append(')');
                }
            }
        }
        diags.error(top.pos(), m.append(placed).toString());
    }

    /** {@code T [4900]f32}, or {@code beta f32} for a scalar. */
    private static String describe(Symbol s) {
        String type = s.type().cslName();
        if (s.dims().length == 0) {
            return s.name() + " " + type;
        }
        StringBuilder b = new StringBuilder(s.name()).append(" [");
        for (int i = 0; i < s.dims().length; i++) {
            b.append(i > 0 ? ", " : "").append(s.dims()[i]);
        }
        return b.append(']').append(type).toString();
    }
}
