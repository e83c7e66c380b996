package org.waferscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When the jar starts itself again with transparent huge pages, and with what command line. */
class HugePagesTest {
    @Test
    void onlyTheMadviseModeNeedsTheOption() {
        assertTrue(HugePages.madviseMode("always [madvise] never\n"));
        assertFalse(HugePages.madviseMode("[always] madvise never\n"), "the kernel gives them anyway");
        assertFalse(HugePages.madviseMode("always madvise [never]\n"));
        assertFalse(HugePages.madviseMode(null), "not Linux");
    }

    @Test
    void onlyAJvmStartedOnTheLauncherStartsAgain() {
        assertTrue(HugePages.startedOnLauncher("/opt/w/waferscope.jar bench allreduce", "/opt/w/waferscope.jar"));
        assertTrue(HugePages.startedOnLauncher("org.waferscope.app.Launcher --sample x", "a.jar:b.jar"));
        assertFalse(HugePages.startedOnLauncher("org.apache.maven.surefire.booter.ForkedBooter /tmp/x", "/tmp/x.jar"));
        assertFalse(HugePages.startedOnLauncher("", ""));
    }

    @Test
    void theSecondCommandLineAddsTheOptionAndStopsThere() {
        assertEquals(List.of("/usr/bin/java", HugePages.FLAG, "-Dwaferscope.hugePages=off", "-Xmx8g", "-jar", "w.jar", "run", "x"),
                HugePages.command("/usr/bin/java", new String[] {"-Xmx8g", "-jar", "w.jar", "run", "x"}));
        assertNull(HugePages.command("/usr/bin/java", new String[] {"-XX:-UseTransparentHugePages", "-jar", "w.jar"}),
                "turned off by hand");
        assertNull(HugePages.command(null, new String[] {"-jar", "w.jar"}));
        assertNull(HugePages.command("/usr/bin/java", new String[0]));
    }

    @Test
    void aTestCallingMainGoesOnInItsOwnJvm() {
        assertEquals(-1, HugePages.relaunch(new String[] {"--version"}));
        assertEquals(-1, HugePages.relaunch(new String[] {"run", "nothing"}), "surefire's JVM is not the launcher's");
    }
}
