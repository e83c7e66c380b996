package org.waferscope.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramCopyTest {
    @TempDir
    Path tmp;

    private Path program() throws IOException {
        Path p = Files.createDirectories(tmp.resolve("src").resolve("broadcast-chain"));
        Files.writeString(p.resolve("layout.csl"), "layout { }");
        Files.createDirectories(p.resolve("data"));
        Files.writeString(p.resolve("data").resolve("m.mtx"), "%%MatrixMarket");
        return p;
    }

    @Test
    void aCopyKeepsTheFolderNameAndEveryFileAndTakesANumberWhenTheNameIsTaken() throws IOException {
        Path p = program();
        Path into = Files.createDirectories(tmp.resolve("mine"));
        Path first = ProgramCopy.copy(p, into);
        assertEquals(into.resolve("broadcast-chain"), first);
        assertEquals("layout { }", Files.readString(first.resolve("layout.csl")));
        assertTrue(Files.exists(first.resolve("data").resolve("m.mtx")), "nested folders come along");
        assertEquals(into.resolve("broadcast-chain-2"), ProgramCopy.copy(p, into), "the first copy is not overwritten");
        assertEquals(into.resolve("broadcast-chain-3"), ProgramCopy.copy(p, into));
    }

    @Test
    void aFolderThatIsNotThereOrInsideTheProgramIsRefused() throws IOException {
        Path p = program();
        assertTrue(assertThrows(IOException.class, () -> ProgramCopy.copy(p, tmp.resolve("nowhere"))).getMessage()
                .contains("there is no folder"));
        assertTrue(assertThrows(IOException.class, () -> ProgramCopy.copy(p, p.resolve("data"))).getMessage()
                .contains("inside the program's own folder"));
    }

    @Test
    void aLessonThatSaysToEditACopyOfTheSampleSaysHowInThisWindow() {
        assertTrue(MainWindow.lessonWithHints("- In a copy of the sample, change x.").endsWith(MainWindow.COPY_HINT));
        assertEquals("- Run it.", MainWindow.lessonWithHints("- Run it."));
    }
}
