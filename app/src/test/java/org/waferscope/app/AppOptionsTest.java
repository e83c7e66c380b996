package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.waferscope.engine.api.MetricLayer;

class AppOptionsTest {
    @Test
    void parsesTheScreenshotRun() {
        AppOptions o = AppOptions.parse(List.of("--open", "progs/heat", "--screenshot", "shot.png", "--cycles", "500",
                "--layer", "task-state", "--select", "3,4", "--theme", "light", "--param", "M=64", "--param", "N=32"));
        assertEquals(java.util.Map.of("M", "64", "N", "32"), o.params());
        assertEquals(Path.of("progs/heat"), o.open());
        assertEquals(Path.of("shot.png"), o.screenshot());
        assertEquals(500, o.cycles());
        assertEquals(MetricLayer.TASK_STATE, o.layer().layer());
        assertArrayEquals(new int[] {3, 4}, o.select());
        assertEquals("light", o.theme());
    }

    @Test
    void buildChoosesABuildOfTheOpenedSdkExample() {
        AppOptions o = AppOptions.parse(List.of("--open", "csl-examples/benchmarks/fft-1d-2d", "--build", "2:inverse"));
        assertEquals(new org.waferscope.engine.program.SdkChoice(2, "inverse"), o.build());
        assertNull(AppOptions.parse(List.of("--open", "x")).build());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--build", "2")))
                .getMessage().contains("give --open DIR"));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--open", "x", "--build", "two")));
    }

    @Test
    void headlessIsAFlag() {
        AppOptions o = AppOptions.parse(List.of("--headless", "--screenshot", "a.png"));
        assertEquals(Path.of("a.png"), o.screenshot());
    }

    @Test
    void noArgumentsOpensTheDefaultSample() {
        AppOptions o = AppOptions.parse(List.of());
        assertNull(o.open());
        assertNull(o.screenshot());
    }

    @Test
    void unknownOptionsAndMissingValuesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--bogus", "x")));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--open")));
        assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--select", "1")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--sample", "x", "frobnicate")))
                .getMessage().startsWith("unknown option frobnicate"), "a lone unknown word is unknown, not missing a value");
        assertEquals("--cycles wants a whole number, not abc",
                assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--cycles", "abc"))).getMessage());
        assertEquals("--select wants a whole number, not a",
                assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--select", "a,b"))).getMessage());
    }

    @Test
    void aFirstWordThatIsNoOptionIsAnUnknownCommand() {
        String said = assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("bogus-cmd"))).getMessage();
        assertTrue(said.startsWith("unknown command bogus-cmd"), said);
        assertTrue(said.contains("run|bench"), said);
    }

    @Test
    void anUnknownCommandIsAnsweredWithWhatWasLikelyMeant() {
        // a new user's guesses: a "compile" command, a sample without --sample, a typo
        java.util.function.Function<String, String> said = w -> assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of(w, "broadcast-chain"))).getMessage().lines().findFirst().orElseThrow();
        // "check" is a command now (CheckCommand): the other words a user tries for it point there
        assertEquals("unknown command compile: `check PROGRAM` says every error of a program without running it",
                said.apply("compile"));
        assertEquals("unknown command mandelbrot: to open the sample mandelbrot in the explorer, --sample mandelbrot; "
                + "to run it without the window, run mandelbrot", said.apply("mandelbrot"));
        assertEquals("unknown command export-trase; did you mean 'export-trace'?", said.apply("export-trase"));
        assertEquals("unknown command rum; did you mean 'run'?", said.apply("rum"));
        assertEquals("unknown command frobnicate", said.apply("frobnicate"), "nothing close: no guess");
    }

    @Test
    void windowSetsTheWindowsSize() {
        assertArrayEquals(new int[] {1280, 800}, AppOptions.parse(List.of("--window", "1280x800")).window());
        assertArrayEquals(new int[] {1920, 1080}, AppOptions.parse(List.of("--window", " 1920X1080 ")).window());
        assertEquals(null, AppOptions.parse(List.of()).window());
        for (String bad : List.of("1280", "1280x", "x800", "axb", "320x200", "99999999999x800", "1280x800x2")) {
            assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--window", bad)), bad);
        }
    }

    @Test
    void commandLineWordsAreRecognised() {
        assertEquals(java.util.Set.of("run", "check", "bench", "export-trace", "compare", "train", "sdk-examples-check"),
                Launcher.COMMANDS);
    }

    @Test
    void valueLayerTakesAVariable() {
        AppOptions o = AppOptions.parse(List.of("--layer", "value:sum(T)"));
        assertEquals(MetricLayer.VALUE, o.layer().layer());
        assertEquals("sum(T)", o.layer().value().text());
        assertEquals("T[3]", AppOptions.parse(List.of("--layer", "value:T[3]")).layer().value().text());
        assertTrue(AppOptions.parse(List.of("--layer", "value:counts@row")).layer().asRow(), "@row draws arrays as rows");
        assertEquals("value:counts@row", AppOptions.parse(List.of("--layer", "value:counts@row")).layer().text());
        assertTrue(AppOptions.parse(List.of("--layer", "value:T@halo")).layer().halo(), "@halo: a haloed tile");
        assertEquals("value:T@halo", AppOptions.parse(List.of("--layer", "value:T@halo")).layer().text());
        assertEquals("T", AppOptions.parse(List.of("--layer", "value:T@halo")).layer().value().text());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--layer", "value:T[")));
        assertEquals("--layer: value:T[:2: expected a closing ']'", e.getMessage());
    }

    @Test
    void theExplorerKnowsTheVersionAsEveryCommandDoes() {
        java.io.PrintStream was = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Launcher.main(new String[] {"--version"});
        } finally {
            System.setOut(was);
        }
        assertEquals(org.waferscope.app.cli.WaferscopeCli.VERSION, out.toString(java.nio.charset.StandardCharsets.UTF_8).trim());
    }

    @Test
    void aMistypedSampleOrAMissingFolderIsSaidBeforeAnyWindow(@org.junit.jupiter.api.io.TempDir Path tmp) {
        var samples = new org.waferscope.app.samples.SampleCatalog(AppOptionsTest.class.getClassLoader());
        assertEquals(samples.unknown("nonesuch"),
                AppOptions.parse(List.of("--sample", "nonesuch")).missingProgram(samples));
        assertTrue(samples.unknown("nonesuch").startsWith("no sample named nonesuch; the samples are "));
        assertEquals("cannot open the program folder: " + tmp.resolve("gone") + " is not a folder",
                AppOptions.parse(List.of("--open", tmp.resolve("gone").toString())).missingProgram(samples));
        assertNull(AppOptions.parse(List.of("--sample", "game-of-life")).missingProgram(samples));
        assertNull(AppOptions.parse(List.of("--open", tmp.toString())).missingProgram(samples));
        assertNull(AppOptions.parse(List.of()).missingProgram(samples), "no program named: the default sample");
    }

    @Test
    void negativeCyclesOrPlacesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--screenshot", "x.png",
                "--cycles", "-5"))).getMessage().contains("--cycles wants 0 or more"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AppOptions.parse(List.of("--select", "-1,2")))
                .getMessage().contains("--select wants X,Y, each 0 or more"));
    }

    @Test
    void aFileGivenForItsFolderNamesTheFolder(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        var samples = new org.waferscope.app.samples.SampleCatalog(AppOptionsTest.class.getClassLoader());
        Path layout = java.nio.file.Files.writeString(tmp.resolve("layout.csl"), "layout { }");
        assertEquals("cannot open the program folder: " + layout + " is a file, not a folder: give the program folder "
                + "that holds it, " + tmp.toAbsolutePath().normalize(),
                AppOptions.parse(List.of("--open", layout.toString())).missingProgram(samples));
    }

    @Test
    void helpSaysWhatEachOptionAndCommandIsAndHowToAskACommandForMore() {
        String help = HelpText.of(List.of("--help"));
        assertTrue(help != null && help.startsWith(AppOptions.USAGE), help);
        for (String o : AppOptions.WITH_VALUE) {
            assertTrue(help.contains("\n  " + o + " "), "the help explains " + o);
        }
        assertTrue(help.contains("\n  " + AppOptions.HEADLESS + " "), "and --headless");
        for (String c : Launcher.COMMANDS) {
            assertTrue(help.contains("\n  " + c + " "), "the help says what " + c + " does");
        }
        assertTrue(help.contains("waferscope run --help"), help);
        assertEquals(help, HelpText.of(List.of("help")));
        assertEquals(help, HelpText.of(List.of("--sample", "summa", "-h")));
        assertEquals(null, HelpText.of(List.of("--sample", "summa")));
    }
}
