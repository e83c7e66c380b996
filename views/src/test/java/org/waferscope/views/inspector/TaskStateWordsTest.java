package org.waferscope.views.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.CoreSnapshot.TaskRow;

/** The task table's state column says something for every task, an idle one included. */
class TaskStateWordsTest {
    private static String state(boolean activated, boolean blocked, boolean running) {
        return Tables.taskState(new TaskRow(0, "data", "recv", "color 0", activated, blocked, running, 0));
    }

    @Test
    void everyStateHasAWord() {
        assertEquals("▶ running", state(false, false, true));
        assertEquals("active, blocked", state(true, true, false));
        assertEquals("active", state(true, false, false));
        assertEquals("blocked", state(false, true, false));
        assertEquals("idle", state(false, false, false));
    }
}
