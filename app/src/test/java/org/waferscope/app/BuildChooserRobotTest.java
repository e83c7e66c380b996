package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening an SDK example whose build script compiles two programs asks which one; the one
 * chosen is the one that loads (its params and rectangle), and a reload keeps it.
 */
@ExtendWith(ApplicationExtension.class)
class BuildChooserRobotTest {
    private RealExplorer explorer;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        explorer = new RealExplorer(stage);
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        explorer.close(robot);
    }

    static Path twoBuilds(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("commands_wse2.sh"), """
                cslc ./layout.csl --params=w:2 -o a
                cs_python run.py --name a
                cslc ./layout.csl --params=w:5 -o b
                cs_python run.py --name b
                """);
        Files.writeString(dir.resolve("layout.csl"), """
                param w: i16;
                const memcpy = @import_module("<memcpy/get_params>", .{ .width = w, .height = 1 });
                layout {
                  @set_rectangle(w, 1);
                  for (@range(i16, w)) |x| {
                    @set_tile_code(x, 0, "pe.csl", .{ .memcpy_params = memcpy.get_params(x) });
                  }
                  @export_name("go", fn()void);
                }
                """);
        Files.writeString(dir.resolve("pe.csl"), """
                param memcpy_params: comptime_struct;
                const sys = @import_module("<memcpy/memcpy>", memcpy_params);
                fn go() void { sys.unblock_cmd_stream(); }
                comptime { @export_symbol(go); }
                """);
        Files.writeString(dir.resolve("run.json"), "{ \"steps\": [ { \"launch\": \"go\" } ] }");
        return dir;
    }

    @Test
    void theChosenBuildLoads(FxRobot robot) throws Exception {
        Path dir = twoBuilds(tmp.resolve("two-builds"));
        Platform.runLater(() -> explorer.window.open(dir));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> builds = robot.lookup("#build-chooser .combo-box").queryAs(ComboBox.class);
        assertEquals(java.util.List.of("build 1  [w:2]", "build 2  [w:5]"), builds.getItems());
        robot.interact(() -> builds.getSelectionModel().select(1));
        robot.interact(() -> ((javafx.scene.control.DialogPane) robot.lookup("#build-chooser").query())
                .lookupButton(javafx.scene.control.ButtonType.OK).fireEvent(new javafx.event.ActionEvent()));
        WaitForAsyncUtils.waitForFxEvents();
        explorer.pulse(robot);
        assertEquals(5, explorer.session.programProperty().get().layout().width());
        robot.interact(() -> explorer.session.fxOpen(dir, java.util.Map.of()));
        explorer.pulse(robot);
        assertEquals(5, explorer.session.programProperty().get().layout().width(), "a reload keeps the build");
    }

    @Test
    void openedWithoutChoosingTheConsoleSaysWhichBuildIsOpenAndHowToOpenTheOthers(FxRobot robot) throws Exception {
        Path dir = twoBuilds(tmp.resolve("two-builds"));
        robot.interact(() -> explorer.window.open(dir, null));   // as --open without --build
        explorer.pulse(robot);
        assertEquals(2, explorer.session.programProperty().get().layout().width(), "the first build");
        assertTrue(explorer.session.console().lines().stream().anyMatch(l -> l.text().equals(
                "two-builds: its build script compiles 2 programs (build 1 [w:2], build 2 [w:5]); build 1 is open."
                        + " --build N opens another from the command line, and File > Open asks which.")),
                explorer.session.console().lines().toString());
        long shown = explorer.session.console().lines().stream()
                .filter(l -> l.kind() == org.waferscope.engine.api.ConsoleLine.Kind.WARNING).count();
        assertEquals(1, shown, explorer.session.console().lines().toString());
        assertEquals(shown, explorer.session.console().warningsProperty().get(),
                "the count beside the console counts the note posted while the program loaded");
    }
}
