package org.waferscope.views.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.ConsoleLine;
import org.waferscope.engine.api.ConsoleLine.Kind;

class ConsoleModelTest {
    @Test
    void readsOnFromTheLastSequenceNumber() {
        ConsoleModel m = new ConsoleModel();
        m.append(List.of(new ConsoleLine(0, 5, Kind.PRINT, 1, 2, "a"), new ConsoleLine(1, 6, Kind.HOST, -1, -1, "b")));
        assertEquals(2, m.nextSeq());
        assertEquals(2, m.lines().size());
    }

    @Test
    void aLoadKeepsTheLastProgramsLinesAsAnEarlierOnesAndOpensItsOwn() {
        ConsoleModel m = new ConsoleModel();
        m.append(List.of(new ConsoleLine(0, 19, Kind.ERROR, -1, -1, "deadlock at cycle 19")));
        ConsoleLine deadlock = m.lines().get(0);
        m.resetCounts();
        m.note(Kind.HOST, 0, "Loading the sample game-of-life");
        ConsoleLine loading = m.lines().get(1);
        m.append(List.of(new ConsoleLine(1, 0, Kind.HOST, -1, -1, "loaded Game of Life")));
        ConsoleLine loaded = m.lines().get(2);
        assertTrue(m.isOfAnEarlierProgram(deadlock));
        assertFalse(m.isOfAnEarlierProgram(loading) || m.isOfAnEarlierProgram(loaded));
        assertTrue(m.isOpening(loading));
        assertFalse(m.isOpening(loaded) || m.isOpening(deadlock));
        assertEquals(3, m.lines().size(), "the old lines are still there to be read");
        m.clear();
        m.resetCounts();
        m.note(Kind.HOST, 0, "Loading another");
        assertFalse(m.isOpening(m.lines().get(0)), "nothing above it to be told apart from");
    }

    @Test
    void countsErrorsAndWarningsAndFilters() {
        ConsoleModel m = new ConsoleModel();
        m.note(Kind.ERROR, 0, "pe.csl:3:4: unknown builtin @foo");
        m.append(List.of(new ConsoleLine(0, 1, Kind.WARNING, -1, -1, "w"), new ConsoleLine(1, 1, Kind.PRINT, 0, 0, "p")));
        assertEquals(1, m.errorsProperty().get());
        assertEquals(1, m.warningsProperty().get());
        m.setShown(Kind.PRINT, false);
        assertEquals(2, m.visibleLines().size());
        m.setShown(Kind.PRINT, true);
        assertEquals(3, m.visibleLines().size());
    }

    @Test
    void keepsABoundedNumberOfLines() {
        ConsoleModel m = new ConsoleModel();
        List<ConsoleLine> many = new ArrayList<>();
        for (int i = 0; i < ConsoleModel.CAPACITY + 10; i++) {
            many.add(new ConsoleLine(i, i, Kind.PRINT, 0, 0, "l" + i));
        }
        m.append(many);
        assertEquals(ConsoleModel.CAPACITY, m.lines().size());
        assertEquals("l10", m.lines().get(0).text());
    }

    @Test
    void aLineOfAnEarlierCycleMeansTheRunWentBackAndLaterLinesAreNoLongerCounted() {
        ConsoleModel m = new ConsoleModel();
        ConsoleLine loaded = new ConsoleLine(0, 0, Kind.HOST, -1, -1, "loaded");
        ConsoleLine warned = new ConsoleLine(1, 4, Kind.WARNING, -1, -1, "w");
        ConsoleLine deadlock = new ConsoleLine(2, 19, Kind.ERROR, -1, -1, "deadlock at cycle 19");
        ConsoleLine waits = new ConsoleLine(3, 19, Kind.ERROR, 1, 0, "waits");
        m.append(List.of(loaded, warned, deadlock, waits));
        m.note(Kind.ERROR, 19, "Could not save x.png");
        assertEquals(3, m.errorsProperty().get());
        int rewound = m.rewindsProperty().get();
        m.append(List.of(new ConsoleLine(4, 18, Kind.HOST, -1, -1, "stepped back to cycle 18")));
        assertEquals(1, m.errorsProperty().get(), "the app's own note stays counted, the deadlock's lines not");
        assertEquals(1, m.warningsProperty().get());
        assertEquals(2, m.errorsSteppedBackFromProperty().get());
        assertTrue(m.isSteppedBackFrom(deadlock) && m.isSteppedBackFrom(waits));
        assertFalse(m.isSteppedBackFrom(warned));
        assertNotEquals(rewound, m.rewindsProperty().get(), "the cells are told to redraw");
        assertEquals(6, m.lines().size(), "nothing is taken out of the console");
        // forward again: the deadlock is said again and counted once
        m.append(List.of(new ConsoleLine(5, 19, Kind.ERROR, -1, -1, "deadlock at cycle 19")));
        assertEquals(2, m.errorsProperty().get());
        // back to cycle 0: the warning of cycle 4 goes too
        m.append(List.of(new ConsoleLine(6, 0, Kind.HOST, -1, -1, "reset to cycle 0")));
        assertEquals(0, m.warningsProperty().get());
        assertEquals(1, m.warningsSteppedBackFromProperty().get());
        assertFalse(m.isSteppedBackFrom(loaded));
        // a new program starts the counts afresh; its first cycle-0 line takes nothing of the last run back
        m.resetCounts();
        m.append(List.of(new ConsoleLine(7, 0, Kind.HOST, -1, -1, "loaded another")));
        assertEquals(0, m.errorsSteppedBackFromProperty().get());
        assertEquals(0, m.errorsProperty().get(), "the note's count was reset with the rest");
    }
}
