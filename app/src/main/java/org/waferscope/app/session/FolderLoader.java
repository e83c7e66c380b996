package org.waferscope.app.session;

import java.nio.file.Path;
import java.util.Map;
import org.waferscope.engine.program.SdkChoice;
import org.waferscope.engine.program.WaferProgram;

/**
 * Turns a program folder into a program for the wafer (the CSL front end). A failure's
 * message holds one problem per line, each naming file, line and column.
 */
@FunctionalInterface
public interface FolderLoader {
    /**
     * @param params layout params, as text, that override the run.json's; empty for the
     *               program as its folder defines it
     */
    WaferProgram load(Path folder, Map<String, String> params) throws Exception;

    /**
     * As {@link #load(Path, Map)}, opening build {@code build} of an SDK example's build script
     * (null: its first). A loader that cannot choose builds refuses any but the first.
     */
    default WaferProgram load(Path folder, Map<String, String> params, SdkChoice build) throws Exception {
        if (build != null && !build.equals(SdkChoice.FIRST)) {
            throw new IllegalArgumentException("this loader opens the first build of an SDK example only");
        }
        return load(folder, params);
    }
}
