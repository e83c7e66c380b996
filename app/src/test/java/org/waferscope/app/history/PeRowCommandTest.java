package org.waferscope.app.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.waferscope.views.heatmap.PeLocation;

/** The PE row of a fabric too large to replay names the command that traces it, ready to paste. */
class PeRowCommandTest {
    @Test
    void aBundledSampleIsNamedAndAFolderByItsPath() {
        assertEquals("heat-diffusion", PeTimelineController.programArg(Path.of("/tmp/waferscope-123/heat-diffusion")));
        assertEquals("/home/me/progs/heat", PeTimelineController.programArg(Path.of("/home/me/progs/heat")));
        var row = PeTimelineController.rowAround(new PeLocation(150, 150), 300, 300);
        assertEquals(150, row.y());
        assertEquals(1, row.height());
    }
}
