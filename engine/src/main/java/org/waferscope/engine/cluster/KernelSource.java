package org.waferscope.engine.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.waferscope.engine.arch.ArchProfile;
import org.waferscope.engine.csl.ProgramLoadException;
import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.ProgramSource;
import org.waferscope.engine.program.WaferProgram;

/**
 * The cluster folder seen as a wafer program: its CSL files as they are, and a run.json
 * with no host steps, because the cluster's host (MemoryX and SwarmX) drives the kernel
 * itself between passes.
 */
final class KernelSource implements ProgramSource {
    private static final byte[] RUN_JSON = "{ \"steps\": [] }".getBytes(StandardCharsets.UTF_8);

    private final ProgramSource folder;
    private final String title;

    /** Compiles the folder's layout.csl and kernels for one layer rectangle and SRAM plan. */
    static WaferProgram load(ProgramSource folder, ArchProfile arch, SramPlan plan, int width, int height)
            throws ProgramLoadException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("width", Integer.toString(width));
        params.put("height", Integer.toString(height));
        params.put("bp", Integer.toString(plan.bp()));
        params.put("act_len", Integer.toString(plan.actLength()));
        params.put("grad_len", Integer.toString(plan.gradLength()));
        params.put("dw_len", Integer.toString(plan.dwLength()));
        params.put("wbuf_len", Integer.toString(plan.wbufLength()));
        ProgramLoader.LoadOptions options = ProgramLoader.LoadOptions.DEFAULTS.withArch(arch).withParams(params);
        return ProgramLoader.load(new KernelSource(folder, folder.name(), "layout.csl"), options);
    }

    /** Compiles the folder's layout_pipelined.csl (as the layout) with its kernels and the given params. */
    static WaferProgram loadPipelined(ProgramSource folder, ArchProfile arch, Map<String, String> params)
            throws ProgramLoadException {
        ProgramLoader.LoadOptions options = ProgramLoader.LoadOptions.DEFAULTS.withArch(arch).withParams(params);
        return ProgramLoader.load(new KernelSource(folder, folder.name(), "layout_pipelined.csl"), options);
    }

    private final String layout;

    KernelSource(ProgramSource folder, String title, String layout) {
        this.folder = folder;
        this.title = title;
        this.layout = layout;
    }

    @Override
    public String name() {
        return title;
    }

    @Override
    public Path folder() {
        return folder.folder();
    }

    @Override
    public byte[] read(String relativeName, int maxBytes) throws IOException {
        if (relativeName.equals("run.json")) {
            return RUN_JSON.clone();
        }
        if (relativeName.equals("layout.csl")) {
            return folder.read(layout, maxBytes);
        }
        return folder.read(relativeName, maxBytes);
    }
}
