package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the jar starts itself again, and with what command line. */
class RelaunchTest {
    @Test
    void onlyAJvmStartedOnTheLauncherStartsAgain() {
        assertTrue(Relaunch.startedOnLauncher("/opt/w/waferscope.jar bench allreduce", "/opt/w/waferscope.jar"));
        assertTrue(Relaunch.startedOnLauncher("org.waferscope.app.Launcher --sample x", "a.jar:b.jar"));
        assertFalse(Relaunch.startedOnLauncher("org.apache.maven.surefire.booter.ForkedBooter /tmp/x", "/tmp/x.jar"));
        assertFalse(Relaunch.startedOnLauncher("", ""));
    }

    @Test
    void onlyAJavaCommandTakesJvmOptions() {
        assertTrue(Relaunch.javaCommand("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
        assertTrue(Relaunch.javaCommand("C:\\jdk\\bin\\java.exe".replace('\\', java.io.File.separatorChar)));
        assertFalse(Relaunch.javaCommand("/opt/waferscope/bin/Waferscope"), "an app image's launcher");
        assertFalse(Relaunch.javaCommand(null));
    }

    @Test
    void theSecondCommandLineAddsTheOptionsAndStopsThere() {
        assertEquals(List.of("/usr/bin/java", HugePages.FLAG, "-XX:SharedArchiveFile=/c/a.jsa",
                        "-Dwaferscope.relaunched=true", "-Dwaferscope.launchedAt=1234", "-Xmx8g", "-jar", "w.jar", "run", "x"),
                Relaunch.command("/usr/bin/java", List.of(HugePages.FLAG, "-XX:SharedArchiveFile=/c/a.jsa"), 1234,
                        List.of("-Xmx8g", "-jar", "w.jar", "run", "x")));
    }

    @Test
    void aTestCallingMainGoesOnInItsOwnJvm() {
        assertEquals(-1, Relaunch.run(new String[] {"--version"}));
        assertEquals(-1, Relaunch.run(new String[] {"run", "nothing"}), "surefire's JVM is not the launcher's");
    }
}
