package org.waferscope.views.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.Breakpoint;
import org.waferscope.engine.api.Command;

class BreakpointsModelTest {
    @Test
    void togglingSendsTheEnabledOnes() {
        List<Command> sent = new ArrayList<>();
        BreakpointsModel m = new BreakpointsModel(sent::add);
        m.setProgram("/a");
        m.toggleLine("pe.csl", 4);
        m.toggleLine("layout.csl", 2);
        assertEquals(new Command.SetBreakpoints(List.of(new Breakpoint.Line("pe.csl", 4), new Breakpoint.Line("layout.csl", 2))),
                sent.get(sent.size() - 1));
        assertEquals(Set.of(4), m.linesIn("pe.csl"));
        m.setEnabled(m.entries().get(0), false);
        assertEquals(new Command.SetBreakpoints(List.of(new Breakpoint.Line("layout.csl", 2))), sent.get(sent.size() - 1));
        assertEquals(Set.of(4), m.linesIn("pe.csl", false));
        m.toggleLine("pe.csl", 4);
        assertEquals(Set.of(), m.linesIn("pe.csl", false));
        m.clear();
        assertEquals(new Command.SetBreakpoints(List.of()), sent.get(sent.size() - 1));
    }

    @Test
    void eachProgramHasItsOwnListAndTheStoreKeepsIt() {
        Map<String, List<String>> store = new HashMap<>();
        BreakpointsModel m = new BreakpointsModel(c -> { });
        m.setStore(k -> store.getOrDefault(k, List.of()), store::put);
        m.setProgram("/samples/broadcast-chain");
        m.toggleLine("receiver.csl", 32);
        m.add(new Breakpoint.TaskStart(-1, new Breakpoint.Pe(1, 0)));
        m.setProgram("/samples/sentinel");
        assertEquals(Set.of(), m.linesIn("receiver.csl"), "sentinel's receiver.csl is another file");
        m.setProgram("/samples/broadcast-chain");
        assertEquals(Set.of(32), m.linesIn("receiver.csl"));
        assertEquals(List.of("on receiver.csl:32", "on task@1,0"), store.get("/samples/broadcast-chain"));

        BreakpointsModel next = new BreakpointsModel(c -> { });
        next.setStore(k -> store.getOrDefault(k, List.of()), store::put);
        next.setProgram("/samples/broadcast-chain");
        assertEquals(2, next.entries().size(), "read back in the next session");
    }

    @Test
    void anEarlierSessionsBreakpointsWaitSwitchedOffUntilKeptOrDropped() {
        Map<String, List<String>> store = new HashMap<>();
        store.put("/p", List.of("on pe.csl:4", "off pe.csl:9", "on task@1,0"));
        List<Command> sent = new ArrayList<>();
        BreakpointsModel m = new BreakpointsModel(sent::add);
        m.setStore(k -> store.getOrDefault(k, List.of()), store::put);
        assertEquals(3, m.setProgram("/p").size());
        assertEquals(new Command.SetBreakpoints(List.of()), sent.get(sent.size() - 1), "none is sent to the engine");
        assertEquals(3, m.earlier().size());
        assertEquals(List.of("on pe.csl:4", "off pe.csl:9", "on task@1,0"), store.get("/p"), "the store is untouched");
        // one switched on by hand is decided; the others still wait
        m.setEnabled(m.entries().get(2), true);
        assertEquals(2, m.earlier().size());
        m.keepEarlier();
        assertEquals(List.of(true, false, true), m.entries().stream().map(BreakpointsModel.Entry::enabled).toList());
        assertEquals(List.of(), m.earlier());
        m.setProgram("/q");
        m.setProgram("/p");
        assertEquals(List.of(), m.earlier(), "asked once a session");

        BreakpointsModel next = new BreakpointsModel(c -> { });
        next.setStore(k -> store.getOrDefault(k, List.of()), store::put);
        next.setProgram("/p");
        next.dropEarlier();
        assertEquals(List.of(), next.entries());
        assertEquals(List.of(), store.get("/p"), "dropped from the store too");
    }
}
