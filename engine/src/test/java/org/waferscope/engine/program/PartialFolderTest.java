package org.waferscope.engine.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of CSL without a layout, run.json or build script is named for what it is, and its syntax checked. */
class PartialFolderTest {
    private static String message(Path dir) {
        return FolderOfProgramsTest.message(dir);
    }

    @Test
    void aSyntaxTourSaysThereIsNothingToRunAndThatItParses(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("code.csl"), """
                const n: i16 = 4;
                var xs: [n]f32;
                fn twice(x: f32) f32 {
                  return 2.0 * x;
                }
                """);
        String m = message(dir);
        assertTrue(m.contains("nothing to run: this folder has code.csl but no layout.csl, run.json or build script"), m);
        assertTrue(m.contains("its CSL parses without errors"), m);
        assertFalse(m.contains("has no run.json"), m);
        assertEquals(1, m.split("error:", -1).length - 1, m);
    }

    @Test
    void itsSyntaxErrorsArePositioned(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.csl"), "const ok: i16 = 1;\n");
        Files.writeString(dir.resolve("b.csl"), "const n: i16 = 4;\nvar xs: [n]f32 = ;\n");
        String m = message(dir);
        assertTrue(m.contains("b.csl:2:"), m);
        assertTrue(m.contains("this folder has a.csl, b.csl but"), m);
        assertTrue(m.contains("the errors above are in its CSL's syntax"), m);
        assertTrue(m.indexOf("b.csl:2:") < m.indexOf("nothing to run"), m);
    }

    @Test
    void aFolderWithALayoutIsNotOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("code.csl"), "const n: i16 = 4;\n");
        Files.writeString(dir.resolve("layout.csl"), "layout { @set_rectangle(1, 1); }\n");
        String m = message(dir);
        assertFalse(m.contains("nothing to run"), m);
        assertTrue(m.contains("the program folder has no run.json"), m);
    }

    /** As sdk-examples-check says of sdklayout-01: not "no layout.csl" and "no run.json". */
    @Test
    void anExampleLaidOutByTheSdksPythonApiIsSaidToBeOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("gv.csl"), "const n: i16 = 4;\n");
        Files.writeString(dir.resolve("commands_wse2.sh"), "#!/usr/bin/env bash\ncs_python run.py --arch=wse2\n");
        Files.writeString(dir.resolve("run.py"), "from sdk import SdkLayout\nlayout = SdkLayout(config)\n");
        String m = message(dir);
        assertTrue(m.contains("uses the SDK's Python layout API (SdkLayout in run.py), not a layout file"), m);
        assertFalse(m.contains("no layout.csl"), m);
        assertFalse(m.contains("no run.json"), m);
    }
}
