package org.waferscope.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A command line run in-process: its exit code and what it wrote to each stream. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WaferscopeCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
