package org.waferscope.engine.values;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.waferscope.engine.api.ValueSymbol;
import org.waferscope.engine.fabric.FabricLayout;
import org.waferscope.engine.ir.PeProgram;
import org.waferscope.engine.ir.Symbol;

/**
 * The globals of a program's PE programs that the value layer can show, one entry per name
 * (the first program that declares it gives the type), with how many PEs have it.
 */
public final class ValueSymbols {
    private ValueSymbols() {
    }

    public static List<ValueSymbol> of(FabricLayout layout) {
        int[] pesPerProgram = new int[layout.programs().size()];
        for (int pe = 0; pe < layout.peCount(); pe++) {
            int p = layout.programOf(pe);
            if (p >= 0) {
                pesPerProgram[p]++;
            }
        }
        Map<String, Symbol> first = new LinkedHashMap<>();
        Map<String, Integer> pes = new LinkedHashMap<>();
        for (int p = 0; p < pesPerProgram.length; p++) {
            PeProgram prog = layout.program(p);
            for (Symbol s : prog.symbols()) {
                first.putIfAbsent(s.name(), s);
                pes.merge(s.name(), pesPerProgram[p], Integer::sum);
            }
        }
        List<ValueSymbol> out = new ArrayList<>();
        for (Symbol s : first.values()) {
            out.add(new ValueSymbol(s.name(), s.type(), s.length(), s.dims().clone(), pes.get(s.name())));
        }
        return out;
    }
}
