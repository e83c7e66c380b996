package org.waferscope.engine.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.waferscope.engine.csl.Diagnostic;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.ir.SourcePos;
import org.waferscope.engine.program.FolderSource;
import org.waferscope.engine.program.ProgramSource;

/** A cluster program folder: {@code cluster.json}, the kernel's CSL files and the data set. */
public record ClusterProgram(ClusterSpec spec, ProgramSource folder, Dataset data) {
    /** True when the folder holds a cluster.json. */
    public static boolean isCluster(ProgramSource folder) {
        try {
            folder.read(ClusterJson.FILE, 1 << 20);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static ClusterProgram load(Path dir) throws ProgramLoadException {
        try {
            return load(new FolderSource(dir));
        } catch (IOException e) {
            throw new ProgramLoadException(new Diagnostic(new SourcePos(String.valueOf(dir), 1, 1),
                    "cannot open the cluster folder: " + e.getMessage()));
        }
    }

    public static ClusterProgram load(ProgramSource folder) throws ProgramLoadException {
        String text;
        try {
            text = new String(folder.read(ClusterJson.FILE, 1 << 20), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProgramLoadException(new Diagnostic(new SourcePos(ClusterJson.FILE, 1, 1),
                    "the folder has no cluster.json"));
        } catch (IOException e) {
            throw new ProgramLoadException(new Diagnostic(new SourcePos(ClusterJson.FILE, 1, 1),
                    "cannot read cluster.json: " + e.getMessage()));
        }
        ClusterSpec spec = ClusterJson.read(text);
        return new ClusterProgram(spec, folder, Dataset.read(folder, spec));
    }

    public ClusterProgram with(ClusterSpec other) {
        return new ClusterProgram(other, folder, data);
    }
}
