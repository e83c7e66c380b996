package org.waferscope.views.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.views.lesson.LessonBlocks.Block;
import org.waferscope.views.lesson.LessonBlocks.Kind;

class LessonBlocksTest {
    @Test
    void splitsHeadingsBulletsCodeAndParagraphs() {
        String text = "# Heat\nEach PE holds\none cell.\n\n- west sends\n- east receives\n```\n@fadds(a, b, c);\n```\nEnd.";
        assertEquals(List.of(new Block(Kind.HEADING, "Heat"), new Block(Kind.PARAGRAPH, "Each PE holds one cell."),
                new Block(Kind.BULLET, "west sends"), new Block(Kind.BULLET, "east receives"),
                new Block(Kind.CODE, "@fadds(a, b, c);"), new Block(Kind.PARAGRAPH, "End.")), LessonBlocks.parse(text));
    }

    @Test
    void bulletsContinueOnIndentedLinesAndShortLinesAreHeadings() {
        String text = "Heat spreads.\n\nWhat happens\n- The grid is cut\n  into tiles.\n- Halo exchange.\n"
                + "    new = alpha * sum\nDone.";
        assertEquals(List.of(new Block(Kind.PARAGRAPH, "Heat spreads."), new Block(Kind.HEADING, "What happens"),
                new Block(Kind.BULLET, "The grid is cut into tiles."), new Block(Kind.BULLET, "Halo exchange."),
                new Block(Kind.CODE, "new = alpha * sum"), new Block(Kind.PARAGRAPH, "Done.")), LessonBlocks.parse(text));
    }

    @Test
    void nullIsNothing() {
        assertEquals(List.of(), LessonBlocks.parse(null));
    }
}
