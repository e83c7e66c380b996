package org.waferscope.views.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
