package org.waferscope.engine.program;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
import org.waferscope.engine.csl.CslError;
import org.waferscope.engine.csl.Diagnostics;
import org.waferscope.engine.csl.layout.TileSources;
import org.waferscope.engine.csl.link.CslLibraries;
import org.waferscope.engine.csl.link.ModuleFiles;
import org.waferscope.engine.csl.link.ModuleLinker;
import org.waferscope.engine.csl.syntax.Parser;
import org.waferscope.engine.csl.syntax.SourceFile;
import org.waferscope.engine.ir.SourcePos;

/**
 * The CSL files of one load: each read and parsed once, PE programs and the layout with the
 * user modules they import linked in. Every file read is kept in {@code sources} for the
 * source view.
 */
final class CslFiles implements ModuleFiles, TileSources {
    private final ProgramSource src;
    private final Diagnostics diags;
    private final Map<String, String> sources;
    private final String layoutName;
    private final String arch;
    private final Map<String, SourceFile> modules = new HashMap<>();
    private final Map<String, SourceFile> programs = new HashMap<>();

    CslFiles(ProgramSource src, String layoutName, String arch, Diagnostics diags, Map<String, String> sources) {
        this.src = src;
        this.arch = arch;
        this.layoutName = layoutName;
        this.diags = diags;
        this.sources = sources;
    }

    /** The layout file, parsed and linked; null when it has errors (reported). */
    SourceFile layout() {
        int mark = diags.count();
        SourceFile f = Parser.parse(layoutName, ProgramLoader.text(src, layoutName, ProgramLoader.MAX_CSL_BYTES,
                ProgramLoader.wholeFile(src, layoutName), sources), diags);
        return diags.count() > mark ? null : ModuleLinker.link(f, this, diags);
    }

    /** A PE program that {@code @set_tile_code} names, with its modules. */
    @Override
    public SourceFile source(String name, SourcePos at) {
        if (name.equals(layoutName)) {
            throw new CslError(at, "the layout file cannot be a PE program");
        }
        if (!programs.containsKey(name)) {
            int mark = diags.count();
            SourceFile f = Parser.parse(name, CslLibraries.isBundled(name) ? bundled(name, at)
                    : ProgramLoader.text(src, name, ProgramLoader.MAX_CSL_BYTES, at, sources), diags);
            programs.put(name, diags.count() > mark ? null : ModuleLinker.link(f, this, diags));
        }
        return programs.get(name);
    }

    /**
     * A bundled library's PE program, which its layout half names in {@code @set_tile_code}
     * as {@code "<kernels/fft/fft3d_pe>"}: the program folder holds no copy of it.
     */
    private String bundled(String name, SourcePos at) {
        try {
            String text = CslLibraries.text(name);
            sources.put(name, text);
            return text;
        } catch (IOException e) {
            throw new CslError(at, "cannot read " + name + ": " + e.getMessage());
        }
    }

    @Override
    public String arch() {
        return arch;
    }

    /** A module file, read through {@link ProgramSource#readModule}, which may reach past the folder. */
    @Override
    public SourceFile load(String name, SourcePos at) {
        if (!modules.containsKey(name)) {
            String text;
            try {
                text = CslLibraries.isBundled(name) ? CslLibraries.text(name)
                        : SourceBytes.text(name, src.readModule(name, ProgramLoader.MAX_CSL_BYTES));
            } catch (NoSuchFileException e) {
                throw new CslError(at, "there is no module file " + name);
            } catch (IOException e) {
                throw new CslError(at, "cannot read module " + name + ": " + e.getMessage());
            }
            sources.put(name, text);
            int mark = diags.count();
            SourceFile f = Parser.parse(name, text, diags);
            modules.put(name, diags.count() > mark ? null : f);
        }
        return modules.get(name);
    }
}
