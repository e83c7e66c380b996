package org.waferscope.app.session;

import java.nio.file.Path;
import org.waferscope.engine.program.WaferProgram;

/**
 * Turns a program folder into a program for the wafer (the CSL front end). A failure's
 * message holds one problem per line, each naming file, line and column.
 */
@FunctionalInterface
public interface FolderLoader {
    WaferProgram load(Path folder) throws Exception;
}
