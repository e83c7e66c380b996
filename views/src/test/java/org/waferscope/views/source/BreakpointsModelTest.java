package org.waferscope.views.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Command;
import org.waferscope.engine.ir.SourcePos;

class BreakpointsModelTest {
    @Test
    void togglingSendsTheWholeSet() {
        List<Command> sent = new ArrayList<>();
        BreakpointsModel m = new BreakpointsModel(sent::add);
        m.toggle("pe.csl", 4);
        m.toggle("layout.csl", 2);
        assertEquals(new Command.SetBreakpoints(Set.of(new SourcePos("pe.csl", 4, 0), new SourcePos("layout.csl", 2, 0))),
                sent.get(1));
        assertEquals(Set.of(4), m.linesIn("pe.csl"));
        m.toggle("pe.csl", 4);
        assertEquals(Set.of(), m.linesIn("pe.csl"));
        assertEquals(3, sent.size());
    }
}
