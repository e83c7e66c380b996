package org.waferscope.app.cli;

import org.waferscope.engine.program.ProgramLoader;
import org.waferscope.engine.program.SdkChoice;
import picocli.CommandLine.Option;

/**
 * The {@code --build N[:VARIANT]} option of every command that opens a program folder, as a
 * picocli mixin so that each says it and parses it the same way. A malformed value is a usage
 * error here; a build the folder's script does not have is refused by the loader, positioned at
 * the script's file:1:1.
 */
final class BuildOption {
    // worded so that no line of any command's --help ends inside "run.py": picocli may wrap after its dot
    static final String HELP = "the Nth build (from 1) of an SDK example whose build script compiles several, "
            + "and a variant of its run.py (2:inverse is the 2nd build run with --inverse)";

    @Option(names = "--build", paramLabel = "N[:VARIANT]", description = HELP)
    String build;

    /**
     * {@code options} with the build asked for, if any.
     *
     * @throws IllegalArgumentException with a message naming the option, when the value is malformed
     */
    ProgramLoader.LoadOptions apply(ProgramLoader.LoadOptions options) {
        return apply(options, "--build", build);
    }

    /** As above for an option of another name (compare's {@code --build-a}); a null value leaves {@code options} as is. */
    static ProgramLoader.LoadOptions apply(ProgramLoader.LoadOptions options, String name, String value) {
        if (value == null) {
            return options;
        }
        try {
            return options.withBuild(SdkChoice.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }
}
