package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --headless --screenshot} end to end, as a separate JVM (the launcher starts its own
 * toolkit): the default sample is loaded, run, and the window written as a PNG with no
 * display at all.
 */
class ScreenshotCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheMainWindowAsPngWithoutADisplay() throws Exception {
        Path png = tmp.resolve("shot.png");
        Process p = explorer("--screenshot", png.toString(), "--cycles", "50", "--select", "1,1");
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the screenshot run ends by itself");
        String out = Files.readString(tmp.resolve("out.txt"));
        assertEquals(0, p.exitValue(), out);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1440, img.getWidth(), out);
        assertEquals(900, img.getHeight());
        long colours = IntStream.range(0, 200).map(i -> img.getRGB(i * 7, 300 + i)).distinct().count();
        assertTrue(colours > 3, "a real picture, not a blank");
    }

    @Test
    void aMistypedSampleExitsNonZeroAndWritesNoPicture() throws Exception {
        Path png = tmp.resolve("none.png");
        Process p = explorer("--sample", "nonesuch", "--screenshot", png.toString());
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "it stops by itself");
        String out = Files.readString(tmp.resolve("out.txt"));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("no sample named nonesuch; the samples are "), out);
        assertTrue(!Files.exists(png), "no picture of an empty window");
    }

    @Test
    void aProgramThatDoesNotCompileIsShotButTheRunFails() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.writeString(dir.resolve("layout.csl"), "layout {\n  @set_rectangle(1, 1\n}\n");
        Path png = tmp.resolve("broken.png");
        Process p = explorer("--open", dir.toString(), "--screenshot", png.toString(), "--cycles", "5");
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "it stops by itself");
        String out = Files.readString(tmp.resolve("out.txt"));
        assertEquals(2, p.exitValue(), "as run's load errors: " + out);
        assertTrue(Files.exists(png), "the picture, which shows why, is still written: " + out);
        assertTrue(out.contains("waferscope: --screenshot: the program did not load, so the picture shows none: "
                + "Could not load "), out);
        assertTrue(out.contains("broken: layout.csl:3:1: error: "), "the first error, positioned: " + out);
    }

    /** The explorer, headless, in a JVM of its own, its output to out.txt. */
    private Process explorer(String... args) throws java.io.IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Djava.util.prefs.userRoot=" + tmp.resolve("prefs"), Launcher.class.getName(), "--headless"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
    }
}
